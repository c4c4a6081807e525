package io.storedesk.pos.returns;

import java.time.Duration;
import java.util.List;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Returns of card and split-tender sales at drawer D3, refunded through the bundled acquirer simulator. */
class CardReturnIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";

    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;

    @BeforeEach
    void linkUp() {
        ensureOpen("D3");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    private List<SimulatorMessage> refundsSent() {
        return simulator.received().stream().filter(m -> m.mti().equals("0200") && "200000".equals(m.processingCode()))
                .toList();
    }

    private String sale(String tenders) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"EL-2002","quantity":1}],"tenders":[%s]}""".formatted(tenders));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }

    private static String returnBody(String receipt) {
        return """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":1,"quantity":1,"reason":"WRONG_ITEM",
                 "restock":true}]}""".formatted(receipt);
    }

    @Test
    void aCardSaleIsRefundedToTheCard() {
        String receipt = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");

        Api.Response r = api.post("/api/v1/returns", "clerk", returnBody(receipt));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("refundTotal")).isEqualTo("49.00");
        assertThat(r.json().get("refunds")).singleElement().satisfies(f -> {
            assertThat(f.get("type").asString()).isEqualTo("CARD");
            assertThat(f.get("amount").asString()).isEqualTo("49.00");
            assertThat(f.get("maskedPan").asString()).isEqualTo("476173******0010");
        });
        assertThat(refundsSent()).singleElement().satisfies(m -> {
            assertThat(m.fields().get(4)).isEqualTo("000000004900");
            assertThat(m.fields()).doesNotContainKeys(2, 35);
        });
    }

    @Test
    void aRepeatedReturnRefundsOnce() {
        String receipt = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");

        Api.Response first = api.postIdempotent("/api/v1/returns", "clerk", "return-repeat-" + receipt, returnBody(receipt));
        Api.Response again = api.postIdempotent("/api/v1/returns", "clerk", "return-repeat-" + receipt, returnBody(receipt));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(refundsSent()).hasSize(1);
    }

    @Test
    void aSplitTenderSaleIsRefundedToTheCardFirstThenInCash() {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"20.00\"},{\"type\":\"CARD\",\"card\":{\"pan\":\""
                + VISA + "\",\"expiry\":\"3012\"}}");

        Api.Response r = api.post("/api/v1/returns", "clerk", returnBody(receipt));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode refunds = r.json().get("refunds");
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).get("type").asString()).isEqualTo("CARD");
        assertThat(refunds.get(0).get("amount").asString()).isEqualTo("29.00");
        assertThat(refunds.get(1).get("type").asString()).isEqualTo("CASH");
        assertThat(refunds.get(1).get("amount").asString()).isEqualTo("20.00");
        assertThat(refundsSent()).singleElement().satisfies(m -> assertThat(m.fields().get(4)).isEqualTo("000000002900"));
    }

    @Test
    void whenTheCashCannotBePaidOutTheCardRefundIsReversedAndNothingIsStored() {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"20.00\"},{\"type\":\"CARD\",\"card\":{\"pan\":\""
                + VISA + "\",\"expiry\":\"3012\"}}");

        // D4 is never opened in the shared context: the card part is refunded, the cash part cannot be
        Api.Response r = api.post("/api/v1/returns", "clerk", returnBody(receipt).replace("\"D3\"", "\"D4\""));

        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.text("type")).endsWith("/problems/drawer-not-open");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sale_return WHERE receipt_number = ?").param(receipt)
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk").json().get("lines").get(0).get("returnedQuantity")
                .asInt()).isZero();
        assertThat(refundsSent()).hasSize(1);
        SimulatorMessage refund = refundsSent().get(0);
        await().atMost(Duration.ofSeconds(15)).until(() -> simulator.received().stream()
                .anyMatch(m -> m.mti().startsWith("040") && "200000".equals(m.processingCode())));
        SimulatorMessage reversal = simulator.received().stream().filter(m -> m.mti().startsWith("040")).findFirst()
                .orElseThrow();
        assertThat(reversal.fields().get(90)).startsWith("0200" + refund.fields().get(11) + refund.fields().get(7));
    }

    @Test
    void refundMethodCashPaysEverythingInCash() {
        String receipt = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");

        Api.Response r = api.post("/api/v1/returns", "clerk", returnBody(receipt).replace("}]}", "}],\"refundMethod\":\"CASH\"}"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("refunds")).singleElement().satisfies(f -> {
            assertThat(f.get("type").asString()).isEqualTo("CASH");
            assertThat(f.get("amount").asString()).isEqualTo("49.00");
        });
        assertThat(refundsSent()).isEmpty();
    }
}
