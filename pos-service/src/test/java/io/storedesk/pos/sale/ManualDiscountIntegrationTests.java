package io.storedesk.pos.sale;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Price overrides, line discounts and transaction discounts over HTTP at drawer D1: a clerk within
 * the demo limit (10 %), beyond it with and without a manager's PIN, a return of a discounted
 * line, and the discounts on the receipt and in the journal.
 */
class ManualDiscountIntegrationTests extends IntegrationTest {

    private static final String APPROVAL = "{\"manager\":\"manager\",\"pin\":\"1234\"}";
    private static final String WRONG_PIN = "{\"manager\":\"manager\",\"pin\":\"9999\"}";

    @Autowired
    CardPayments payments;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    /** A cash sale at D1 of {@code lines} (JSON), with {@code extra} fields; paid with 200.00. */
    private Api.Response sell(String user, String lines, String extra) {
        return api.post("/api/v1/sales", user, """
                {"drawerId":"D1","lines":[%s],"tenders":[{"type":"CASH","amount":"200.00"}]%s}"""
                .formatted(lines, extra));
    }

    private static void linesAddUpToTotal(JsonNode sale) {
        BigDecimal sum = sale.get("lines").valueStream().map(l -> new BigDecimal(l.get("net").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(new BigDecimal(sale.get("total").asString()));
        BigDecimal discounts = sale.get("lines").valueStream().map(l -> new BigDecimal(l.get("discount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(discounts).isEqualByComparingTo(new BigDecimal(sale.get("discountTotal").asString()));
    }

    @Test
    void quoteShowsAnOverrideWithinTheLimitAndNoApprovalNeeded() {
        Api.Response r = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"EL-2002","quantity":1,"priceOverride":{"price":"45.00","reason":"PRICE_MATCH"}}]}""");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();
        assertThat(q.get("lines").get(0).get("unitPrice").asString()).isEqualTo("45.00");
        assertThat(q.get("total").asString()).isEqualTo("45.00");
        JsonNode d = q.get("discounts").get(0);
        assertThat(d.get("kind").asString()).isEqualTo("OVERRIDE");
        assertThat(d.get("wasPrice").asString()).isEqualTo("49.00");
        assertThat(d.get("amount").asString()).isEqualTo("4.00");
        assertThat(q.get("approvalNeeded")).isEmpty();
    }

    @Test
    void quoteSaysWhenADiscountNeedsApproval() {
        JsonNode q = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"EL-2001","quantity":1,"discount":{"percent":"25","reason":"DAMAGED"}}]}""").json();

        assertThat(q.get("total").asString()).isEqualTo("14.92");   // 19.90 - 4.975 rounded half up to 4.98
        assertThat(q.get("approvalNeeded")).hasSize(1);
        assertThat(q.get("approvalNeeded").get(0).asString()).contains("line 1", "10 %");
    }

    @Test
    void clerkOverridesAPriceWithinTheLimitWithoutApproval() {
        Api.Response r = sell("clerk", """
                {"sku":"EL-2002","quantity":2,"priceOverride":{"price":"45.00","reason":"PRICE_MATCH"}}""", "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("lines").get(0).get("unitPrice").asString()).isEqualTo("45.00");
        assertThat(sale.get("lines").get(0).get("net").asString()).isEqualTo("90.00");
        assertThat(sale.get("total").asString()).isEqualTo("90.00");
        JsonNode d = sale.get("discounts").get(0);
        assertThat(d.get("kind").asString()).isEqualTo("OVERRIDE");
        assertThat(d.get("reason").asString()).isEqualTo("PRICE_MATCH");
        assertThat(d.get("amount").asString()).isEqualTo("8.00");
        assertThat(d.get("approvedBy").isNull()).isTrue();
        assertThat(api.get("/api/v1/sales/" + sale.get("receiptNumber").asString(), "clerk").json().get("discounts"))
                .isEqualTo(sale.get("discounts"));
    }

    @Test
    void overrideBeyondTheLimitNeedsAManagersPin() {
        String line = "{\"sku\":\"EL-2002\",\"quantity\":1,\"priceOverride\":{\"price\":\"39.00\",\"reason\":\"DAMAGED\"}}";
        long before = count("sale");

        Api.Response refused = sell("clerk", line, "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("discount-needs-approval");
        assertThat(refused.json().get("needs").get(0).asString()).contains("price override on line 1");
        Api.Response wrong = sell("clerk", line, ",\"approval\":" + WRONG_PIN);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(count("sale")).isEqualTo(before);

        Api.Response approved = sell("clerk", line, ",\"approval\":" + APPROVAL);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("total").asString()).isEqualTo("39.00");
        assertThat(approved.json().get("discounts").get(0).get("approvedBy").asString()).isEqualTo("manager");
    }

    @Test
    void lineDiscountByPercentAndByAmountWithinTheLimit() {
        Api.Response r = sell("clerk", """
                {"sku":"EL-2001","quantity":2,"discount":{"percent":"10","reason":"DAMAGED"}},
                {"sku":"EL-2002","quantity":1,"discount":{"amount":"4.90","reason":"PRICE_MATCH"}}""", "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode sale = r.json();
        assertThat(sale.get("lines").get(0).get("discount").asString()).isEqualTo("3.98");
        assertThat(sale.get("lines").get(0).get("net").asString()).isEqualTo("35.82");
        assertThat(sale.get("lines").get(1).get("net").asString()).isEqualTo("44.10");
        assertThat(sale.get("total").asString()).isEqualTo("79.92");
        assertThat(sale.get("discounts")).hasSize(2);
        assertThat(sale.get("discounts").get(0).get("percent").asString()).isEqualTo("10");
        assertThat(sale.get("discounts").get(1).get("amount").asString()).isEqualTo("4.90");
        linesAddUpToTotal(sale);
    }

    @Test
    void lineDiscountsBeyondTheLimitNeedApprovalByPercentAndByAmount() {
        String byPercent = "{\"sku\":\"EL-2001\",\"quantity\":1,\"discount\":{\"percent\":\"20\",\"reason\":\"DAMAGED\"}}";
        String byAmount = "{\"sku\":\"EL-2001\",\"quantity\":1,\"discount\":{\"amount\":\"5.00\",\"reason\":\"DAMAGED\"}}";

        for (String line : new String[] {byPercent, byAmount}) {
            Api.Response refused = sell("clerk", line, "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.text("type")).endsWith("discount-needs-approval");
            Api.Response approved = sell("clerk", line, ",\"approval\":" + APPROVAL);
            assertThat(approved.status()).as(approved.body()).isEqualTo(201);
            assertThat(approved.json().get("discounts").get(0).get("approvedBy").asString()).isEqualTo("manager");
        }
    }

    @Test
    void transactionDiscountIsAllocatedToTheLinesAndNeedsApprovalBeyondTheLimit() {
        String lines = "{\"sku\":\"EL-2002\",\"quantity\":1},{\"sku\":\"EL-2001\",\"quantity\":1}";

        Api.Response within = sell("clerk", lines, ",\"discount\":{\"amount\":\"2.00\",\"reason\":\"EMPLOYEE\"}");
        assertThat(within.status()).as(within.body()).isEqualTo(201);
        JsonNode sale = within.json();
        // 2.00 over 49.00 and 19.90 (68.90): 1.42 and 0.57 rounded down, the cent left to the larger line
        assertThat(sale.get("lines").get(0).get("net").asString()).isEqualTo("47.57");
        assertThat(sale.get("lines").get(1).get("net").asString()).isEqualTo("19.33");
        assertThat(sale.get("total").asString()).isEqualTo("66.90");
        assertThat(sale.get("discounts").get(0).get("kind").asString()).isEqualTo("TRANSACTION");
        assertThat(sale.get("discounts").get(0).get("lineNo").asInt()).isZero();
        linesAddUpToTotal(sale);

        String beyond = ",\"discount\":{\"percent\":\"15\",\"reason\":\"EMPLOYEE\"}";
        Api.Response refused = sell("clerk", lines, beyond);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("discount-needs-approval");
        Api.Response approved = sell("clerk", lines, beyond + ",\"approval\":" + APPROVAL);
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("total").asString()).isEqualTo("58.56");   // 68.90 - 10.335 -> 10.34
        linesAddUpToTotal(approved.json());
    }

    @Test
    void aCardIsNeverChargedForADiscountThatStillNeedsApproval() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        String body = """
                {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1,"discount":{"percent":"30","reason":"EMPLOYEE"}}],
                 "tenders":[{"type":"CARD","card":{"pan":"4761739001010010","expiry":"3012"}}]%s}""";
        long charges = count("card_transaction");

        Api.Response refused = api.post("/api/v1/sales", "clerk", body.formatted(""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(count("card_transaction")).as("no 0200 went out").isEqualTo(charges);

        Api.Response approved = api.post("/api/v1/sales", "clerk", body.formatted(",\"approval\":" + APPROVAL));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("total").asString()).isEqualTo("34.30");
        assertThat(approved.json().get("tenders").get(0).get("amount").asString()).isEqualTo("34.30");
        assertThat(count("card_transaction")).isGreaterThan(charges);
    }

    @Test
    void aManagerSellsBeyondTheClerksLimitWithoutAPin() {
        Api.Response r = sell("manager", """
                {"sku":"EL-2001","quantity":1,"discount":{"percent":"30","reason":"MANAGER_GOODWILL"}}""", "");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("total").asString()).isEqualTo("13.93");
    }

    @Test
    void promotionsComeFirstAndManualDiscountsApplyToWhatIsLeft() {
        // RUDENS10 takes 10 % of the basket (49.00 -> 44.10); the clerk's 10 % then takes 4.41 of that
        Api.Response r = sell("clerk", """
                {"sku":"EL-2002","quantity":1,"discount":{"percent":"10","reason":"PRICE_MATCH"}}""",
                ",\"coupons\":[\"RUDENS10\"]");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("total").asString()).isEqualTo("39.69");
        assertThat(r.json().get("promotions").get(0).get("amount").asString()).isEqualTo("4.90");
        assertThat(r.json().get("discounts").get(0).get("amount").asString()).isEqualTo("4.41");
    }

    @Test
    void aBelowFloorPriceNeedsAManagerEvenWithinTheLimitOfTheRole() {
        // the clerk's own limit is 10 %; a price override to 20.00 is beyond it and below the 50 % floor (24.50)
        Api.Response r = sell("clerk", """
                {"sku":"EL-2002","quantity":1,"priceOverride":{"price":"20.00","reason":"DAMAGED"}}""", "");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("needs").toString()).contains("below its floor of 24.50");
    }

