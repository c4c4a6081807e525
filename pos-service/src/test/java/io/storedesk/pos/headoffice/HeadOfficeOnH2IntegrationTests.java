package io.storedesk.pos.headoffice;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static org.assertj.core.api.Assertions.assertThat;

/** The head-office role also starts on H2 (the demo): it takes a batch and reports it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=target/test-data/ho-h2-${random.uuid}")
@ActiveProfiles("head-office")
class HeadOfficeOnH2IntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void headOfficeStartsOnH2AndReportsWhatAStoreSent() {
        assertThat(environment.getProperty("pos.role")).isEqualTo("head-office");
        Api api = new Api(port);
        String body = batch(sale("S001", "S001-R02-1", "2026-11-24", "16", "EUR", "2.40", "0.00", "2.40", "0.26",
                "0.00", List.of(line(1, "FOOD", 2, "1.20", "0.00", "2.40", "0.26", "12")), List.of(tender("CASH", "2.40"))));
        Api.Response sent = api.post("/api/ho/v1/stores/S001/events", null, body,
                Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("applied").asInt()).isEqualTo(1);

        Api.Response report = api.get("/api/ho/v1/reports/daily?date=2026-11-24", "office");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("currencies").get("EUR").get("salesTotal").asString()).isEqualTo("2.40");
        assertThat(report.json().get("byStore").get("S001").get("byHour").get("16").asString()).isEqualTo("2.40");
        assertThat(api.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").json().get("balance").asLong())
                .isEqualTo(12500);

        Api.Response page = api.get("/office/stores?date=2026-11-24", "office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ho-stores\"").contains(">S001<").contains(">2,40\u00a0€<") // the page in the store language, Latvian
                .contains("href=\"/office/stores\"");
        assertThat(api.get("/office/stores", "clerk").status()).isEqualTo(403);
    }

    @Test
    void onH2TooAVoidBeforeItsSaleLeavesTheSaleOutAndARangeSumsTheDays() {
        Api api = new Api(port);
        Map<String, String> key = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
        String voided = HeadOfficeEvents.voided("S002", "S002-R01-7", "2026-05-04", "EUR", "5.00");
        String sold = sale("S002", "S002-R01-7", "2026-05-04", "11", "EUR", "5.00", "0.00", "5.00", "0.54", "0.00",
                List.of(line(1, "FOOD", 1, "5.00", "0.00", "5.00", "0.54", "12")), List.of(tender("CASH", "5.00")));
        String kept = sale("S002", "S002-R01-8", "2026-05-05", "12", "EUR", "1.50", "0.00", "1.50", "0.16", "0.00",
                List.of(line(1, "FOOD", 1, "1.50", "0.00", "1.50", "0.16", "12")), List.of(tender("CASH", "1.50")));
        assertThat(api.post("/api/ho/v1/stores/S002/events", null, batch(voided), key).status()).isEqualTo(200);
        assertThat(api.post("/api/ho/v1/stores/S002/events", null, batch(sold, kept, sold), key).status())
                .isEqualTo(200);

        Api.Response day = api.get("/api/ho/v1/reports/daily?date=2026-05-04&storeId=S002", "office");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json().get("byStore").get("S002").get("salesCount").asLong()).isZero();
        assertThat(day.json().get("byStore").get("S002").get("byDepartment").size()).isZero();
        assertThat(day.json().get("byStore").get("S002").get("voids").get("amount").asString()).isEqualTo("5.00");
        Api.Response range = api.get("/api/ho/v1/reports/range?from=2026-05-04&to=2026-05-05&storeId=S002", "office");
        assertThat(range.status()).as(range.body()).isEqualTo(200);
        assertThat(range.json().get("byStore").get("S002").get("salesTotal").asString()).isEqualTo("1.50");
        assertThat(range.json().get("byStore").get("S002").get("voids").get("count").asLong()).isEqualTo(1);
        // the whole of May from its month rows (kept on H2 by the same MERGEs), and May 2 - June 1 as May's
        // month less its first day plus June 1: the same figures
        for (String wider : List.of("from=2026-05-01&to=2026-05-31", "from=2026-05-02&to=2026-06-01")) {
            Api.Response month = api.get("/api/ho/v1/reports/range?" + wider + "&storeId=S002", "office");
            assertThat(month.status()).as(month.body()).isEqualTo(200);
            assertThat(month.json().get("byStore").get("S002")).as(wider)
                    .isEqualTo(range.json().get("byStore").get("S002"));
        }

        Api.Response page = api.get("/office/stores?date=2026-05-05&from=2026-05-04&to=2026-05-05", "office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ho-completeness\"").contains("data-status=\"WAITING_FOR_Z\"")
                .contains("id=\"ho-range\"").contains(">1,50\u00a0€<");
        Api.Response backwards = api.get("/office/stores?date=2026-05-05&from=2026-05-05&to=2026-05-04", "office");
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.body()).contains("id=\"ho-range-error\"").doesNotContain("id=\"ho-range\"");
    }

    /** A SALE_COMPLETED with a {@code taxExemption} of its line 1 (or of both lines) as the store sends it. */
    private static String exemptSale(String receipt, String reason, String lineNos, String exemptNet) {
        return HeadOfficeEvents.sale("S001", receipt, "2026-07-14", "10", "EUR", "68.90", "0.00", "65.45", "8.50",
                "0.00", List.of(line(1, "ELECTRONICS", 1, "19.90", "0.00", "16.45", "0.00", "0"),
                        line(2, "ELECTRONICS", 1, "49.00", "0.00", "49.00", "8.50", "21")),
                List.of(tender("CASH", "65.45")))
                .replace("\"tenders\":[", "\"taxExemption\":{\"reason\":\"%s\",\"lineNos\":%s,\"net\":\"%s\",\"taxNotCharged\":\"3.45\",\"approvedBy\":\"manager\"},\"tenders\":["
                        .formatted(reason, lineNos, exemptNet));
    }

    @Test
    void headOfficeShowsTheExemptNetByReasonFromTheSalesEventsAndKeepsItThroughALatePostVoidAndARebuild() {
        Api api = new Api(port);
        Map<String, String> key = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
        String partly = exemptSale("S001-R01-20260714-000001", "EXPORT", "[1]", "16.45");
        String other = exemptSale("S001-R01-20260714-000002", "REVERSE_CHARGE", "[1]", "16.45");
        String voidedLater = exemptSale("S001-R01-20260714-000003", "EXPORT", "[1]", "16.45");
        Api.Response sent = api.post("/api/ho/v1/stores/S001/events", null, batch(partly, other, voidedLater), key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("applied").asInt()).isEqualTo(3);

        Api.Response day = api.get("/api/ho/v1/reports/daily?date=2026-07-14&storeId=S001", "office");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        var exempt = day.json().get("byStore").get("S001").get("taxExempt");
        assertThat(exempt.get("count").asLong()).isEqualTo(3);
        assertThat(exempt.get("net").asString()).isEqualTo("49.35");
        assertThat(exempt.get("byReason").get("EXPORT").get("count").asLong()).isEqualTo(2);
        assertThat(exempt.get("byReason").get("EXPORT").get("net").asString()).isEqualTo("32.90");
        assertThat(day.json().get("byStore").get("S001").get("taxByRate").get("21").get("tax").asString())
                .isEqualTo("25.50");

        assertThat(api.post("/api/ho/v1/stores/S001/events", null,
                batch(HeadOfficeEvents.voided("S001", "S001-R01-20260714-000003", "2026-07-14", "EUR", "65.45")), key)
                .status()).isEqualTo(200);
        var after = api.get("/api/ho/v1/reports/daily?date=2026-07-14", "office").json().get("currencies").get("EUR")
                .get("taxExempt");
        assertThat(after.get("count").asLong()).isEqualTo(2);
        assertThat(after.get("byReason").get("EXPORT").get("net").asString()).isEqualTo("16.45");
        assertThat(after.get("byReason").get("REVERSE_CHARGE").get("net").asString()).isEqualTo("16.45");
        Api.Response rebuilt = api.post("/api/ho/v1/reports/daily/rebuild?date=2026-07-14&storeId=S001", "office", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("changed").asBoolean()).isFalse();

        // an exempt sale and its post-void in one batch: the sale never stands, nor does its exemption
        String soldAndVoided = exemptSale("S001-R01-20260714-000005", "EXPORT", "[1, 2]", "65.45");
        Api.Response together = api.post("/api/ho/v1/stores/S001/events", null, batch(soldAndVoided,
                HeadOfficeEvents.voided("S001", "S001-R01-20260714-000005", "2026-07-14", "EUR", "65.45")), key);
        assertThat(together.status()).as(together.body()).isEqualTo(200);
        var standing = api.get("/api/ho/v1/reports/daily?date=2026-07-14&storeId=S001", "office").json()
                .get("byStore").get("S001");
        assertThat(standing.get("taxExempt").get("count").asLong()).isEqualTo(2);
        assertThat(standing.get("taxExempt").get("byReason").get("EXPORT").get("net").asString()).isEqualTo("16.45");
        assertThat(standing.get("salesCount").asLong()).isEqualTo(2);
        Api.Response rebuiltAgain = api.post("/api/ho/v1/reports/daily/rebuild?date=2026-07-14&storeId=S001", "office",
                "");
        assertThat(rebuiltAgain.status()).as(rebuiltAgain.body()).isEqualTo(200);
        assertThat(rebuiltAgain.json().get("changed").asBoolean()).isFalse();

        Api.Response noReason = api.post("/api/ho/v1/stores/S001/events", null, batch(exemptSale(
                "S001-R01-20260714-000004", "", "[1]", "16.45")), key);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("payload.taxExemption.reason");
    }

    /** A sale of clerk {@code clerk} with the given {@code manualDiscounts} JSON (null: an older store, no field). */
    private static String discountedSale(String receipt, String clerk, String manualDiscounts) {
        String sale = HeadOfficeEvents.sale("S002", receipt, "2026-08-11", "10", "EUR", "20.00", "3.00", "17.00",
                "2.95", "0.00", List.of(line(1, "ELECTRONICS", 1, "20.00", "3.00", "17.00", "2.95", "21")),
                List.of(tender("CASH", "17.00"))).replace("\"clerk\":\"clerk\"", "\"clerk\":\"" + clerk + "\"");
        return manualDiscounts == null ? sale
                : sale.replace("\"tenders\":[", "\"manualDiscounts\":" + manualDiscounts + ",\"tenders\":[");
    }

    @Test
    void headOfficeKeepsManualDiscountsByReasonAndClerkNextToTheRefundRateThroughAReturnALatePostVoidAndARebuild() {
        Api api = new Api(port);
        Map<String, String> key = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
        String damaged = "[{\"kind\":\"LINE\",\"lineNo\":1,\"reason\":\"DAMAGED\",\"amount\":\"3.00\"}]";
        String two = "[{\"kind\":\"LINE\",\"lineNo\":1,\"reason\":\"PRICE_MATCH\",\"amount\":\"2.00\"},"
                + "{\"kind\":\"TRANSACTION\",\"lineNo\":0,\"reason\":\"DAMAGED\",\"amount\":\"1.00\"}]";
        Api.Response sent = api.post("/api/ho/v1/stores/S002/events", null, batch(
                discountedSale("S002-R01-1", "anna", damaged), discountedSale("S002-R01-2", "bruno", two),
                discountedSale("S002-R01-3", "anna", damaged), discountedSale("S002-R01-4", "anna", null),
                HeadOfficeEvents.returned("S002", "S002-R01-1-RET1", "S002-R01-1", "2026-08-11", "EUR", "17.00", "0.00",
                        "CASH")), key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("applied").asInt()).isEqualTo(5); // the sale without the field ingests: no discount

        var store = api.get("/api/ho/v1/reports/daily?date=2026-08-11&storeId=S002", "office").json().get("byStore")
                .get("S002");
        var discounts = store.get("manualDiscounts");
        assertThat(discounts.get("count").asLong()).isEqualTo(4);
        assertThat(discounts.get("amount").asString()).isEqualTo("9.00"); // a return leaves the discount given
        assertThat(discounts.get("byReason").get("DAMAGED").get("count").asLong()).isEqualTo(3);
        assertThat(discounts.get("byReason").get("DAMAGED").get("amount").asString()).isEqualTo("7.00");
        assertThat(discounts.get("byReason").get("PRICE_MATCH").get("amount").asString()).isEqualTo("2.00");
        assertThat(discounts.get("byClerk").get("anna").get("count").asLong()).isEqualTo(2);
        assertThat(discounts.get("byClerk").get("anna").get("amount").asString()).isEqualTo("6.00");
        // anna sold 3 x 17.00 and gave 6.00 away: 6 / (51 + 6)
        assertThat(discounts.get("byClerk").get("anna").get("discountRate").asString()).isEqualTo("0.1053");
        assertThat(discounts.get("byClerk").get("bruno").get("amount").asString()).isEqualTo("3.00");
        assertThat(store.get("refundRate").asString()).isEqualTo("0.2500"); // 17.00 of 68.00 refunded

        assertThat(api.post("/api/ho/v1/stores/S002/events", null,
                batch(HeadOfficeEvents.voided("S002", "S002-R01-3", "2026-08-11", "EUR", "17.00")), key).status())
                .isEqualTo(200);
        var range = api.get("/api/ho/v1/reports/range?from=2026-08-01&to=2026-08-31&storeId=S002", "office").json()
                .get("byStore").get("S002").get("manualDiscounts");
        assertThat(range.get("count").asLong()).isEqualTo(3);
        assertThat(range.get("byReason").get("DAMAGED").get("amount").asString()).isEqualTo("4.00");
        assertThat(range.get("byClerk").get("anna").get("amount").asString()).isEqualTo("3.00");
        Api.Response rebuilt = api.post("/api/ho/v1/reports/daily/rebuild?date=2026-08-11&storeId=S002", "office", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("changed").asBoolean()).isFalse();

        Api.Response page = api.get("/office/stores?date=2026-08-11", "office");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ho-discounts\"") // the page in the store language, Latvian
                .contains("Cenu maiņas un manuālās atlaides pēc iemesla un pēc kasiera")
                .contains("data-reason=\"DAMAGED\"").contains("Iemesls: Bojāta prece").contains("data-clerk=\"anna\"")
                .contains(">4,00\u00a0€<").contains("Atmaksu īpatsvars");

        Api.Response noReason = api.post("/api/ho/v1/stores/S002/events", null, batch(discountedSale("S002-R01-5",
                "anna", "[{\"kind\":\"LINE\",\"lineNo\":1,\"amount\":\"1.00\"}]")), key);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("payload.manualDiscounts[0].reason");
    }
}
