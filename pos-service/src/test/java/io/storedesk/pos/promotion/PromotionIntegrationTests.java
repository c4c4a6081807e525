package io.storedesk.pos.promotion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo store's promotion set (config/seed/promotions.json) over HTTP: quotes and sales show
 * the same promotions and totals, the sale and its receipt keep them, returns refund what was
 * paid, member-only promotions need a loyalty card and unknown coupons are refused.
 */
class PromotionIntegrationTests extends IntegrationTest {

    /**
     * 3 candles (3 for 10.00), soap, toothpaste and hand cream (cosmetics 2+1), coupon RUDENS10 (-10 %).
     * Items other tests return without a receipt (refunded at the lowest price recently paid) are left out.
     */
    private static final String BASKET = """
            "lines":[{"sku":"LV-1016","quantity":3},{"sku":"CZ-3011","quantity":1},{"sku":"LV-1026","quantity":1},
                     {"sku":"RU-4010","quantity":1}],"coupons":["rudens10"]""";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    private static List<String> promotions(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("promotions").forEach(p -> out.add(p.get("code").asString() + " " + p.get("amount").asString()));
        return out;
    }

    @Test
    void quoteAndSaleShowTheSamePromotionsAndTotals() throws Exception {
        Api.Response quote = api.post("/api/v1/sales/quote", "clerk", "{" + BASKET + "}");
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode q = quote.json();
        // candles 13.50 -> 10.00; the cheapest cosmetic (hand cream 2.45) free; 10 % of the 15.89 left = 1.59
        assertThat(promotions(q)).containsExactly("KOSMETIKA-2+1 2.45", "SVECES-3PAR10 3.50", "RUDENS10 1.59");
        assertThat(q.get("promotions").get(2).get("description").asString())
                .isEqualTo("Kupons RUDENS10: -10 % visam pirkumam");
        assertThat(q.get("subtotal").asString()).isEqualTo("21.84");
        assertThat(q.get("discountTotal").asString()).isEqualTo("7.54");
        assertThat(q.get("total").asString()).isEqualTo("14.30");
        assertThat(q.get("cashTotal").asString()).isEqualTo("14.30");

        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1",%s,"tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(BASKET));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        JsonNode s = sale.json();
        for (String field : List.of("lines", "subtotal", "discountTotal", "taxTotal", "total", "taxes", "promotions")) {
            assertThat(s.get(field)).as(field).isEqualTo(q.get(field));
        }
        assertThat(s.get("change").asString()).isEqualTo("5.70");
        // discounts are allocated to lines: the candles carry their own 3.50 and 1.01 of the coupon
        JsonNode candles = s.get("lines").get(0);
        assertThat(candles.get("discount").asString()).isEqualTo("4.51");
        assertThat(candles.get("net").asString()).isEqualTo("8.99");
        assertThat(s.get("lines").get(3).get("net").asString()).isEqualTo("0.00");

        String receipt = s.get("receiptNumber").asString();
        JsonNode stored = api.get("/api/v1/sales/" + receipt, "clerk").json();
        assertThat(stored.get("promotions")).isEqualTo(q.get("promotions"));
        assertThat(stored.get("lines").get(0).get("net").asString()).isEqualTo("8.99");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sale_promotion WHERE receipt_number = ?").param(receipt)
                .query(Long.class).single()).isEqualTo(3);

        String printed = pdfText(receipt);
        assertThat(printed).contains("Kupons RUDENS10: -10 % visam pirkumam", "-1,59", "-3,50", "-2,45");

        // returning the candles refunds what was paid for them, promotions included
        Api.Response ret = api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":3,"reason":"CHANGED_MIND",
                 "restock":true}],"refundMethod":"CASH"}""".formatted(receipt));
        assertThat(ret.status()).as(ret.body()).isEqualTo(201);
        assertThat(ret.json().get("lines").get(0).get("refund").asString()).isEqualTo("8.99");
    }

    @Test
    void aMemberOnlyPromotionNeedsTheLoyaltyCard() {
        String socks = "\"lines\":[{\"sku\":\"LV-1017\",\"quantity\":2}]";

        JsonNode without = api.post("/api/v1/sales/quote", "clerk", "{" + socks + "}").json();
        assertThat(without.get("promotions")).isEmpty();
        assertThat(without.get("total").asString()).isEqualTo("17.80");

        JsonNode with = api.post("/api/v1/sales/quote", "clerk",
                "{" + socks + ",\"loyaltyCard\":\"2900000000024\"}").json();
        assertThat(promotions(with)).containsExactly("KLUBS-VILNA20 3.56");
        assertThat(with.get("total").asString()).isEqualTo("14.24");

        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1",%s,"loyaltyCard":"2900000000024","tenders":[{"type":"CASH","amount":"14.25"}]}"""
                .formatted(socks));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        assertThat(promotions(sale.json())).containsExactly("KLUBS-VILNA20 3.56");
        assertThat(sale.json().get("total").asString()).isEqualTo("14.24");
    }

    @Test
    void anUnknownCouponIsRefusedAndNothingIsSold() {
        long sales = count("sale");

        Api.Response quote = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"LV-1016","quantity":1}],"coupons":["PAVASARIS"]}""");
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1016","quantity":1}],"coupons":["RUDENS10","pavasaris"],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""");

        assertThat(quote.status()).as(quote.body()).isEqualTo(422);
        assertThat(quote.text("type")).endsWith("/problems/unknown-coupon");
        assertThat(quote.text("detail")).contains("PAVASARIS");
        assertThat(sale.status()).as(sale.body()).isEqualTo(422);
        assertThat(sale.text("type")).endsWith("/problems/unknown-coupon");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void theActivePromotionsOfTheStoreAreListed() {
        Api.Response r = api.get("/api/v1/promotions", "clerk");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("version").asLong()).isPositive();
        List<String> codes = new ArrayList<>();
        body.get("promotions").forEach(p -> codes.add(p.get("code").asString()));
        assertThat(codes).contains("KLUBS-VILNA20", "SVECES-3PAR10", "KOSMETIKA-2+1", "MAJAI-50", "RUDENS10");
        assertThat(codes.get(0)).isEqualTo("KLUBS-VILNA20"); // highest priority first
        JsonNode rudens = body.get("promotions").valueStream()
                .filter(p -> p.get("code").asString().equals("RUDENS10")).findFirst().orElseThrow();
        assertThat(rudens.get("coupon").asString()).isEqualTo("RUDENS10");
        assertThat(rudens.get("percent").asString()).isEqualTo("10");
        assertThat(rudens.get("scope").asString()).isEqualTo("BASKET");
        assertThat(api.get("/api/v1/promotions", "office").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/promotions", null).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT source FROM promotion_set WHERE version = 1").query(String.class).single())
                .isEqualTo("seed:config/seed/promotions.json");
    }

    private String pdfText(String receipt) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/sales/" + receipt + "/receipt?format=pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
