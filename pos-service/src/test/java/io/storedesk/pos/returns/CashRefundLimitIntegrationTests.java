package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cash-refund limit (150.00 in the demo) holds per return, per sale and per customer over
 * pos.returns.cash-refund-window, so small returns cannot get around it (issue 22, finding 10),
 * also when they are sent at the same moment. Drawer D1; EL-2002 costs 49.00.
 */
class CashRefundLimitIntegrationTests extends IntegrationTest {

    private static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @Autowired
    LoyaltyAccounts accounts;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    private String sale(int units, String card) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1",%s"lines":[{"sku":"EL-2002","quantity":%d}],"tenders":[{"type":"CASH","amount":"%d.00"}]}"""
                .formatted(card == null ? "" : "\"loyaltyCard\":\"" + card + "\",", units, 49 * units));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }

    private Api.Response returnUnits(String receipt, int units, boolean approved) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":%d,"reason":"CHANGED_MIND","restock":true}],
                 "refundMethod":"CASH"%s}""".formatted(receipt, units, approved ? "," + APPROVAL : ""));
    }

    @Test
    void smallReturnsOfOneSaleStopAtTheLimitForTheSale() {
        String receipt = sale(4, null);
        for (int i = 0; i < 3; i++) {
            Api.Response r = returnUnits(receipt, 1, false);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        Api.Response fourth = returnUnits(receipt, 1, false);
        assertThat(fourth.status()).as(fourth.body()).isEqualTo(422);
        assertThat(fourth.text("type")).endsWith("/cash-refund-limit");
        assertThat(returnUnits(receipt, 1, true).status()).isEqualTo(201);
    }

    @Test
    void returnsOfSeveralSalesOfOneCustomerStopAtTheLimitForTheCustomer() {
        String card = "77%011d".formatted(System.nanoTime() % 100_000_000_000L);
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, "T-" + card, "Ilze Ozola", null, 0,
                OffsetDateTime.parse("2026-11-20T10:00:00Z")));
        String first = sale(2, card);
        String second = sale(2, card);
        assertThat(returnUnits(first, 2, false).status()).isEqualTo(201);

        Api.Response over = returnUnits(second, 2, false);

        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.text("type")).endsWith("/cash-refund-limit");
        assertThat(over.text("detail")).contains("customer");
        assertThat(returnUnits(second, 2, true).status()).isEqualTo(201);
    }

    @Test
    void smallReturnsOfOneSaleSentAtOnceStillStopAtTheLimit() {
        for (int round = 0; round < 3; round++) {
            String receipt = sale(8, null);
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                contestants.add(() -> returnUnits(receipt, 1, false));
            }
            List<Api.Response> answers = Race.run(contestants);

            List<Api.Response> taken = answers.stream().filter(r -> r.status() == 201).toList();
            assertThat(taken).as("%s", answers).hasSize(3);
            assertThat(answers).filteredOn(r -> r.status() != 201)
                    .allSatisfy(r -> assertThat(r.body()).contains("cash-refund-limit"));
            BigDecimal cash = taken.stream().map(r -> new BigDecimal(r.text("refundTotal")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(cash).isEqualByComparingTo("147.00");
        }
    }
}
