package io.storedesk.pos.returns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Post-voids over HTTP at drawer D3: same business day, manager approval, cash back out, cards reversed. */
class PostVoidIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";
    static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    private Api.Response sale(String tenders) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"EL-2001","quantity":1},{"sku":"LV-1001","quantity":2}],
                 "tenders":[%s]}""".formatted(tenders));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private Api.Response voidSale(String receipt, String body) {
        return api.post("/api/v1/sales/" + receipt + "/void", "clerk", body);
    }

    private BigDecimal expectedCash() {
        return new BigDecimal(api.get("/api/v1/drawers/D3/x-report", "manager").text("expectedCash"));
    }

    @Test
    void aVoidedCashSalePaysTheCashBackOutAndShowsAsVoided() {
        BigDecimal before = expectedCash();
        Api.Response sale = sale("{\"type\":\"CASH\",\"amount\":\"30.00\"}");
        String receipt = sale.text("receiptNumber");
        assertThat(expectedCash().subtract(before)).isEqualByComparingTo("23.70");

        Api.Response voided = voidSale(receipt, "{\"reason\":\"customer changed mind at the till\"," + APPROVAL + "}");

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.text("status")).isEqualTo("VOIDED");
        assertThat(expectedCash()).isEqualByComparingTo(before);
        Api.Response read = api.get("/api/v1/sales/" + receipt, "clerk");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("VOIDED");
        assertThat(read.text("total")).isEqualTo("23.68");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'SALE_VOIDED' AND reference = ?")
                .param(receipt).query(Long.class).single()).isOne();
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aVoidedCardSaleIsReversedAtTheAcquirer() {
        Api.Response sale = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");
        String rrn = sale.json().get("tenders").get(0).get("rrn").asString();

        Api.Response voided = voidSale(sale.text("receiptNumber"), "{\"reason\":\"wrong card\"," + APPROVAL + "}");

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> simulator.received().stream()
                .anyMatch(m -> m.mti().equals("0400")));
        assertThat(simulator.received().stream().filter(m -> m.mti().equals("0400"))).singleElement().satisfies(m -> {
            assertThat(m.fields().get(4)).isEqualTo("000000002368");
            assertThat(m.fields().get(37)).isEqualTo(rrn);
        });
    }

    @Test
    void aVoidNeedsAManagersApprovalAndAReason() {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}").text("receiptNumber");

        Api.Response noApproval = voidSale(receipt, "{\"reason\":\"test\"}");
        Api.Response wrongPin = voidSale(receipt, "{\"reason\":\"test\",\"approval\":{\"manager\":\"manager\",\"pin\":\"0000\"}}");
        Api.Response noReason = voidSale(receipt, "{" + APPROVAL + "}");
        Api.Response selfApproved = api.post("/api/v1/sales/" + receipt + "/void", "manager",
                "{\"reason\":\"test\"," + APPROVAL + "}");

        assertThat(noApproval.status()).isEqualTo(422);
        assertThat(noApproval.text("type")).endsWith("/problems/approval-required");
        assertThat(wrongPin.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(selfApproved.status()).isEqualTo(422);
        assertThat(selfApproved.text("type")).endsWith("/problems/self-approval");
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk").text("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aSaleIsVoidedOnceAndARepeatWithTheSameKeyReplays() {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}").text("receiptNumber");
        String body = "{\"reason\":\"duplicate scan\"," + APPROVAL + "}";

        Api.Response first = api.postIdempotent("/api/v1/sales/" + receipt + "/void", "clerk", "void-" + receipt, body);
        Api.Response again = api.postIdempotent("/api/v1/sales/" + receipt + "/void", "clerk", "void-" + receipt, body);
        Api.Response other = voidSale(receipt, body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.text("type")).endsWith("/problems/sale-already-voided");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM drawer_posting WHERE reference = ? AND type = 'REFUND'").param(receipt)
                .query(Long.class).single()).isOne();
    }

    @Test
    void aVoidedSaleCannotBeReturnedAndASaleWithReturnsCannotBeVoided() {
        String voidedReceipt = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}").text("receiptNumber");
        assertThat(voidSale(voidedReceipt, "{\"reason\":\"x\"," + APPROVAL + "}").status()).isEqualTo(200);
        String returnedReceipt = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}").text("receiptNumber");
        String returnLine = """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":2,"quantity":1,"reason":"DEFECTIVE","restock":false}]}""";
        assertThat(api.post("/api/v1/returns", "clerk", returnLine.formatted(returnedReceipt)).status()).isEqualTo(201);

        Api.Response returnOfVoided = api.post("/api/v1/returns", "clerk", returnLine.formatted(voidedReceipt));
        Api.Response voidOfReturned = voidSale(returnedReceipt, "{\"reason\":\"x\"," + APPROVAL + "}");

        assertThat(returnOfVoided.status()).isEqualTo(422);
        assertThat(returnOfVoided.text("type")).endsWith("/problems/sale-voided");
        assertThat(voidOfReturned.status()).isEqualTo(422);
        assertThat(voidOfReturned.text("type")).endsWith("/problems/sale-has-returns");
    }

    @Test
    void onlySalesOfTheCurrentBusinessDayCanBeVoided() {
        Api.Response sold = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}");
        String receipt = sold.text("receiptNumber");
        LocalDate yesterday = LocalDate.parse(sold.text("businessDate")).minusDays(1);
        jdbc.sql("UPDATE sale SET business_date = ? WHERE receipt_number = ?").params(yesterday, receipt).update();

        Api.Response r = voidSale(receipt, "{\"reason\":\"late\"," + APPROVAL + "}");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/void-not-same-day");
    }

    @Test
    void headOfficeCannotVoid() {
        String receipt = sale("{\"type\":\"CASH\",\"amount\":\"25.00\"}").text("receiptNumber");

        assertThat(api.post("/api/v1/sales/" + receipt + "/void", "office", "{\"reason\":\"x\"," + APPROVAL + "}")
                .status()).isEqualTo(403);
    }
}
