package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post-void, return and exchange of one sale, raced over HTTP (8 requests released together by a
 * barrier, several rounds): exactly one of them changes the sale, the others are refused, and the
 * cash in the drawers moves exactly as the documents say. The sale is rung at D3, the returns and
 * exchanges are taken at D2 (issue 22, finding 1).
 */
class OneSaleOneOutcomeIntegrationTests extends IntegrationTest {

    private static final int ROUNDS = 4;
    private static final int THREADS = 8;
    private static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @BeforeEach
    void openDrawers() {
        ensureOpen("D3");
        ensureOpen("D2");
    }

    private BigDecimal expectedCash(String drawer) {
        return new BigDecimal(api.get("/api/v1/drawers/" + drawer + "/x-report", "manager").text("expectedCash"));
    }

    private Supplier<Api.Response> voidOf(String receipt) {
        return () -> api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                "{\"reason\":\"rung twice\"," + APPROVAL + "}");
    }

    private Supplier<Api.Response> returnOf(String receipt) {
        return () -> api.post("/api/v1/returns", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D2","lines":[{"lineNo":1,"quantity":2,"reason":"DEFECTIVE","restock":false}],
                 "refundMethod":"CASH"}""".formatted(receipt));
    }

    private Supplier<Api.Response> exchangeOf(String receipt) {
        return () -> api.post("/api/v1/exchanges", "clerk2", """
                {"receiptNumber":"%s","drawerId":"D2",
                 "returnLines":[{"lineNo":1,"quantity":2,"reason":"WRONG_ITEM","restock":true}],
                 "newLines":[{"sku":"LV-1019","quantity":2}]}""".formatted(receipt));
    }

    /** One round: a fresh sale, half the threads doing {@code first}, half {@code second}. */
    private void race(java.util.function.Function<String, Supplier<Api.Response>> first,
            java.util.function.Function<String, Supplier<Api.Response>> second) {
        for (int round = 0; round < ROUNDS; round++) {
            String receipt = cashSale("D3", "LV-1019", 2, "40.00");
            BigDecimal d3 = expectedCash("D3");
            BigDecimal d2 = expectedCash("D2");
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                contestants.add(i % 2 == 0 ? first.apply(receipt) : second.apply(receipt));
            }
            List<Api.Response> answers = Race.run(contestants);

            List<Api.Response> won = answers.stream().filter(r -> r.status() == 200 || r.status() == 201).toList();
            assertThat(won).as("round %d: %s", round, answers).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200 && r.status() != 201)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(409, 422));

            JsonNode sale = api.get("/api/v1/sales/" + receipt, "clerk").json();
            int returned = sale.get("lines").get(0).get("returnedQuantity").asInt();
            boolean voided = "VOIDED".equals(sale.get("status").asString());
            assertThat(voided ^ returned == 2).as("voided %s, returned %d", voided, returned).isTrue();

            Api.Response winner = won.get(0);
            System.out.printf("one sale race, round %d: %s%n", round, answers.stream().map(Api.Response::status).toList());
            BigDecimal cashTaken = BigDecimal.ZERO; // the total with its cash rounding (39.98 -> 40.00)
            for (JsonNode t : sale.get("tenders")) {
                if ("CASH".equals(t.get("type").asString())) {
                    cashTaken = cashTaken.add(new BigDecimal(t.get("amount").asString()));
                }
            }
            BigDecimal paidOutAtD3 = voided ? cashTaken : BigDecimal.ZERO;
            BigDecimal paidOutAtD2 = winner.status() == 201 && winner.json().has("returnNumber")
                    ? new BigDecimal(winner.text("refundTotal")) : BigDecimal.ZERO;
            assertThat(d3.subtract(expectedCash("D3"))).isEqualByComparingTo(paidOutAtD3);
            assertThat(d2.subtract(expectedCash("D2"))).isEqualByComparingTo(paidOutAtD2);
        }
    }

    @Test
    void aVoidAndAReturnOfOneSaleAtTheSameMomentHaveOneWinner() {
        race(this::voidOf, this::returnOf);
    }

    @Test
    void aVoidAndAnExchangeOfOneSaleAtTheSameMomentHaveOneWinner() {
        race(this::voidOf, this::exchangeOf);
    }

    @Test
    void aReturnAndAnExchangeOfOneSaleAtTheSameMomentHaveOneWinner() {
        race(this::returnOf, this::exchangeOf);
    }
}