    @Test
    void unknownReasonsAndAmbiguousDiscountsAreRefused() {
        Api.Response unknown = sell("clerk", """
                {"sku":"EL-2001","quantity":1,"discount":{"percent":"5","reason":"BIRTHDAY"}}""", "");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.text("type")).endsWith("unknown-discount-reason");

        Api.Response both = sell("clerk", """
                {"sku":"EL-2001","quantity":1,"discount":{"percent":"5","amount":"1.00","reason":"DAMAGED"}}""", "");
        assertThat(both.status()).as(both.body()).isEqualTo(400);

        Api.Response negative = sell("clerk", """
                {"sku":"EL-2001","quantity":1,"priceOverride":{"price":"-1.00","reason":"DAMAGED"}}""", "");
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
    }

    @Test
    void aReturnOfADiscountedLineRefundsWhatWasPaidForIt() {
        JsonNode sale = sell("clerk", """
                {"sku":"EL-2001","quantity":2,"discount":{"percent":"10","reason":"DAMAGED"}}""",
                ",\"discount\":{\"amount\":\"1.00\",\"reason\":\"EMPLOYEE\"}").json();
        // 39.80 - 3.98 = 35.82, less the sale's 1.00 = 34.82 for two: one is 17.41
        assertThat(sale.get("lines").get(0).get("net").asString()).isEqualTo("34.82");

        Api.Response r = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                 "restock":false}]}""".formatted(sale.get("receiptNumber").asString()));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("lines").get(0).get("refund").asString()).isEqualTo("17.41");
    }

    @Test
    void theReceiptShowsTheOverrideInTheStoresLanguageAndTheJournalRecordsIt() throws Exception {
        JsonNode sale = sell("clerk", """
                {"sku":"EL-2002","quantity":1,"priceOverride":{"price":"45.00","reason":"PRICE_MATCH"}},
                {"sku":"EL-2001","quantity":1,"discount":{"percent":"10","reason":"DAMAGED"}}""", "").json();
        String receipt = sale.get("receiptNumber").asString();

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receipt + "/receipt?format=pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        // the demo store is Latvian: "Price override: was 49,00"
        assertThat(text(pdf.body())).contains("Cenas maiņa: bija 49,00", "-4,00", "Atlaide bojāta prece", "-1,99");

        JsonNode mine = null;
        for (int from = 1; mine == null; from += 1000) { // R01 is shared with the other tests of this context
            JsonNode entries = api.get("/api/v1/journal/entries?chain=R01&from=" + from + "&limit=1000", "manager").json();
            assertThat(entries.size()).as("the sale's journal entry on R01").isPositive();
            mine = entries.valueStream().filter(e -> receipt.equals(e.get("reference").asString())
                    && "SALE_COMPLETED".equals(e.get("type").asString())).findFirst().orElse(null);
        }
        assertThat(mine.get("payload").asString()).contains("\"discounts\"", "\"kind\":\"OVERRIDE\"",
                "\"wasPrice\":\"49.00\"", "\"reason\":\"DAMAGED\"", "\"amount\":\"1.99\"");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
