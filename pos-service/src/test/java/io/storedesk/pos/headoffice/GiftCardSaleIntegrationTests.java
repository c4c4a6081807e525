package io.storedesk.pos.headoffice;

import java.io.IOException;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeRelay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gift cards sold and reloaded at the till as sale lines (issue 26) over real HTTP: head office on a fresh
 * embedded PostgreSQL, store S001 (its own H2 files, in this JVM) reaching it through a gateway the test can
 * take down. A card sold with goods is activated once per Idempotency-Key and its balance shows at the desk;
 * reloaded; amounts outside the limits, a gift card paying for a gift card and head office away are refused
 * with nothing activated; a sale failing after the activation puts the card back to NEW; a gift-card line is
 * neither returned nor voided; the number is never answered or printed whole.
 */
class GiftCardSaleIntegrationTests {

    static final String VISA = "4761739001010010";

    static Api ho;
    static Api shop;
    static JdbcClient hoDb;
    static JdbcClient shopDb;
    static HeadOfficeRelay gateway;
    static StoreBehindPassThrough nodes;

    @BeforeAll
    static void start() throws IOException {
        nodes = StoreBehindPassThrough.start("giftsale", "--pos.sync.max-backoff=1s");
        gateway = nodes.gateway;
        ho = nodes.ho;
        shop = nodes.shop;
        hoDb = nodes.hoDb();
        shopDb = nodes.shopDb();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static String balanceAtTheDesk(String card) {
        Api.Response r = shop.get("/api/v1/gift-cards/" + card, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(card);
        return r.text("balance");
    }

    static long ops(String card, String kind) {
        return hoDb.sql("SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ? AND kind = ?").params(card, kind)
                .query(Long.class).single();
    }

    static String status(String card) {
        return hoDb.sql("SELECT status FROM ho_gift_card WHERE number = ?").param(card).query(String.class)
                .optional().orElse("none");
    }

    static long sales() {
        return shopDb.sql("SELECT COUNT(*) FROM sale").query(Long.class).single();
    }

    static JsonNode giftLine(Api.Response sale) {
        for (JsonNode l : sale.json().get("lines")) {
            if (l.hasNonNull("giftCard")) {
                return l;
            }
        }
        throw new AssertionError("no gift-card line in " + sale.body());
    }

    @Test
    void aCardSoldWithGoodsIsActivatedOnceReloadedAndNeitherReturnedNorVoided() {
        String card = "7002000000001111";
        // 12.99 of goods and a 25.00 card, cash 40.00: one key, sent twice
        String body = """
                {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1},
                 {"giftCard":{"number":"%s","amount":"25.00","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"40.00"}]}""".formatted(card);
        Api.Response sold = shop.postIdempotent("/api/v1/sales", "clerk", "gift-line-sale-1", body);
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        assertThat(sold.body()).doesNotContain(card);
        assertThat(sold.text("total")).isEqualTo("37.99");
        JsonNode line = giftLine(sold);
        assertThat(line.get("net").asString()).isEqualTo("25.00");
        assertThat(line.get("tax").asString()).isEqualTo("0.00");
        assertThat(line.get("discount").asString()).isEqualTo("0.00");
        assertThat(line.get("giftCard").get("number").asString()).isEqualTo("************1111");
        assertThat(line.get("giftCard").get("kind").asString()).isEqualTo("ACTIVATE");
        assertThat(line.get("giftCard").get("balance").asString()).isEqualTo("25.00");
        assertThat(sold.body()).doesNotContain("\"rate\":\"0\""); // a voucher: outside the tax table
        Api.Response again = shop.postIdempotent("/api/v1/sales", "clerk", "gift-line-sale-1", body);
        assertThat(again.status()).isIn(200, 201);
        assertThat(again.text("receiptNumber")).isEqualTo(sold.text("receiptNumber"));
        assertThat(ops(card, "ACTIVATE")).isEqualTo(1);
        assertThat(balanceAtTheDesk(card)).isEqualTo("25.00");
        Api.Response receipt = shop.get("/api/v1/sales/" + sold.text("receiptNumber") + "/receipt?format=escpos",
                "clerk");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("************1111").contains("25.00 EUR").doesNotContain(card)
                .doesNotContain(" 0%"); // a voucher: no tax row

        // reloaded with 10.00 on its own, paid by cash
        Api.Response reload = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"10.00","kind":"RELOAD"}}],
                 "tenders":[{"type":"CASH","amount":"10.00"}]}""".formatted(card));
        assertThat(reload.status()).as(reload.body()).isEqualTo(201);
        assertThat(giftLine(reload).get("giftCard").get("balance").asString()).isEqualTo("35.00");
        assertThat(balanceAtTheDesk(card)).isEqualTo("35.00");

        // the gift-card line is not returned; the goods line still is
        long refundsBefore = shopDb.sql("SELECT COUNT(*) FROM sale_return").query(Long.class).optional().orElse(0L);
        Api.Response giftReturn = shop.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":2,"quantity":1,"reason":"WRONG_ITEM",
                 "restock":false}]}""".formatted(sold.text("receiptNumber")), Map.of("Accept-Language", "lv"));
        assertThat(giftReturn.status()).as(giftReturn.body()).isEqualTo(422);
        assertThat(giftReturn.text("type")).endsWith("/gift-card-not-returnable");
        assertThat(giftReturn.text("title")).isEqualTo("Dāvanu karti nevar atgriezt");
        assertThat(giftReturn.body()).doesNotContain(card);
        assertThat(shopDb.sql("SELECT COUNT(*) FROM sale_return").query(Long.class).optional().orElse(0L))
                .isEqualTo(refundsBefore);

        // nor is the sale post-voided (the card may be spent already)
        Api.Response voided = shop.post("/api/v1/sales/" + reload.text("receiptNumber") + "/void", "clerk", """
                {"reason":"customer changed mind"}""", Map.of("Accept-Language", "cs"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(422);
        assertThat(voided.text("type")).endsWith("/gift-card-sale-not-voidable");
        assertThat(voided.text("title")).isEqualTo("Prodaná dárková karta: nelze stornovat");
        assertThat(balanceAtTheDesk(card)).isEqualTo("35.00");
    }

    @Test
    void amountsOutsideTheLimitsAndAGiftCardPayingForOneAreRefusedWithNothingActivated() {
        String card = "7002000000002222";
        long before = sales();
        Api.Response low = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"4.99","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"5.00"}]}""".formatted(card), Map.of("Accept-Language", "ru"));
        assertThat(low.status()).as(low.body()).isEqualTo(422);
        assertThat(low.text("type")).endsWith("/gift-card-amount-out-of-range");
        assertThat(low.text("title")).isEqualTo("Сумма подарочной карты вне пределов");
        assertThat(low.text("detail")).contains("5,00", "500,00", "4,99");
        assertThat(low.text("min")).isEqualTo("5.00");
        assertThat(low.text("max")).isEqualTo("500.00");
        Api.Response high = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"500.01","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"600.00"}]}""".formatted(card));
        assertThat(high.status()).as(high.body()).isEqualTo(422);
        assertThat(high.text("type")).endsWith("/gift-card-amount-out-of-range");
        Api.Response decimals = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"10.001","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"20.00"}]}""".formatted(card));
        assertThat(decimals.status()).as(decimals.body()).isEqualTo(400);
        Api.Response both = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1,
                  "giftCard":{"number":"%s","amount":"10.00","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"30.00"}]}""".formatted(card));
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.body()).contains("lines[0]").doesNotContain(card);

        // a gift card with money on it cannot pay for a new one, not even partly
        String paying = "7002000000003333";
        assertThat(ho.post("/api/ho/v1/gift-cards/" + paying + "/operations", null, """
                {"opId":"op-activate-3333","kind":"ACTIVATE","amount":"50.00","currency":"EUR","storeId":"S001"}""",
                GiftCardSyncIntegrationTests.S001).status()).isEqualTo(200);
        Api.Response bought = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1},
                 {"giftCard":{"number":"%s","amount":"20.00","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"5.00"},{"type":"CASH","amount":"30.00"}]}"""
                .formatted(card, paying), Map.of("Accept-Language", "lv"));
        assertThat(bought.status()).as(bought.body()).isEqualTo(422);
        assertThat(bought.text("type")).endsWith("/gift-card-buys-gift-card");
        assertThat(bought.text("title")).isEqualTo("Ar dāvanu karti nevar pirkt dāvanu karti");
        assertThat(bought.body()).doesNotContain(card).doesNotContain(paying);

        assertThat(sales()).isEqualTo(before);
        assertThat(status(card)).isEqualTo("none");
        assertThat(ops(paying, "REDEEM")).isZero();
        assertThat(balanceAtTheDesk(paying)).isEqualTo("50.00");
    }

    @Test
    void aSaleDeclinedAfterTheActivationLeavesTheCardNewAndHeadOfficeAwayIsA503() {
        String card = "7002000000004444";
        long before = sales();
        // the card is activated, then the bank card is declined (9.51: the simulator declines .51)
        Api.Response declined = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"9.51","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(card, VISA));
        assertThat(declined.status()).as(declined.body()).isGreaterThanOrEqualTo(400);
        assertThat(declined.body()).doesNotContain(card);
        assertThat(ops(card, "ACTIVATE")).isEqualTo(1);
        assertThat(ops(card, "CANCEL")).isEqualTo(1);
        assertThat(status(card)).isEqualTo("NEW");
        Api.Response unknown = shop.get("/api/v1/gift-cards/" + card, "clerk");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);

        // head office away: 503 in the clerk's language, nothing sold, nothing activated
        gateway.down(true);
        try {
            Api.Response away = shop.post("/api/v1/sales", "clerk", """
                    {"drawerId":"D1","lines":[{"sku":"LV-1013","quantity":1},
                     {"giftCard":{"number":"%s","amount":"15.00","kind":"ACTIVATE"}}],
                     "tenders":[{"type":"CASH","amount":"30.00"}]}""".formatted(card), Map.of("Accept-Language", "cs"));
            assertThat(away.status()).as(away.body()).isEqualTo(503);
            assertThat(away.text("type")).endsWith("/gift-card-offline");
            assertThat(away.text("title")).isEqualTo("Dárkové karty nejsou k dispozici");
            assertThat(away.body()).doesNotContain(card);
        } finally {
            gateway.down(false);
        }
        assertThat(sales()).isEqualTo(before);
        assertThat(ops(card, "ACTIVATE")).isEqualTo(1);

        // sold again once head office is back: the card was free to sell
        Api.Response sold = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"15.00","kind":"ACTIVATE"}}],
                 "tenders":[{"type":"CASH","amount":"15.00"}]}""".formatted(card));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        assertThat(balanceAtTheDesk(card)).isEqualTo("15.00");
    }
}
