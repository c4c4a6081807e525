package io.storedesk.pos.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
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
 * A known day of business over HTTP (cash and card sales at two drawers, returns with reasons,
 * a post-void, paid-in/out, a no-sale, counts with a variance), then the daily report in JSON,
 * CSV and PDF checked figure by figure against hand-computed values and against the Z report of
 * the same day. Each test works on business days of its own (a settable clock).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/report-${random.uuid}"})
class DailyReportIntegrationTests {

    private static final AtomicInteger DAY = new AtomicInteger();
    private static final String APPROVAL = "{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2030-02-01T08:00:00Z"));
        }

        /** A contributed section, as promotions, loyalty or cases will contribute theirs. */
        @Bean
        ReportSection testSection() {
            return new ReportSection() {
                @Override
                public String name() {
                    return "sample";
                }

                @Override
                public String title(Words words) {
                    return "Sample section – Žluťoučký kůň";
                }

                @Override
                public Content contribute(LocalDate from, LocalDate to, Words words) {
                    return new Content(Map.of("days", (int) (to.toEpochDay() - from.toEpochDay() + 1)),
                            List.of(new Row("Ādaži, \"centrs\"", "days", Long.toString(to.toEpochDay() - from.toEpochDay() + 1))),
                            List.of("Проверка: Ādaži, Žluťoučký kůň, days " + (to.toEpochDay() - from.toEpochDay() + 1)));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CardPayments payments;
    Api api;
    LocalDate today;

    @BeforeEach
    void newBusinessDay() {
        api = new Api(port);
        today = LocalDate.of(2030, 2, 1).plusDays(10L * DAY.incrementAndGet());
        at("08:00");
    }

    private void at(String utcTime) {
        clock.set(Instant.parse(today + "T" + utcTime + ":00Z"));
    }

    private JsonNode sell(String user, String drawer, String sku, int qty, String tender) {
        Api.Response r = api.post("/api/v1/sales", user, """
                {"drawerId":"%s","lines":[{"sku":"%s","quantity":%d}],"tenders":[%s]}"""
                .formatted(drawer, sku, qty, tender));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static String cash(String amount) {
        return "{\"type\":\"CASH\",\"amount\":\"" + amount + "\"}";
    }

    private void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
    }

    private void open(String drawer, String user) {
        ok(api.post("/api/v1/drawers/" + drawer + "/open", user, "{\"float\":{\"20.00\":2,\"5.00\":2,\"1.00\":10}}"), 201);
    }

    private Api.Response returnLine(String receipt, String reason, boolean restock) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"%s","restock":%s}],
                 "refundMethod":"ORIGINAL"}""".formatted(receipt, reason, restock));
    }

    /** The known day: see the comments for the hand computation. Drawers D1 (clerk) and D2 (clerk2). */
    private void knownDay() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        open("D1", "clerk");                                              // float 60.00
        open("D2", "clerk2");                                             // float 60.00
        at("08:05");                                                      // 10:05 in Riga: hour 10
        sell("clerk", "D1", "EL-2002", 1, cash("50.00"));                 // 49.00 (21 %, ELECTRONICS), cash 49.00
        JsonNode bread = sell("clerk", "D1", "LV-1001", 2, cash("10.00")); // 3.78 (12 %, FOOD), cash 3.80 (+0.02)
        JsonNode chocolate = sell("clerk", "D1", "LV-1008", 1, cash("5.00")); // 2.19, cash 2.20: voided below
        ok(api.post("/api/v1/sales/" + chocolate.get("receiptNumber").asString() + "/void", "clerk",
                "{\"reason\":\"rang up twice\",\"approval\":" + APPROVAL + "}"), 200);   // 2.20 cash back
        at("09:30");                                                      // hour 11
        JsonNode coffee = sell("clerk", "D1", "LV-1011", 1,
                "{\"type\":\"CARD\",\"card\":{\"pan\":\"4761739001010010\",\"expiry\":\"3012\"}}"); // 7.49 card (21 %, DRINKS)
        at("10:15");                                                      // hour 12
        sell("clerk2", "D2", "LV-1010", 3, cash("5.00"));                 // 2.97 (21 %, DRINKS), cash 2.95 (-0.02)
        at("11:00");
        Api.Response r1 = returnLine(bread.get("receiptNumber").asString(), "DEFECTIVE", false);
        ok(r1, 201);
        assertThat(r1.text("refundTotal")).isEqualTo("1.90");            // line 1.89 + rounding 0.01, cash
        Api.Response r2 = returnLine(coffee.get("receiptNumber").asString(), "CHANGED_MIND", true);
        ok(r2, 201);
        assertThat(r2.text("refundTotal")).isEqualTo("7.49");            // back to the card
        ok(api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_IN\",\"amount\":\"20.00\",\"reason\":\"change from the safe\"}"), 201);
        ok(api.post("/api/v1/drawers/D1/movements", "clerk",
                "{\"type\":\"PAID_OUT\",\"amount\":\"5.50\",\"reason\":\"window cleaner\"}"), 201);
        ok(api.post("/api/v1/drawers/D1/no-sale", "clerk", "{\"reason\":\"change for parking\"}"), 201);
        at("17:00");
        // D1 expects 60 + 49.00 + 3.80 + 2.20 - 2.20 - 1.90 + 20.00 - 5.50 = 125.40; counted 125.00: short 0.40
        Api.Response c1 = api.post("/api/v1/drawers/D1/close", "clerk", "{\"counted\":{\"50.00\":2,\"20.00\":1,\"5.00\":1}}");
        ok(c1, 200);
        assertThat(c1.text("variance")).isEqualTo("-0.40");
        // D2 expects 60 + 2.95 = 62.95
        ok(api.post("/api/v1/drawers/D2/close", "clerk2",
                "{\"counted\":{\"20.00\":3,\"1.00\":2,\"0.50\":1,\"0.20\":2,\"0.05\":1}}"), 200);
    }

    @Test
    void theDailyReportShowsEveryFigureOfAKnownDayAndAgreesWithTheZReport() throws IOException {
        knownDay();

        Api.Response response = api.get("/api/v1/reports/daily?date=" + today, "manager");
        ok(response, 200);
        JsonNode r = response.json();
        assertThat(r.get("date").asString()).isEqualTo(today.toString());
        assertThat(r.get("currency").asString()).isEqualTo("EUR");
        assertThat(r.get("salesCount").asLong()).isEqualTo(4);
        assertThat(r.get("grossSales").asString()).isEqualTo("63.24");  // 49.00 + 3.78 + 7.49 + 2.97
        assertThat(r.get("discounts").asString()).isEqualTo("0.00");
        assertThat(r.get("salesTotal").asString()).isEqualTo("63.24");
        assertThat(r.get("returns").asString()).isEqualTo("9.39");      // 1.90 + 7.49
        assertThat(r.get("returnsCount").asLong()).isEqualTo(2);
        assertThat(r.get("netSales").asString()).isEqualTo("53.85");    // 63.24 - 9.39
        assertThat(r.get("taxTotal").asString()).isEqualTo("10.73");    // 8.50 + 1.30 + 0.52 + 0.41
        assertThat(r.get("cashRounding").asString()).isEqualTo("0.00");  // +0.02 - 0.02 (the voided +0.01 is out)
        assertThat(text(r.get("taxByRate"))).isEqualTo(Map.of(
                "12", Map.of("net", "3.37", "tax", "0.41", "gross", "3.78"),
                "21", Map.of("net", "49.14", "tax", "10.32", "gross", "59.46")));
        assertThat(text(r.get("tenders"))).isEqualTo(Map.of("CASH", "55.75", "CARD", "7.49"));
        assertThat(text(r.get("byDepartment"))).isEqualTo(Map.of("ELECTRONICS", "49.00", "FOOD", "3.78", "DRINKS", "10.46"));
        assertThat(text(r.get("byHour"))).isEqualTo(Map.of("10", "52.78", "11", "7.49", "12", "2.97"));
        assertThat(text(r.get("refundsByTender"))).isEqualTo(Map.of("CASH", "1.90", "CARD", "7.49"));
        assertThat(text(r.get("returnsByReason"))).isEqualTo(Map.of(
                "DEFECTIVE", Map.of("lines", "1", "quantity", "1", "amount", "1.89"),
                "CHANGED_MIND", Map.of("lines", "1", "quantity", "1", "amount", "7.49")));
        assertThat(r.get("returnsCashRounding").asString()).isEqualTo("0.01");
        assertThat(text(r.get("returnsByClerk"))).isEqualTo(Map.of(
                // 9.39 / (49.00 + 3.78 + 7.49 = 60.27) = 0.15580
                "clerk", Map.of("count", "2", "amount", "9.39", "salesCount", "3", "sales", "60.27", "refundRate", "0.1558"),
                "clerk2", Map.of("count", "0", "amount", "0.00", "salesCount", "1", "sales", "2.97", "refundRate", "0.0000")));
        assertThat(text(r.get("voids"))).isEqualTo(Map.of("count", "1", "amount", "2.19"));
        assertThat(text(r.get("voidsByClerk"))).isEqualTo(Map.of("clerk", Map.of("count", "1", "amount", "2.19")));
        assertThat(text(r.get("noSalesByClerk"))).isEqualTo(Map.of("clerk", "1"));
        assertThat(text(r.get("cashMovements"))).isEqualTo(Map.of("PAID_IN", "20.00", "PAID_OUT", "5.50",
                "SAFE_DROP", "0.00", "PICKUP", "0.00"));
        assertThat(text(r.get("variancesByUser"))).isEqualTo(Map.of("clerk", "-0.40", "clerk2", "0.00"));
        assertThat(r.get("openDrawers").asLong()).isZero();
        assertThat(r.get("zNumber").isNull()).isTrue();
        assertThat(text(r.get("sections").get("sample"))).isEqualTo(Map.of("days", "1"));

        // the Z report of the same day agrees to the cent
        Api.Response closed = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        ok(closed, 201);
        JsonNode z = closed.json();
        for (String field : List.of("salesCount", "grossSales", "discounts", "salesTotal", "returns", "returnsCount",
                "netSales", "taxTotal", "cashRounding", "taxByRate", "tenders", "byDepartment", "variancesByUser")) {
            assertThat(z.get(field)).as(field).isEqualTo(r.get(field));
        }
        assertThat(z.get("voids").asString()).isEqualTo(r.get("voids").get("amount").asString());
        assertThat(z.get("voidsCount").asLong()).isEqualTo(r.get("voids").get("count").asLong());
        JsonNode after = api.get("/api/v1/reports/daily?date=" + today, "office").json();
        assertThat(after.get("zNumber").asLong()).isEqualTo(z.get("zNumber").asLong());
        ((tools.jackson.databind.node.ObjectNode) after).remove("zNumber");
        ((tools.jackson.databind.node.ObjectNode) r).remove("zNumber");
        assertThat(after).isEqualTo(r);                                   // head office reads the same figures

        // CSV, parsed back
        Api.Response csv = api.get("/api/v1/reports/daily?date=" + today + "&format=csv", "office");
        ok(csv, 200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.body()).startsWith("section,key,field,value\r\n");   // no byte-order mark, CRLF
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(4));
        Map<String, String> cells = new java.util.HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> cells.put(row.get(0) + "|" + row.get(1) + "|" + row.get(2), row.get(3)));
        assertThat(cells).containsAllEntriesOf(Map.ofEntries(
                Map.entry("summary||date", today.toString()),
                Map.entry("summary||storeName", "Veikals Rīga Centrs"),
                Map.entry("summary||salesCount", "4"),
                Map.entry("summary||grossSales", "63.24"),
                Map.entry("summary||discounts", "0.00"),
                Map.entry("summary||returns", "9.39"),
                Map.entry("summary||returnsCount", "2"),
                Map.entry("summary||netSales", "53.85"),
                Map.entry("summary||taxTotal", "10.73"),
                Map.entry("summary||cashRounding", "0.00"),
                Map.entry("summary||zNumber", z.get("zNumber").asString()),
                Map.entry("taxByRate|21|net", "49.14"),
                Map.entry("taxByRate|21|tax", "10.32"),
                Map.entry("taxByRate|21|gross", "59.46"),
                Map.entry("taxByRate|12|net", "3.37"),
                Map.entry("taxByRate|12|tax", "0.41"),
                Map.entry("taxByRate|12|gross", "3.78"),
                Map.entry("tenders|CASH|amount", "55.75"),
                Map.entry("tenders|CARD|amount", "7.49"),
                Map.entry("byDepartment|ELECTRONICS|amount", "49.00"),
                Map.entry("byDepartment|FOOD|amount", "3.78"),
                Map.entry("byDepartment|DRINKS|amount", "10.46"),
                Map.entry("byHour|10|amount", "52.78"),
                Map.entry("byHour|11|amount", "7.49"),
                Map.entry("byHour|12|amount", "2.97"),
                Map.entry("refundsByTender|CASH|amount", "1.90"),
                Map.entry("refundsByTender|CARD|amount", "7.49"),
                Map.entry("returnsByReason|DEFECTIVE|quantity", "1"),
                Map.entry("returnsByReason|DEFECTIVE|amount", "1.89"),
                Map.entry("returnsByReason|CHANGED_MIND|amount", "7.49"),
                Map.entry("returnsByClerk|clerk|amount", "9.39"),
                Map.entry("returnsByClerk|clerk|sales", "60.27"),
                Map.entry("returnsByClerk|clerk|refundRate", "0.1558"),
                Map.entry("returnsByClerk|clerk2|refundRate", "0.0000"),
                Map.entry("voids||count", "1"),
                Map.entry("voids||amount", "2.19"),
                Map.entry("voidsByClerk|clerk|count", "1"),
                Map.entry("noSalesByClerk|clerk|count", "1"),
                Map.entry("cashMovements|PAID_IN|amount", "20.00"),
                Map.entry("cashMovements|PAID_OUT|amount", "5.50"),
                Map.entry("variancesByUser|clerk|variance", "-0.40"),
                Map.entry("variancesByUser|clerk2|variance", "0.00"),
                Map.entry("sample|Ādaži, \"centrs\"|days", "1")));      // quoted field with comma and quotes

        // PDF: the figures as text, and a page that is not blank
        byte[] pdf = bytes("/api/v1/reports/daily?date=" + today + "&format=pdf", "manager");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            // in the store's language (Latvian): captions, names instead of codes, amounts and the
            // refund rate formatted as the receipts print them
            assertThat(text).contains("Veikala atskaite S001 Veikals Rīga Centrs", "Darba diena " + today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                    "Diena slēgta ar Z atskaiti Nr. " + z.get("zNumber").asLong(),
                    "Bruto pārdošana 63,24", "Atgriešanas (2) 9,39", "Neto pārdošana 53,85", "Iekļautais PVN 10,73",
                    "Anulēšanas (1) 2,19", "Pārdošana pa nodaļām", "Elektronika 49,00", "Dzērieni 10,46",
                    "Pārdošana pa stundām", "Maksājumi", "Atgriešanas pa iemesliem", "52,78", "55,75",
                    "Bojāta prece 1 1 1,89", "Pārdomāja 1 1 7,49", "Atmaksāts: Skaidra nauda 1,90",
                    "Atmaksāts: Karte 7,49", "Atmaksu daļa",
                    "Anna Bērziņa (clerk) 3 60,27 2 9,39 15,6% 1 2,19 1", "Jānis Ozoliņš (clerk2) 1 2,97 0 0,00 0,0% 0 0",
                    "Iemaksas 20,00", "Izmaksas 5,50", "Skaitīšanas starpība: Anna Bērziņa (clerk) -0,40",
                    "Sample section – Žluťoučký kůň", "Проверка: Ādaži, Žluťoučký kůň, days 1");
            assertThat(text).doesNotContain("Gross sales", "ELECTRONICS", "DEFECTIVE", "CHANGED_MIND", "0.1558",
                    "63.24");
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("A 21% 49,14 10,32 59,46", "B 12% 3,37 0,41 3,78");
            assertThat(flat.indexOf("A 21%")).isLessThan(flat.indexOf("B 12%"));
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 40);
            long inked = 0;
            for (int x = 0; x < page.getWidth(); x++) {
                for (int y = 0; y < page.getHeight(); y++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        inked++;
                    }
                }
            }
            assertThat(inked).isGreaterThan(page.getWidth() * page.getHeight() / 100);
        }
    }

    @Test
    void manualDiscountsShowInTheDailyReportAndTheZReportByReasonAndByClerk() {
        open("D4", "clerk");
        Api.Response damaged = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2001","quantity":1,"discount":{"percent":"10","reason":"DAMAGED"}}],
                 "tenders":[{"type":"CASH","amount":"17.90"}]}""");                  // 19.90 - 1.99 = 17.91, cash 17.90
        ok(damaged, 201);
        Api.Response matched = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2002","quantity":1,
                 "priceOverride":{"price":"30.00","reason":"PRICE_MATCH"}}],
                 "approval":%s,"tenders":[{"type":"CASH","amount":"30.00"}]}""".formatted(APPROVAL)); // 19.00 off, approved
        ok(matched, 201);
        // D4 expects 60 + 17.90 + 30.00 = 107.90
        ok(api.post("/api/v1/drawers/D4/close", "clerk",
                "{\"counted\":{\"50.00\":2,\"5.00\":1,\"1.00\":2,\"0.50\":1,\"0.20\":2}}"), 200);

        JsonNode r = api.get("/api/v1/reports/daily?date=" + today, "manager").json();
        JsonNode section = r.get("sections").get("manualDiscounts");
        assertThat(section.get("amount").asString()).isEqualTo("20.99");
        assertThat(text(section.get("byReason"))).isEqualTo(Map.of(
                "DAMAGED", Map.of("count", "1", "amount", "1.99"),
                "PRICE_MATCH", Map.of("count", "1", "amount", "19.00")));
        // 20.99 given away of 47.91 + 20.99 = 68.90 at catalogue prices
        assertThat(text(section.get("byClerk"))).isEqualTo(Map.of(
                "clerk", Map.of("count", "2", "amount", "20.99", "discountRate", "0.3046")));
        assertThat(r.get("discounts").asString()).isEqualTo("1.99");      // the override lowered the gross instead

        Api.Response closed = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        ok(closed, 201);
        JsonNode z = closed.json().get("manualDiscounts");
        assertThat(z.get("count").asLong()).isEqualTo(2);
        assertThat(z.get("amount").asString()).isEqualTo("20.99");
        assertThat(text(z.get("byReason"))).isEqualTo(text(section.get("byReason")));
        assertThat(text(z.get("byClerk"))).isEqualTo(Map.of("clerk", Map.of("count", "2", "amount", "20.99")));
        Api.Response csv = api.get("/api/v1/reports/daily?date=" + today + "&format=csv", "manager");
        assertThat(Csv.parse(csv.body())).contains(List.of("manualDiscounts", "DAMAGED", "amount", "1.99"),
                List.of("manualDiscounts", "clerk:clerk", "discountRate", "0.3046"));
    }


    @Test
    void taxExemptSalesShowApartInTheDailyReportAndTheZReportNetByReason() {
        open("D4", "clerk");
        ok(api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2001","quantity":1}],"approval":%s,
                 "taxExemption":{"reason":"EXPORT","document":"UA123456"},
                 "tenders":[{"type":"CASH","amount":"16.45"}]}""".formatted(APPROVAL)), 201);   // 19.90 less 3.45 tax
        ok(api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2002","quantity":1}],"approval":%s,
                 "taxExemption":{"reason":"REVERSE_CHARGE","document":"LV40103999999"},
                 "tenders":[{"type":"CASH","amount":"40.50"}]}""".formatted(APPROVAL)), 201);   // 49.00 less 8.50 tax
        sell("clerk", "D4", "EL-2001", 1, "{\"type\":\"CASH\",\"amount\":\"19.90\"}");
        // D4 expects 60 + 16.45 + 40.50 + 19.90 = 136.85
        ok(api.post("/api/v1/drawers/D4/close", "clerk", """
                {"counted":{"50.00":2,"20.00":1,"10.00":1,"5.00":1,"1.00":1,"0.50":1,"0.20":1,"0.10":1,"0.05":1}}"""), 200);

        JsonNode r = api.get("/api/v1/reports/daily?date=" + today, "manager").json();
        JsonNode section = r.get("sections").get("taxExempt");
        assertThat(section.get("count").asLong()).isEqualTo(2);
        assertThat(section.get("net").asString()).isEqualTo("56.95");
        assertThat(text(section.get("byReason"))).isEqualTo(Map.of(
                "EXPORT", Map.of("count", "1", "net", "16.45"),
                "REVERSE_CHARGE", Map.of("count", "1", "net", "40.50")));
        assertThat(r.get("taxTotal").asString()).isEqualTo("3.45");          // only the ordinary sale's tax

        Api.Response closed = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        ok(closed, 201);
        JsonNode z = closed.json().get("taxExempt");
        assertThat(z.get("count").asLong()).isEqualTo(2);
        assertThat(z.get("net").asString()).isEqualTo("56.95");
        assertThat(text(z.get("byReason"))).isEqualTo(text(section.get("byReason")));
        assertThat(closed.json().get("taxTotal").asString()).isEqualTo("3.45");
        Api.Response csv = api.get("/api/v1/reports/daily?date=" + today + "&format=csv", "manager");
        assertThat(Csv.parse(csv.body())).contains(List.of("taxExempt", "REVERSE_CHARGE", "net", "40.50"));
    }

    @Test
    void aPartlyExemptSaleCountsOnlyItsExemptLinesNetInTheDailyAndZReports() {
        open("D4", "clerk");
        ok(api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2001","quantity":1},{"sku":"EL-2002","quantity":1}],"approval":%s,
                 "taxExemption":{"reason":"EXPORT","document":"UA123456","lineNos":[1]},
                 "tenders":[{"type":"CASH","amount":"65.45"}]}""".formatted(APPROVAL)), 201);   // 16.45 exempt + 49.00 taxed
        ok(api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D4","lines":[{"sku":"EL-2001","quantity":1}],"approval":%s,
                 "taxExemption":{"reason":"DIPLOMATIC","document":"D-1234"},
                 "tenders":[{"type":"CASH","amount":"16.45"}]}""".formatted(APPROVAL)), 201);   // whole sale exempt
        // D4 expects 60 + 65.45 + 16.45 = 141.90
        ok(api.post("/api/v1/drawers/D4/close", "clerk", """
                {"counted":{"50.00":2,"20.00":2,"1.00":1,"0.50":1,"0.20":2}}"""), 200);

        JsonNode r = api.get("/api/v1/reports/daily?date=" + today, "manager").json();
        JsonNode section = r.get("sections").get("taxExempt");
        assertThat(section.get("count").asLong()).isEqualTo(2);
        assertThat(section.get("net").asString()).isEqualTo("32.90");
        assertThat(text(section.get("byReason"))).isEqualTo(Map.of(
                "EXPORT", Map.of("count", "1", "net", "16.45"),
                "DIPLOMATIC", Map.of("count", "1", "net", "16.45")));
        assertThat(r.get("taxTotal").asString()).isEqualTo("8.50");          // the taxed line keeps its tax
        assertThat(r.get("salesTotal").asString()).isEqualTo("81.90");

        Api.Response closed = api.post("/api/v1/business-days/" + today + "/close", "manager", "");
        ok(closed, 201);
        JsonNode z = closed.json().get("taxExempt");
        assertThat(z.get("count").asLong()).isEqualTo(2);
        assertThat(z.get("net").asString()).isEqualTo("32.90");
        assertThat(text(z.get("byReason"))).isEqualTo(text(section.get("byReason")));
        assertThat(closed.json().get("taxTotal").asString()).isEqualTo("8.50");
    }

    @Test
    void aRangeSumsItsDaysAndDaysWithoutBusinessCountAsZero() {
        LocalDate first = today;
        open("D3", "clerk");
        sell("clerk", "D3", "LV-1008", 1, cash("2.20"));                   // 2.19, cash 2.20
        ok(api.post("/api/v1/drawers/D3/close", "clerk", "{\"counted\":{\"20.00\":3,\"1.00\":2,\"0.20\":1}}"), 200);
        ok(api.post("/api/v1/business-days/" + first + "/close", "manager", ""), 201);   // day one closed, day three open
        today = first.plusDays(2);                                        // one empty day between
        at("09:00");
        open("D3", "clerk");
        sell("clerk", "D3", "EL-2002", 1, cash("49.00"));
        sell("clerk", "D3", "LV-1001", 1, cash("2.00"));                  // 1.89, cash 1.90
        ok(api.post("/api/v1/drawers/D3/no-sale", "clerk", "{\"reason\":\"change\"}"), 201);

        JsonNode dayOne = api.get("/api/v1/reports/daily?date=" + first, "manager").json();
        JsonNode dayThree = api.get("/api/v1/reports/daily?date=" + today, "manager").json();
        Api.Response ranged = api.get("/api/v1/reports/daily?from=" + first + "&to=" + today, "office");
        ok(ranged, 200);
        JsonNode range = ranged.json();
        assertThat(range.get("date").isNull()).isTrue();
        assertThat(range.get("from").asString()).isEqualTo(first.toString());
        assertThat(range.get("to").asString()).isEqualTo(today.toString());
        assertThat(range.get("salesCount").asLong()).isEqualTo(3);
        assertThat(range.get("salesTotal").asString()).isEqualTo("53.08");   // 2.19 + 49.00 + 1.89
        assertThat(range.get("cashRounding").asString()).isEqualTo("0.02");  // +0.01 + 0.01
        for (String field : List.of("salesTotal", "grossSales", "taxTotal", "netSales")) {
            assertThat(new BigDecimal(range.get(field).asString())).as(field).isEqualByComparingTo(
                    new BigDecimal(dayOne.get(field).asString()).add(new BigDecimal(dayThree.get(field).asString())));
        }
        assertThat(text(range.get("tenders"))).isEqualTo(Map.of("CASH", "53.10"));
        assertThat(text(range.get("taxByRate").get("21"))).isEqualTo(Map.of("net", "42.31", "tax", "8.88", "gross", "51.19"));
        assertThat(text(range.get("returnsByClerk"))).isEqualTo(Map.of(
                "clerk", Map.of("count", "0", "amount", "0.00", "salesCount", "3", "sales", "53.08", "refundRate", "0.0000")));
        assertThat(text(range.get("noSalesByClerk"))).isEqualTo(Map.of("clerk", "1"));
        assertThat(text(range.get("variancesByUser"))).isEqualTo(Map.of("clerk", "0.00"));
        assertThat(range.get("openDrawers").asLong()).isOne();               // D3 on day three is still open
        assertThat(text(range.get("sections").get("sample"))).isEqualTo(Map.of("days", "3"));
        Api.Response csv = api.get("/api/v1/reports/daily?from=" + first + "&to=" + today + "&format=csv", "manager");
        assertThat(Csv.parse(csv.body())).contains(List.of("summary", "", "from", first.toString()),
                List.of("summary", "", "salesTotal", "53.08"));
        ok(api.post("/api/v1/drawers/D3/close", "clerk", "{\"counted\":{\"20.00\":5,\"10.00\":1,\"0.50\":1,\"0.20\":2}}"), 200);
    }

    @Test
    void clerksMayNotReadReportsAndPeriodsAreChecked() {
        assertThat(api.get("/api/v1/reports/daily?date=" + today, "clerk").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/daily?date=" + today, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/reports/daily?date=" + today, "manager").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/daily?date=" + today, "office").status()).isEqualTo(200);
        Api.Response none = api.get("/api/v1/reports/daily", "manager");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text("type")).endsWith("/problems/invalid-report-period");
        assertThat(api.get("/api/v1/reports/daily?from=" + today + "&to=" + today.minusDays(1), "manager").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/reports/daily?from=" + today.minusYears(2) + "&to=" + today, "manager").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/reports/daily?date=" + today + "&from=" + today, "manager").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/daily?date=yesterday", "manager").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/daily?date=" + today + "&format=xls", "manager").status()).isEqualTo(400);
        JsonNode empty = api.get("/api/v1/reports/daily?date=" + today, "manager").json();
        assertThat(empty.get("salesCount").asLong()).isZero();
        assertThat(empty.get("netSales").asString()).isEqualTo("0.00");
        assertThat(text(empty.get("voids"))).isEqualTo(Map.of("count", "0", "amount", "0.00"));
    }

    /** JSON as plain maps of strings, so that whole objects compare at once. */
    private static Object text(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), text(e.getValue())));
            return out;
        }
        return node.isNull() ? null : node.asString();
    }

    private byte[] bytes(String path, String user) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A strict RFC 4180 reader: CRLF records, fields optionally in quotes, "" for a quote inside. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new java.util.ArrayList<>();
            List<String> row = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"' && field.isEmpty()) {
                    i++;
                    while (true) {
                        char q = text.charAt(i++);
                        if (q == '"') {
                            if (i < text.length() && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(q);
                        }
                    }
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    i++;
                } else if (c == '\r') {
                    assertThat(text.charAt(i + 1)).isEqualTo('\n');
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new java.util.ArrayList<>();
                    i += 2;
                } else {
                    assertThat(c).isNotEqualTo('\n');
                    field.append(c);
                    i++;
                }
            }
            assertThat(row).isEmpty();
            return rows;
        }
    }
}
