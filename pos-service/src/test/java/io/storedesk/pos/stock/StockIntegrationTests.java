package io.storedesk.pos.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock over HTTP at drawer D1: sales take it, post-voids and restocked returns put it back (a return
 * not restocked moves nothing), exchanges both; goods received by scan (once per Idempotency-Key),
 * adjustments and counts; every movement also waits in the outbox for head office. Quantities are
 * compared with what the item held before, since other tests sell the same items.
 */
class StockIntegrationTests extends IntegrationTest {

    static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    private int onHand(String sku) {
        Api.Response r = api.get("/api/v1/stock/" + sku, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("onHand").asInt();
    }

    private List<JsonNode> movements(String sku, String document) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/stock/" + sku + "?movements=100", "clerk").json().get("movements").forEach(m -> {
            if (document.equals(m.get("document").asString())) {
                out.add(m);
            }
        });
        return out;
    }

    private String sale(String sku, int quantity) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"100.00"}]}"""
                .formatted(sku, quantity));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }

    private Api.Response returnLine(String receipt, int quantity, boolean restock) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":%d,"reason":"DEFECTIVE",
                 "restock":%s}]}""".formatted(receipt, quantity, restock));
    }

    @Test
    void aSaleTakesStockAndItsPostVoidPutsItBack() {
        int before = onHand("GC-9001");
        String receipt = sale("GC-9001", 2);
        assertThat(onHand("GC-9001")).isEqualTo(before - 2);
        List<JsonNode> sold = movements("GC-9001", receipt);
        assertThat(sold).singleElement().satisfies(m -> {
            assertThat(m.get("reason").asString()).isEqualTo("SALE");
            assertThat(m.get("quantity").asInt()).isEqualTo(-2);
            assertThat(m.get("user").asString()).isEqualTo("clerk");
        });

        Api.Response voided = api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                "{\"reason\":\"rang up twice\"," + APPROVAL + "}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(onHand("GC-9001")).isEqualTo(before);
        assertThat(movements("GC-9001", receipt)).extracting(m -> m.get("reason").asString())
                .containsExactly("POST_VOID", "SALE");
    }

    @Test
    void aRestockedReturnPutsGoodsBackAndOneNotRestockedMovesNothing() {
        int before = onHand("GC-9002");
        String receipt = sale("GC-9002", 3);
        assertThat(onHand("GC-9002")).isEqualTo(before - 3);

        Api.Response restocked = returnLine(receipt, 1, true);
        assertThat(restocked.status()).as(restocked.body()).isEqualTo(201);
        assertThat(onHand("GC-9002")).isEqualTo(before - 2);
        assertThat(movements("GC-9002", restocked.text("returnNumber"))).singleElement().satisfies(m -> {
            assertThat(m.get("reason").asString()).isEqualTo("RETURN_RESTOCKED");
            assertThat(m.get("quantity").asInt()).isEqualTo(1);
        });

        Api.Response damaged = returnLine(receipt, 1, false);
        assertThat(damaged.status()).as(damaged.body()).isEqualTo(201);
        assertThat(onHand("GC-9002")).isEqualTo(before - 2);
        assertThat(movements("GC-9002", damaged.text("returnNumber"))).isEmpty();
    }

    @Test
    void anExchangePutsTheReturnedItemBackAndTakesTheNewOne() {
        int returnedBefore = onHand("GC-9001");
        int newBefore = onHand("GC-9002");
        String receipt = sale("GC-9001", 1);
        Api.Response r = api.post("/api/v1/exchanges", "clerk", """
                {"receiptNumber":"%s","drawerId":"D1",
                 "returnLines":[{"lineNo":1,"quantity":1,"reason":"WRONG_ITEM","restock":true}],
                 "newLines":[{"sku":"GC-9002","quantity":1}]}""".formatted(receipt));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(onHand("GC-9001")).isEqualTo(returnedBefore);
        assertThat(onHand("GC-9002")).isEqualTo(newBefore - 1);
    }

    @Test
    void goodsReceivedByScanCountOncePerIdempotencyKey() {
        int byBarcode = onHand("LV-1001");
        int bySku = onHand("LV-1002");
        String key = "receipt-" + UUID.randomUUID();
        String body = """
                {"lines":[{"barcode":"4750001000009","quantity":12},{"sku":"LV-1002","quantity":6},
                 {"barcode":"4750001000009","quantity":2}],"note":"delivery 4411"}""";
        Api.Response first = api.postIdempotent("/api/v1/stock/receipts", "manager", key, body);
        Api.Response again = api.postIdempotent("/api/v1/stock/receipts", "manager", key, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        assertThat(again.text("document")).isEqualTo(first.text("document"));
        assertThat(onHand("LV-1001")).isEqualTo(byBarcode + 14);
        assertThat(onHand("LV-1002")).isEqualTo(bySku + 6);
        assertThat(movements("LV-1001", first.text("document"))).singleElement().satisfies(m -> {
            assertThat(m.get("reason").asString()).isEqualTo("RECEIVED");
            assertThat(m.get("quantity").asInt()).isEqualTo(14);
            assertThat(m.get("note").asString()).isEqualTo("delivery 4411");
        });
        // the receipt waits in the outbox for head office, once
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = 'STOCK_MOVEMENT' AND payload LIKE ?")
                .param("%" + first.text("document") + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReceiptWithAnUnknownItemOrNoQuantitySavesNothing() {
        int before = onHand("LV-1003");
        Api.Response unknown = api.post("/api/v1/stock/receipts", "clerk",
                "{\"lines\":[{\"sku\":\"LV-1003\",\"quantity\":1},{\"barcode\":\"0000000000000\",\"quantity\":1}]}",
                Map.of("Accept-Language", "lv"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("title")).isEqualTo("Nezināma prece");
        assertThat(unknown.text("detail")).contains("0000000000000");

        Api.Response zero = api.post("/api/v1/stock/receipts", "clerk",
                "{\"lines\":[{\"sku\":\"LV-1003\",\"quantity\":0}]}", Map.of("Accept-Language", "cs"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.text("title")).isEqualTo("Zkontrolujte údaje");
        assertThat(onHand("LV-1003")).isEqualTo(before);
    }

    @Test
    void anAdjustmentNamesItsReasonAndOtherNeedsANote() {
        int before = onHand("LV-1004");
        Api.Response damaged = api.post("/api/v1/stock/adjustments", "manager",
                "{\"sku\":\"LV-1004\",\"quantity\":-2,\"reason\":\"DAMAGED\",\"note\":\"dropped crate\"}");
        assertThat(damaged.status()).as(damaged.body()).isEqualTo(201);
        assertThat(damaged.json().get("lines").get(0).get("onHand").asInt()).isEqualTo(before - 2);
        assertThat(movements("LV-1004", damaged.text("document"))).singleElement().satisfies(m -> {
            assertThat(m.get("reason").asString()).isEqualTo("ADJUSTMENT");
            assertThat(m.get("reasonCode").asString()).isEqualTo("DAMAGED");
        });

        Api.Response noNote = api.post("/api/v1/stock/adjustments", "manager",
                "{\"sku\":\"LV-1004\",\"quantity\":1,\"reason\":\"OTHER\"}", Map.of("Accept-Language", "ru"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.text("title")).isEqualTo("Проверьте введённое");
        Api.Response badReason = api.post("/api/v1/stock/adjustments", "manager",
                "{\"sku\":\"LV-1004\",\"quantity\":1,\"reason\":\"BORROWED\"}");
        assertThat(badReason.status()).isEqualTo(400);
        Api.Response byClerk = api.post("/api/v1/stock/adjustments", "clerk",
                "{\"sku\":\"LV-1004\",\"quantity\":5,\"reason\":\"FOUND\"}");
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(onHand("LV-1004")).isEqualTo(before - 2);
    }

    @Test
    void aCountBooksTheDifferenceAndShowsShrinkageInTheReport() {
        assertThat(api.post("/api/v1/stock/receipts", "clerk", "{\"lines\":[{\"sku\":\"LV-1005\",\"quantity\":10}]}")
                .status()).isEqualTo(201);
        int before = onHand("LV-1005");
        int shrinkageBefore = api.get("/api/v1/reports/stock", "manager").json().get("shrinkage").get("quantity").asInt();
        Api.Response counted = api.post("/api/v1/stock/counts", "manager",
                "{\"lines\":[{\"sku\":\"LV-1005\",\"counted\":%d}],\"note\":\"shelf 4\"}".formatted((before - 3)));
        assertThat(counted.status()).as(counted.body()).isEqualTo(201);
        int expectedDelta = -3;
        JsonNode line = counted.json().get("lines").get(0);
        assertThat(line.get("onHandBefore").asInt()).isEqualTo(before);
        assertThat(line.get("quantity").asInt()).isEqualTo(expectedDelta);
        assertThat(onHand("LV-1005")).isEqualTo((before - 3));

        JsonNode report = api.get("/api/v1/reports/stock", "manager").json();
        assertThat(report.get("shrinkage").get("quantity").asInt()).isEqualTo(shrinkageBefore - expectedDelta);
        assertThat(report.get("movementsByReason").has("COUNT")).isTrue();
        assertThat(report.get("onHand").toString()).contains("LV-1005");

        // counting again what is there moves nothing
        Api.Response same = api.post("/api/v1/stock/counts", "manager",
                "{\"lines\":[{\"sku\":\"LV-1005\",\"counted\":%d}]}".formatted((before - 3)));
        assertThat(same.json().get("lines").get(0).get("quantity").asInt()).isZero();
        assertThat(movements("LV-1005", same.text("document"))).isEmpty();
    }

    @Test
    void negativeStockIsAllowedAndSalesAreNeverBlocked() {
        api.post("/api/v1/stock/counts", "manager", "{\"lines\":[{\"sku\":\"LV-1006\",\"counted\":0}]}");
        sale("LV-1006", 2);
        assertThat(onHand("LV-1006")).isEqualTo(-2);
    }

    @Test
    void otherStoresWithoutHeadOfficeAre503WithAMessage() {
        Api.Response r = api.get("/api/v1/stock/LV-1001/other-stores", "clerk", Map.of("Accept-Language", "lv"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.text("type")).endsWith("head-office-unreachable");
        assertThat(r.text("title")).isEqualTo("Centrālais birojs nav sasniedzams");
        Api.Response unknown = api.get("/api/v1/stock/NO-SUCH/other-stores", "clerk");
        assertThat(unknown.status()).isEqualTo(422);
    }
}
