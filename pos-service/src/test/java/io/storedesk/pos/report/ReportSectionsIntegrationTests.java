package io.storedesk.pos.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import io.storedesk.receipt.layout.ReceiptFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sections the promotion, loyalty and customer modules add to the store report, over HTTP on a
 * known day: a coupon sale, a coupon sale post-voided, a loyalty sale paid partly with points, another
 * post-voided, special orders (picked up, cancelled, waiting), two service cases (one escalated and
 * resolved, one with a follow-up left overdue); checked in JSON,
 * CSV and PDF. Own context (own database) with a settable clock; the store is in Riga (UTC+2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/report-sections-${random.uuid}"})
class ReportSectionsIntegrationTests {

    private static final String APPROVAL = "{\"manager\":\"manager\",\"pin\":\"1234\"}";
    private static final String CARD = "2900000000031";   // demo card, tier BASIC (x1)

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2031-03-10T08:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    private final LocalDate today = LocalDate.of(2031, 3, 10);

    private void at(LocalDate day, String utcTime) {
        clock.set(Instant.parse(day + "T" + utcTime + ":00Z"));
    }

    private static void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    @Test
    void promotionLoyaltyAndCaseSectionsShowTheFiguresOfAKnownDay() throws IOException {
        Api api = new Api(port);
        at(today, "07:00");
        JsonNode before = api.get("/api/v1/reports/daily?date=" + today, "manager").json().get("sections");
        long outstandingBefore = before.get("loyalty").get("outstandingPoints").asLong();
        assertThat(text(before.get("promotions"))).isEqualTo(Map.of("byCode", Map.of(), "salesWithPromotions", "0",
                "cost", "0.00"));

        ok(api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2}}"), 201);
        at(today, "08:00");
        // headphones 49.00 with coupon RUDENS10: -10 % = 4.90, pays 44.10
        Api.Response coupon = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],"coupons":["RUDENS10"],
                 "tenders":[{"type":"CASH","amount":"50.00"}]}""");
        ok(coupon, 201);
        assertThat(coupon.text("total")).isEqualTo("44.10");
        // chocolate 2.19 with the coupon, post-voided: neither its discount nor its sale count
        Api.Response voided = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1008","quantity":1}],"coupons":["RUDENS10"],
                 "tenders":[{"type":"CASH","amount":"5.00"}]}""");
        ok(voided, 201);
        ok(api.post("/api/v1/sales/" + voided.text("receiptNumber") + "/void", "clerk",
                "{\"reason\":\"rang up twice\",\"approval\":" + APPROVAL + "}"), 200);
        // loyalty sale: headphones 49.00, 500 points pay 5.00, cash 44.00; earns floor(49.00 x 44/49) = 44
        Api.Response loyal = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":500},{"type":"CASH","amount":"44.00"}]}""".formatted(CARD));
        ok(loyal, 201);
        assertThat(loyal.json().get("pointsEarned").asLong()).isEqualTo(44);
        // chocolate 2.19 with the card, 100 points pay 1.00, cash 1.20 (1.19 rounded): earns floor(1.19) = 1;
        // post-voided: the point is taken back and the 100 points given back
        Api.Response loyalVoided = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"LV-1008","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":100},{"type":"CASH","amount":"1.20"}]}""".formatted(CARD));
        ok(loyalVoided, 201);
        assertThat(loyalVoided.json().get("pointsEarned").asLong()).isEqualTo(1);
        ok(api.post("/api/v1/sales/" + loyalVoided.text("receiptNumber") + "/void", "clerk",
                "{\"reason\":\"wrong customer\",\"approval\":" + APPROVAL + "}"), 200);

        // special orders: one picked up, one cancelled, one still waiting with a 10.00 deposit
        Api.Response customer = api.post("/api/v1/customers", "clerk", "{\"name\":\"Anna Bērziņa\"}");
        ok(customer, 201);
        String pickedUp = order(api, customer.text("id"), "EL-2002", "20.00");
        ok(api.post("/api/v1/special-orders/" + pickedUp + "/arrived", "clerk", ""), 200);
        ok(api.post("/api/v1/special-orders/" + pickedUp + "/pickup", "clerk",
                "{\"drawerId\":\"D1\",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"30.00\"}]}"), 201);
        String cancelled = order(api, customer.text("id"), "EL-2002", "5.00");
        ok(api.post("/api/v1/special-orders/" + cancelled + "/cancel", "clerk", "{\"reason\":\"not needed\"}"), 200);
        order(api, customer.text("id"), "EL-2002", "10.00");

        // case A: opened 09:00, escalated 09:30, resolved 11:00 (2 h); case B: follow-up due tomorrow
        at(today, "09:00");
        Api.Response a = api.post("/api/v1/cases", "clerk", """
                {"category":"COMPLAINT","channel":"IN_STORE","subject":"Headphones crackle"}""");
        ok(a, 201);
        String caseA = a.text("caseNumber");
        Api.Response b = api.post("/api/v1/cases", "clerk", """
                {"category":"QUESTION","channel":"PHONE","subject":"When do sledges arrive?"}""");
        ok(b, 201);
        at(today, "09:30");
        ok(api.post("/api/v1/cases/" + caseA + "/escalate", "clerk", "{\"reason\":\"wants a manager\"}"), 200);
        ok(api.post("/api/v1/cases/" + b.text("caseNumber") + "/follow-up", "clerk",
                "{\"due\":\"" + today.plusDays(1) + "\"}"), 200);
        at(today, "11:00");
        ok(api.post("/api/v1/cases/" + caseA + "/resolve", "manager", "{\"resolution\":\"exchanged\"}"), 200);

        // read two days later: case B's follow-up (due yesterday) is overdue now
        at(today.plusDays(2), "10:00");
        Api.Response response = api.get("/api/v1/reports/daily?date=" + today, "manager");
        ok(response, 200);
        JsonNode sections = response.json().get("sections");
        assertThat(text(sections.get("promotions"))).isEqualTo(Map.of(
                "byCode", Map.of("RUDENS10", Map.of("sales", "1", "discount", "4.90")),
                "salesWithPromotions", "1", "cost", "4.90"));
        long outstanding = outstandingBefore + 44 - 500;
        assertThat(text(sections.get("loyalty"))).isEqualTo(ordered(
                "issued", "45", "redeemed", "600", "reversed", "1", "givenBack", "100", "expired", "0",
                "outstandingPoints", Long.toString(outstanding),
                "outstandingLiability", money(outstanding)));
        Map<String, Object> orders = ordered("placed", "3", "pickedUp", "1", "cancelled", "1", "openDeposits", "1",
                "depositsHeld", "10.00");
        Map<String, Object> cases = ordered("opened", "2", "resolved", "1", "medianTimeToResolve", "PT2H",
                "escalated", "1", "escalationRate", "0.5000", "followUpsOverdue", "1");
        cases.put("specialOrders", orders);
        assertThat(text(sections.get("serviceCases"))).isEqualTo(cases);

        // a range covering the day and the next (empty) one gives the same period figures
        JsonNode range = api.get("/api/v1/reports/daily?from=" + today + "&to=" + today.plusDays(1), "office")
                .json().get("sections");
        assertThat(range.get("promotions")).isEqualTo(sections.get("promotions"));
        assertThat(range.get("loyalty")).isEqualTo(sections.get("loyalty"));
        assertThat(range.get("serviceCases")).isEqualTo(sections.get("serviceCases"));
        // the day after has none of them
        JsonNode next = api.get("/api/v1/reports/daily?date=" + today.plusDays(1), "manager").json().get("sections");
        assertThat(next.get("promotions").get("cost").asString()).isEqualTo("0.00");
        assertThat(next.get("loyalty").get("issued").asLong()).isZero();
        assertThat(next.get("serviceCases").get("opened").asLong()).isZero();
        assertThat(next.get("serviceCases").get("escalationRate").isNull()).isTrue();

        // CSV, parsed back
        Api.Response csv = api.get("/api/v1/reports/daily?date=" + today + "&format=csv", "office");
        ok(csv, 200);
        Map<String, String> cells = new HashMap<>();
        List<List<String>> rows = DailyReportIntegrationTests.Csv.parse(csv.body());
        rows.subList(1, rows.size()).forEach(row -> cells.put(row.get(0) + "|" + row.get(1) + "|" + row.get(2), row.get(3)));
        assertThat(cells).containsAllEntriesOf(Map.ofEntries(
                Map.entry("promotions|RUDENS10|sales", "1"),
                Map.entry("promotions|RUDENS10|discount", "4.90"),
                Map.entry("promotions||salesWithPromotions", "1"),
                Map.entry("promotions||cost", "4.90"),
                Map.entry("loyalty|points|issued", "45"),
                Map.entry("loyalty|points|redeemed", "600"),
                Map.entry("loyalty|points|reversed", "1"),
                Map.entry("loyalty|points|givenBack", "100"),
                Map.entry("loyalty|points|expired", "0"),
                Map.entry("loyalty|outstanding|points", Long.toString(outstanding)),
                Map.entry("loyalty|outstanding|liability", money(outstanding)),
                Map.entry("serviceCases|cases|opened", "2"),
                Map.entry("serviceCases|cases|resolved", "1"),
                Map.entry("serviceCases|cases|medianTimeToResolve", "PT2H"),
                Map.entry("serviceCases|cases|escalated", "1"),
                Map.entry("serviceCases|cases|escalationRate", "0.5000"),
                Map.entry("serviceCases|cases|followUpsOverdue", "1"),
                Map.entry("serviceCases|specialOrders|placed", "3"),
                Map.entry("serviceCases|specialOrders|pickedUp", "1"),
                Map.entry("serviceCases|specialOrders|cancelled", "1"),
                Map.entry("serviceCases|specialOrders|openDeposits", "1"),
                Map.entry("serviceCases|specialOrders|depositsHeld", "10.00")));

        // PDF: section titles and figures as text
        try (PDDocument document = Loader.loadPDF(pdf("/api/v1/reports/daily?date=" + today + "&format=pdf"))) {
            String text = new PDFTextStripper().getText(document);
            // worded in the store's language (Latvian), amounts and numbers as the receipts print them
            String flat = text.replace('\u00a0', ' ').replace('\u202f', ' ');
            Locale lv = Locale.forLanguageTag("lv-LV");
            String points = NumberFormat.getInstance(lv).format(outstanding).replace('\u00a0', ' ');
            String liability = ReceiptFormat.of(lv).money(new BigDecimal(money(outstanding))).replace('\u00a0', ' ');
            assertThat(flat).contains("Akcijas", "Lojalitātes punkti", "Klientu lietas un pasūtījumi",
                    "RUDENS10: 1 pirkumi, atlaide 4,90", "Akciju izmaksas kopā: 4,90",
                    "Piešķirti 45 punkti, izmantoti 600", "Atņemti 1, atdoti atpakaļ 100, noilguši 0",
                    "Neizmantoti tagad: " + points + " punkti = " + liability + " EUR",
                    "Atvērtas lietas 2, atrisinātas 1, eskalētas 1", "Atrisināšanas laika mediāna: 2 h 00 min",
                    "Eskalēto daļa: 50,0", "Nokavēti atkārtoti kontakti tagad: 1",
                    "Pasūtījumi: pieņemti 3, izsniegti 1, atcelti 1", "Atvērti pasūtījumi 1, turētie avansi 10,00");
            assertThat(flat).doesNotContain("Promotions", "Loyalty points", "PT2H", "0.5000", "4.90");
        }
    }

    private static String order(Api api, String customerId, String sku, String deposit) {
        Api.Response r = api.post("/api/v1/special-orders", "clerk", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"%s","quantity":1}],
                 "deposit":{"type":"CASH","amount":"%s"}}""".formatted(customerId, sku, deposit));
        ok(r, 201);
        return r.text("orderNumber");
    }

    private static String money(long points) {
        return new BigDecimal(points).movePointLeft(2).setScale(2).toPlainString();
    }

    private static Map<String, Object> ordered(String... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Object text(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), text(e.getValue())));
            return out;
        }
        return node.isNull() ? null : node.asString();
    }

    private byte[] pdf(String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "manager:manager".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
