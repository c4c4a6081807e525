package io.storedesk.pos.headoffice;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gift cards sold are a liability, not revenue (issue 26), over real HTTP: head office on a fresh embedded
 * PostgreSQL, store S001 on its own H2 (in this JVM). A day with 12.99 of goods and a 25.00 gift card sold for
 * cash, and a 10.00 reload (cash rounded to 0.05): the daily report, the X report and the Z report (JSON, PDF, ESC/POS) leave the cards
 * out of the sales, tax and department figures and show them apart as "gift cards sold"; the drawer's expected
 * cash has their cash; the Z reconciles (sales total + cash rounding + gift cards sold = the tenders); head
 * office's daily figures for the store leave them out too (also summed again from the received detail) and agree
 * with its gift-card report.
 */
class GiftCardRevenueIntegrationTests {

    static Api ho;
    static Api shop;
    static int shopPort;
    static StoreBehindPassThrough nodes;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        nodes = StoreBehindPassThrough.start("giftrev", "--pos.sync.max-backoff=1s");
        ho = nodes.ho;
        shop = nodes.shop;
        shopPort = HeadOfficeNodes.port(nodes.store);
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void giftCardsSoldAreShownApartFromTheSalesAtTheStoreAndAtHeadOffice() throws Exception {
        String card = "7002000000005555";
        String float0 = shop.get("/api/v1/drawers/D1/x-report", "manager").text("expectedCash");
        // a goods-only day first: the figures the gift cards must leave as they are
        Api.Response goods = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"13.00"}]}""");
        assertThat(goods.status()).as(goods.body()).isEqualTo(201);
        String date = goods.text("businessDate");
        JsonNode goodsOnly = daily(date);

        // 12.99 of goods and a new 25.00 card, paid 40.00 in cash; then the card reloaded with 10.00 in cash
        Api.Response sold = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1},
                 {"giftCard":{"number":"%s","amount":"25.00","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"40.00"}]}""".formatted(card));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        assertThat(sold.text("total")).isEqualTo("37.99");
        Api.Response reload = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"10.00","kind":"RELOAD"}}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""".formatted(card));
        assertThat(reload.status()).as(reload.body()).isEqualTo(201);

        // the daily report: the goods twice in the sales, tax and departments; the cards apart
        JsonNode day = daily(date);
        assertThat(day.get("salesCount").asLong()).isEqualTo(3);
        assertThat(day.get("grossSales").asString()).isEqualTo("25.98");
        assertThat(day.get("salesTotal").asString()).isEqualTo("25.98");
        assertThat(day.get("netSales").asString()).isEqualTo("25.98");
        assertThat(day.get("taxTotal").asString()).isEqualTo(times2(goodsOnly.get("taxTotal").asString()));
        assertThat(day.get("taxByRate").size()).isEqualTo(goodsOnly.get("taxByRate").size());
        for (Iterator<Map.Entry<String, JsonNode>> it = goodsOnly.get("taxByRate").properties().iterator();
                it.hasNext();) {
            Map.Entry<String, JsonNode> rate = it.next();
            for (String field : new String[] {"net", "tax", "gross"}) {
                assertThat(day.get("taxByRate").get(rate.getKey()).get(field).asString()).as(rate.getKey() + field)
                        .isEqualTo(times2(rate.getValue().get(field).asString()));
            }
        }
        assertThat(day.get("byDepartment").has("GIFT_CARD")).isFalse();
        assertThat(day.get("byDepartment").size()).isEqualTo(goodsOnly.get("byDepartment").size());
        BigDecimal byHour = BigDecimal.ZERO;
        for (JsonNode h : day.get("byHour")) {
            byHour = byHour.add(new BigDecimal(h.asString()));
        }
        assertThat(byHour).isEqualByComparingTo("25.98");
        assertThat(day.get("returnsByClerk").get("clerk").get("sales").asString()).isEqualTo("25.98");
        // 13.00 + 38.00 + 10.00 (cash rounded): the cards' cash is taken
        assertThat(day.get("tenders").get("CASH").asString()).isEqualTo("61.00");
        JsonNode gifts = day.get("giftCardsSold");
        assertThat(gifts.get("count").asLong()).isEqualTo(2);
        assertThat(gifts.get("amount").asString()).isEqualTo("35.00");
        assertThat(gifts.get("activations").get("count").asLong()).isEqualTo(1);
        assertThat(gifts.get("activations").get("amount").asString()).isEqualTo("25.00");
        assertThat(gifts.get("reloads").get("count").asLong()).isEqualTo(1);
        assertThat(gifts.get("reloads").get("amount").asString()).isEqualTo("10.00");
        assertReconciles(day);
        HttpResponse<byte[]> csv = fetch("/api/v1/reports/daily?date=" + date + "&format=csv", "manager");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("giftCardsSold,,amount,35.00",
                "giftCardsSold,ACTIVATE,count,1", "giftCardsSold,RELOAD,amount,10.00", "summary,,netSales,25.98");
        assertThat(pdfText(fetch("/api/v1/reports/daily?date=" + date + "&format=pdf", "manager")))
                .contains("Neto pārdošana 25,98", "Pārdotās dāvanu kartes (2) 35,00", "jaunas kartes (1) 25,00",
                        "papildinājumi (1) 10,00");

        // the X report: the drawer holds the cash paid for the cards
        Api.Response x = shop.get("/api/v1/drawers/D1/x-report", "manager");
        assertThat(x.text("cashSales")).isEqualTo("61.00");
        assertThat(new BigDecimal(x.text("expectedCash")))
                .isEqualByComparingTo(new BigDecimal(float0).add(new BigDecimal("61.00")));

        // the drawer counted (float 50.00 + 61.00 = 111.00) and the day closed: the Z report
        assertThat(x.text("expectedCash")).isEqualTo("111.00");
        Api.Response closed = shop.post("/api/v1/drawers/D1/close", "clerk",
                "{\"counted\":{\"100.00\":1,\"10.00\":1,\"1.00\":1}}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.text("variance")).isEqualTo("0.00");
        Api.Response zClose = shop.post("/api/v1/business-days/" + date + "/close", "manager", "");
        assertThat(zClose.status()).as(zClose.body()).isEqualTo(201);
        JsonNode z = zClose.json();
        assertThat(z.get("salesTotal").asString()).isEqualTo("25.98");
        assertThat(z.get("netSales").asString()).isEqualTo("25.98");
        assertThat(z.get("grossSales").asString()).isEqualTo("25.98");
        assertThat(z.get("cashRounding").asString()).isEqualTo("0.02");
        assertThat(z.get("taxTotal").asString()).isEqualTo(day.get("taxTotal").asString());
        assertThat(z.get("taxByRate")).isEqualTo(day.get("taxByRate"));
        assertThat(z.get("byDepartment")).isEqualTo(day.get("byDepartment"));
        assertThat(z.get("tenders").get("CASH").asString()).isEqualTo("61.00");
        assertThat(z.get("giftCardsSold")).isEqualTo(gifts);
        assertThat(z.get("drawers").get(0).get("expectedCash").asString()).isEqualTo("111.00");
        assertReconciles(z);
        long zNumber = z.get("zNumber").asLong();
        assertThat(pdfText(fetch("/api/v1/reports/z/" + zNumber + "/document?format=pdf", "manager")))
                .contains("Neto pārdošana 25,98", "Pārdotās dāvanu kartes (2) 35,00", "jaunas kartes (1) 25,00",
                        "papildinājumi (1) 10,00", "Skaidra nauda 61,00");
        HttpResponse<byte[]> escPos = fetch("/api/v1/reports/z/" + zNumber + "/document?format=escpos", "manager");
        assertThat(escPos.statusCode()).isEqualTo(200);
        String printed = new String(escPos.body(), Charset.forName("Cp1257"));
        assertThat(printed).contains("Neto pārdošana", "25,98", "Pārdotās dāvanu kartes (2)", "35,00");

        // head office: the store's sales for the day leave the cards out and show them apart
        JsonNode hoDay = awaitHeadOffice(date, 3);
        assertThat(hoDay.get("salesTotal").asString()).isEqualTo("25.98");
        assertThat(hoDay.get("grossSales").asString()).isEqualTo("25.98");
        assertThat(hoDay.get("netSales").asString()).isEqualTo("25.98");
        assertThat(hoDay.get("taxTotal").asString()).isEqualTo(day.get("taxTotal").asString());
        assertThat(hoDay.get("taxByRate")).isEqualTo(day.get("taxByRate"));
        assertThat(hoDay.get("byDepartment")).isEqualTo(day.get("byDepartment"));
        assertThat(hoDay.get("byHour")).isEqualTo(day.get("byHour"));
        assertThat(hoDay.get("tenders")).isEqualTo(day.get("tenders"));
        assertThat(hoDay.get("giftCardsSold")).isEqualTo(gifts);
        // summed again from the received detail, the day is the same (the cards kept apart in their own rows)
        Api.Response rebuilt = ho.post("/api/ho/v1/reports/daily/rebuild?date=%s&storeId=S001".formatted(date),
                "office", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("changed").asBoolean()).isFalse();
        assertThat(awaitHeadOffice(date, 3).get("giftCardsSold")).isEqualTo(gifts);
        // ... and agree with its gift-card report
        Api.Response cards = ho.get("/api/ho/v1/reports/gift-cards?from=%s&to=%s".formatted(date, date), "office");
        assertThat(cards.status()).as(cards.body()).isEqualTo(200);
        JsonNode eur = cards.json().get("currencies").get("EUR");
        assertThat(eur.get("activations").get("count").asLong()).isEqualTo(1);
        assertThat(eur.get("activations").get("amount").asString()).isEqualTo("25.00");
        assertThat(eur.get("reloads").get("count").asLong()).isEqualTo(1);
        assertThat(eur.get("reloads").get("amount").asString()).isEqualTo("10.00");
        assertThat(eur.get("liability").asString()).isEqualTo("35.00");
        // head office's completeness check agrees with the Z the store sent (the same sales total)
        JsonNode completeness = awaitComplete(date);
        assertThat(completeness.get("status").asString()).isEqualTo("COMPLETE");
    }

    /** Sales total + cash rounding + gift cards sold = what the tenders took (no returns this day). */
    private static void assertReconciles(JsonNode report) {
        BigDecimal tenders = BigDecimal.ZERO;
        for (JsonNode t : report.get("tenders")) {
            tenders = tenders.add(new BigDecimal(t.asString()));
        }
        assertThat(report.get("returns").asString()).isEqualTo("0.00");
        assertThat(new BigDecimal(report.get("netSales").asString())
                .add(new BigDecimal(report.get("cashRounding").asString()))
                .add(new BigDecimal(report.get("giftCardsSold").get("amount").asString())))
                .isEqualByComparingTo(tenders);
    }

    private static String times2(String amount) {
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(2)).toPlainString();
    }

    private static JsonNode daily(String date) {
        Api.Response r = shop.get("/api/v1/reports/daily?date=" + date, "manager");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Head office's daily figures for S001 once the store's sales have arrived (the outbox pushes every 200 ms). */
    private static JsonNode awaitHeadOffice(String date, long sales) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response r = ho.get("/api/ho/v1/reports/daily?date=" + date + "&storeId=S001", "office");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json().get("byStore").get("S001");
        }, s -> s != null && s.get("salesCount").asLong() == sales);
    }

    private static JsonNode awaitComplete(String date) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response r = ho.get("/api/ho/v1/reports/completeness?from=%s&to=%s&storeId=S001".formatted(date, date),
                    "office");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode days = r.json().get("days");
            return days != null && !days.isEmpty() ? days.get(0) : null;
        }, day -> day != null && !"WAITING_FOR_Z".equals(day.get("status").asString()));
    }

    private static HttpResponse<byte[]> fetch(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + shopPort + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String pdfText(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
