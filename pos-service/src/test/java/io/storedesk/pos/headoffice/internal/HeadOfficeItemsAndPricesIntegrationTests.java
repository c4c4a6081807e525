package io.storedesk.pos.headoffice.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.MutableClock;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items and prices from head office (issue 26, docs/head-office.md "Items and prices"): head office
 * on a fresh embedded PostgreSQL (seeded from the store's catalogue file), store S001 (a store service
 * on its own H2 files in this JVM, on a settable clock, in Europe/Riga, syncing when asked), all
 * through real HTTP. An item added at head office sells at the store after the next pull, in the
 * store's language and at head office's price, and the sale line names the price version; a blocked
 * item is refused; a price change scheduled for a local time takes effect at the store at that time,
 * also when head office has gone away before it; price lists by API and CSV report their rejected
 * rows, and an item's price history shows them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadOfficeItemsAndPricesIntegrationTests {

    static final String LAMP = "4750009000018";
    static final String LAMP_2 = "4750009000025";
    // Friday 2030-03-08 23:00 in Riga (UTC+2)
    static final MutableClock STORE_CLOCK = new MutableClock(Instant.parse("2030-03-08T21:00:00Z"));
    static final Map<String, String> LV = Map.of("Accept-Language", "lv");

    static ConfigurableApplicationContext headOffice;
    static ConfigurableApplicationContext store;
    static Api ho;
    static Api shop;

    @BeforeAll
    static void start() {
        headOffice = HeadOfficeNodes.start("items", Postgres.newDatabase("hoitems"));
        ho = new Api(HeadOfficeNodes.port(headOffice));
        ApplicationContextInitializer<GenericApplicationContext> clock = c -> c.registerBean("storeTestClock",
                Clock.class, () -> STORE_CLOCK, d -> d.setPrimary(true));
        store = new SpringApplicationBuilder(PosApplication.class).initializers(clock).run("--server.port=0",
                "--pos.data-dir=target/test-data/store-items-" + System.nanoTime(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--pos.sync.head-office.url=http://localhost:" + HeadOfficeNodes.port(headOffice),
                "--pos.sync.head-office.key=demo-key-S001", "--pos.sync.push-interval=1h",
                "--pos.sync.pull-interval=1h");
        shop = new Api(HeadOfficeNodes.port(store));
        shop.ensureOpen("D1");
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(store, headOffice);
    }

    @Test
    @Order(1)
    void headOfficeHoldsTheSeedCatalogueAndTheStoreSellsAtItsPricesWithTheirVersion() {
        Api.Response item = ho.get("/api/ho/v1/items?barcode=4750001000009", "office");
        assertThat(item.status()).as(item.body()).isEqualTo(200);
        assertThat(item.json().get(0).get("sku").asString()).isEqualTo("LV-1001");
        long seedVersion = ho.get("/api/ho/v1/items/LV-1001/prices", "office").json().get(0).get("version").asLong();

        sync();
        JsonNode line = sell("LV-1001").get("lines").get(0);
        assertThat(line.get("unitPrice").asString()).isEqualTo("1.89");
        assertThat(line.get("priceVersion").asLong()).as("the seed price list of head office").isEqualTo(seedVersion);
    }

    @Test
    @Order(2)
    void anItemAddedAtHeadOfficeSellsAtTheStoreAfterTheNextPull() {
        Api.Response created = ho.post("/api/ho/v1/items", "office", """
                {"sku":"HO-2001","barcodes":["%s","%s"],"names":{"en":"Desk lamp","lv":"Galda lampa"},
                 "department":"HOME","taxCategories":{"LV":"STANDARD","CZ":"STANDARD"},"quickKey":true}"""
                .formatted(LAMP, LAMP_2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response list = ho.post("/api/ho/v1/price-lists", "office", """
                {"storeGroup":"ALL","currency":"EUR","effectiveFrom":"2030-01-01T00:00",
                 "lines":[{"sku":"HO-2001","price":"24.90"}]}""");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        long version = list.json().get("version").asLong();

        assertThat(shop.get("/api/v1/items/HO-2001", "clerk").status()).as("not pulled yet").isEqualTo(404);
        sync();
        Api.Response atStore = shop.get("/api/v1/items/" + LAMP_2, "clerk");
        assertThat(atStore.status()).as(atStore.body()).isEqualTo(200);
        assertThat(atStore.json().get("name").asString()).as("the store's language").isEqualTo("Galda lampa");

        JsonNode sale = sell(LAMP_2);
        JsonNode line = sale.get("lines").get(0);
        assertThat(line.get("sku").asString()).isEqualTo("HO-2001");
        assertThat(line.get("unitPrice").asString()).isEqualTo("24.90");
        assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
        Api.Response kept = shop.get("/api/v1/sales/" + sale.get("receiptNumber").asString(), "clerk");
        assertThat(kept.json().get("lines").get(0).get("priceVersion").asLong()).as("stored with the line")
                .isEqualTo(version);

        // blocked at head office: refused at the store after the pull, with a clear message
        assertThat(ho.post("/api/ho/v1/items/HO-2001/block", "office", "").status()).isEqualTo(200);
        sync();
        Api.Response refused = shop.post("/api/v1/sales", "clerk", saleOf("HO-2001"), LV);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("item-blocked");
        assertThat(refused.json().get("title").asString()).isEqualTo("Prece bloķēta");
    }

    @Test
    @Order(3)
    void itemsAreValidatedAndABarcodeBelongsToOneItem() {
        Api.Response bad = ho.post("/api/ho/v1/items", "office", """
                {"sku":"HO-2002","barcodes":["4750009000019"],"names":{"en":"Bad"},"department":"HOME",
                 "taxCategories":{"LV":"STANDARD"}}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("type").asString()).endsWith("invalid-barcode");
        Api.Response taken = ho.post("/api/ho/v1/items", "office", """
                {"sku":"HO-2002","barcodes":["4750001000009"],"names":{"en":"Copy"},"department":"HOME",
                 "taxCategories":{"LV":"STANDARD"}}""", LV);
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).contains("4750001000009").contains("LV-1001");
        assertThat(ho.get("/api/ho/v1/items/HO-2002", "office").status()).as("nothing written").isEqualTo(404);
        Api.Response found = ho.get("/api/ho/v1/items?q=galda%20lamp", "office");
        assertThat(found.json().get(0).get("sku").asString()).isEqualTo("HO-2001");
    }

    @Test
    @Order(4)
    void aPriceListByCsvReportsItsRejectedRowsAndTheHistoryShowsIt() {
        String csv = """
                sku;price
                LV-1002;1.35
                NOPE-1;1.00
                LV-1003;-1
                LV-1004;abc
                LV-1002;1.40
                LV-1005;1.234
                """;
        Api.Response imported = ho.post("/api/ho/v1/price-lists/import?storeGroup=RIGA&currency=EUR"
                + "&effectiveFrom=2030-04-01T00:00", "office", csv, "text/csv", LV);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = imported.json().get("rejected");
        assertThat(rejected.size()).isEqualTo(5);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("price.rejected.unknown-sku");
        assertThat(rejected.get(0).get("message").asString()).isEqualTo("Nav preces ar kodu NOPE-1.");
        assertThat(rejected.get(1).get("reason").asString()).isEqualTo("price.rejected.negative");
        assertThat(rejected.get(2).get("reason").asString()).isEqualTo("price.rejected.not-a-price");
        assertThat(rejected.get(3).get("reason").asString()).isEqualTo("price.rejected.duplicate-sku");
        assertThat(rejected.get(4).get("reason").asString()).isEqualTo("price.rejected.too-many-decimals");

        Api.Response none = ho.post("/api/ho/v1/price-lists/import?currency=EUR&effectiveFrom=2030-04-01T00:00",
                "office", "sku;price\nNOPE-2;1.00\n", "text/csv", Map.of());
        assertThat(none.status()).as(none.body()).isEqualTo(422);
        assertThat(none.json().get("rejected").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(ho.post("/api/ho/v1/price-lists/import?currency=EURO&effectiveFrom=2030-04-01T00:00", "office",
                csv, "text/csv", Map.of()).status()).isEqualTo(400);

        JsonNode history = ho.get("/api/ho/v1/items/LV-1002/prices", "office").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("storeGroup").asString()).isEqualTo("ALL");
        assertThat(history.get(0).get("price").asString()).isEqualTo("1.29");
        assertThat(history.get(1).get("storeGroup").asString()).isEqualTo("RIGA");
        assertThat(history.get(1).get("effectiveFrom").asString()).startsWith("2030-04-01T00:00");

        // the RIGA list is not S001's (group ALL) until head office assigns it
        sync();
        assertThat(sell("LV-1002").get("lines").get(0).get("unitPrice").asString()).isEqualTo("1.29");

        // S001 moves to group RIGA: the RIGA lists published from then on are its prices
        Api.Response moved = ho.put("/api/ho/v1/stores/S001/group", "office", "{\"storeGroup\":\"RIGA\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(ho.get("/api/ho/v1/store-groups", "office").json().get("S001").asString()).isEqualTo("RIGA");
        Api.Response riga = ho.post("/api/ho/v1/price-lists", "office", """
                {"storeGroup":"RIGA","currency":"EUR","effectiveFrom":"2030-03-01T00:00",
                 "lines":[{"sku":"LV-1002","price":"1.19"}]}""");
        assertThat(riga.status()).as(riga.body()).isEqualTo(201);
        sync();
        JsonNode line = sell("LV-1002").get("lines").get(0);
        assertThat(line.get("unitPrice").asString()).isEqualTo("1.19");
        assertThat(line.get("priceVersion").asLong()).isEqualTo(riga.json().get("version").asLong());
        assertThat(ho.put("/api/ho/v1/stores/S001/group", "office", "{\"storeGroup\":\"ALL\"}").status())
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void aStoreKeyReadsTheFeedsOnlyAndNoOneAnonymous() {
        Map<String, String> key = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
        Api.Response items = ho.get("/api/ho/v1/catalog/items?cursor=0&limit=2", null, key);
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        assertThat(items.json().get("items").size()).isEqualTo(2);
        assertThat(items.json().get("more").asBoolean()).isTrue();
        assertThat(ho.get("/api/ho/v1/catalog/prices?currency=EUR", null, key).status()).isEqualTo(200);
        assertThat(ho.get("/api/ho/v1/catalog/prices?currency=EUR&cursor=x", null, key).status()).isEqualTo(400);
        assertThat(ho.get("/api/ho/v1/items/LV-1001", null, key).status()).isEqualTo(403);
        assertThat(ho.post("/api/ho/v1/price-lists", null, "{}", key).status()).isEqualTo(403);
        assertThat(ho.get("/api/ho/v1/catalog/items", null).status()).isEqualTo(401);
        assertThat(ho.get("/api/ho/v1/items", "clerk").status()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void anItemsShortLabelSetAtHeadOfficeShowsAtTheStoreAfterAPullAndATooLongOneIsRefused() {
        Api.Response set = ho.put("/api/ho/v1/items/LV-1004/short-name", "office", "{\"shortName\":\"  Āboli Antonovka \"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("shortName").asString()).as("trimmed").isEqualTo("Āboli Antonovka");

        // 19 characters: refused in the caller's language, nothing changed
        Api.Response tooLong = ho.put("/api/ho/v1/items/LV-1004/short-name", "office",
                "{\"shortName\":\"Āboli Antonovka 1kg\"}", LV);
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.json().get("type").asString()).endsWith("short-name-too-long");
        assertThat(tooLong.json().get("title").asString()).isEqualTo("Īsais nosaukums par garu");
        assertThat(tooLong.json().get("detail").asString()).contains("Āboli Antonovka 1kg", "19", "18");
        assertThat(ho.get("/api/ho/v1/items/LV-1004", "office").json().get("shortName").asString())
                .isEqualTo("Āboli Antonovka");
        // the same on a new item: nothing written
        Api.Response created = ho.post("/api/ho/v1/items", "office", """
                {"sku":"HO-2002","barcodes":["4750009000032"],"names":{"en":"Garden chair"},"department":"HOME",
                 "taxCategories":{"LV":"STANDARD"},"shortName":"Garden chair, folding"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(422);
        assertThat(created.json().get("errors").get(0).get("field").asString()).isEqualTo("shortName");
        assertThat(ho.get("/api/ho/v1/items/HO-2002", "office").status()).isEqualTo(404);

        sync();
        JsonNode item = shop.get("/api/v1/items/LV-1004", "clerk").json();
        assertThat(item.get("shortName").asString()).isEqualTo("Āboli Antonovka");
        assertThat(item.get("name").asString()).isEqualTo("Svaigi āboli “Antonovka” 1 kg");
        assertThat(shop.get("/api/v1/items/LV-1003", "clerk").json().get("shortName").isNull())
                .as("an item without one").isTrue();
        // the till's key shows the short label; the sale (and so its receipt) keeps the full name
        assertThat(shop.get("/sale", "clerk").body()).containsPattern("data-sku=\"LV-1004\"[^>]*>Āboli Antonovka</button>");
        assertThat(sell("LV-1004").get("lines").get(0).get("name").asString()).isEqualTo("Svaigi āboli “Antonovka” 1 kg");
    }

    @Test
    @Order(9)
    void aStoreMovedToAnotherGroupGetsThatGroupsCurrentListsAndNoLongerTheOldGroupsChanges() {
        Map<String, String> key = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
        move("NORTH");
        long north = priceList("NORTH", "2030-01-01T00:00", "LV-1003", "1.59");
        sync();
        assertThat(sell("LV-1003").get("lines").get(0).get("priceVersion").asLong()).isEqualTo(north);
        // NORTH schedules a change for 23:15 (pulled by S001); SOUTH's list is published before the move
        priceList("NORTH", "2030-03-08T23:15", "LV-1003", "1.69");
        long south = priceList("SOUTH", "2030-01-01T00:00", "LV-1003", "1.39");
        sync();
        assertThat(sell("LV-1003").get("lines").get(0).get("unitPrice").asString()).as("not its group yet")
                .isEqualTo("1.59");

        move("SOUTH");
        priceList("NORTH", "2030-01-02T00:00", "LV-1003", "1.79"); // the old group's change after the move
        sync();
        JsonNode line = sell("LV-1003").get("lines").get(0);
        assertThat(line.get("unitPrice").asString()).as("SOUTH's list, published before the move").isEqualTo("1.39");
        assertThat(line.get("priceVersion").asLong()).isEqualTo(south);
        // at 23:15 NORTH's scheduled change (pulled before the move) does not apply, nor after another pull
        STORE_CLOCK.set(Instant.parse("2030-03-08T21:15:01Z")); // 23:15:01 in Riga
        try {
            assertThat(sell("LV-1003").get("lines").get(0).get("unitPrice").asString()).isEqualTo("1.39");
            sync();
            assertThat(sell("LV-1003").get("lines").get(0).get("unitPrice").asString()).isEqualTo("1.39");
            assertThat(shop.get("/api/v1/items/LV-1001", "clerk").json().get("price").asString())
                    .as("an item SOUTH does not price keeps its seed price").isEqualTo("1.89");
        } finally {
            STORE_CLOCK.set(Instant.parse("2030-03-08T21:00:00Z"));
        }

        // the feed: a cursor from before the move starts over once (all of SOUTH's lines), the next does not
        JsonNode restart = ho.get("/api/ho/v1/catalog/prices?currency=EUR&cursor=0", null, key).json();
        assertThat(restart.get("reset").asBoolean()).isTrue();
        assertThat(restart.get("storeGroup").asString()).isEqualTo("SOUTH");
        assertThat(restart.get("prices").valueStream().map(p -> p.get("version").asLong()).toList())
                .containsExactly(south);
        String cursor = restart.get("cursor").asString();
        JsonNode after = ho.get("/api/ho/v1/catalog/prices?currency=EUR&cursor=" + cursor, null, key).json();
        assertThat(after.get("reset").asBoolean()).isFalse();
        assertThat(after.get("prices").size()).isZero();
        move("SOUTH"); // the same group again is no move
        assertThat(ho.get("/api/ho/v1/catalog/prices?currency=EUR&cursor=" + cursor, null, key).json()
                .get("reset").asBoolean()).isFalse();

        move("ALL"); // back: the chain's lists again
        sync();
        assertThat(sell("LV-1003").get("lines").get(0).get("unitPrice").asString()).isEqualTo("1.49");
    }

    @Test
    @Order(10)
    void aPriceChangeScheduledForALocalTimeTakesEffectAtItsTimeAlsoWithHeadOfficeGone() {
        Api.Response list = ho.post("/api/ho/v1/price-lists", "office", """
                {"currency":"EUR","effectiveFrom":"2030-03-08T23:30","lines":[{"sku":"LV-1001","price":"2.49"}]}""");
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        long version = list.json().get("version").asLong();
        sync();
        assertThat(sell("LV-1001").get("lines").get(0).get("unitPrice").asString()).as("not yet").isEqualTo("1.89");

        HeadOfficeNodes.stop(headOffice); // head office goes away before the change's time
        headOffice = null;
        STORE_CLOCK.set(Instant.parse("2030-03-08T21:29:59Z")); // 23:29:59 in Riga
        assertThat(sell("LV-1001").get("lines").get(0).get("unitPrice").asString()).isEqualTo("1.89");
        STORE_CLOCK.set(Instant.parse("2030-03-08T21:30:00Z")); // 23:30 in Riga
        JsonNode line = sell("LV-1001").get("lines").get(0);
        assertThat(line.get("unitPrice").asString()).isEqualTo("2.49");
        assertThat(line.get("priceVersion").asLong()).isEqualTo(version);
        assertThat(shop.get("/api/v1/items/LV-1001", "clerk").json().get("price").asString()).isEqualTo("2.49");
    }

    @Test
    @Order(5)
    void theCostOnAPriceListIsTheFloorOfAClerksDiscountAtTheStore() {
        Api.Response bad = ho.post("/api/ho/v1/price-lists/import?currency=EUR&effectiveFrom=2030-01-02T00:00",
                "office", "sku;price;cost\nEL-2005;34.99;33.00\nEL-2004;10.00;-1\nEL-2003;10.00;abc\n", "text/csv", LV);
        assertThat(bad.status()).as(bad.body()).isEqualTo(201);
        assertThat(bad.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(bad.json().get("rejected").valueStream().map(r -> r.get("reason").asString()).toList())
                .containsExactly("price.rejected.bad-cost", "price.rejected.bad-cost");
        assertThat(bad.json().get("rejected").get(0).get("message").asString()).contains("EL-2004", "pašizmaksa");
        JsonNode history = ho.get("/api/ho/v1/items/EL-2005/prices", "office").json();
        assertThat(history.valueStream().filter(h -> "33.00".equals(h.path("cost").asString(""))).count()).isEqualTo(1);
        sync();

        // 10 % is within a clerk's limit, but 31.49 is below the cost of 33.00: the manager approves
        String tenPercent = """
                {"drawerId":"D1","lines":[{"sku":"EL-2005","quantity":1,"discount":{"percent":"10","reason":"DAMAGED"}}],
                 "tenders":[{"type":"CASH","amount":"50.00"}]%s}""";
        Api.Response refused = shop.post("/api/v1/sales", "clerk", tenPercent.formatted(""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("discount-needs-approval");
        assertThat(refused.json().get("needs").toString()).contains("31.49", "33.00");
        Api.Response approved = shop.post("/api/v1/sales", "clerk",
                tenPercent.formatted(",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        assertThat(approved.json().get("lines").get(0).get("net").asString()).isEqualTo("31.49");
        // 5 % leaves 33.24, above the cost: no approval
        Api.Response fivePercent = shop.post("/api/v1/sales", "clerk", tenPercent.formatted("").replace("\"10\"", "\"5\""));
        assertThat(fivePercent.status()).as(fivePercent.body()).isEqualTo(201);
        assertThat(fivePercent.json().get("lines").get(0).get("net").asString()).isEqualTo("33.24");
        // an item without a cost keeps the percentage floor (50 %): 10 % off needs no manager
        Api.Response noCost = shop.post("/api/v1/sales", "clerk", tenPercent.formatted("").replace("EL-2005", "EL-2001"));
        assertThat(noCost.status()).as(noCost.body()).isEqualTo(201);
    }

    private static void move(String group) {
        Api.Response moved = ho.put("/api/ho/v1/stores/S001/group", "office", "{\"storeGroup\":\"" + group + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("storeGroup").asString()).isEqualTo(group);
    }

    /** A price list of one line; its version. */
    private static long priceList(String group, String from, String sku, String price) {
        Api.Response list = ho.post("/api/ho/v1/price-lists", "office", """
                {"storeGroup":"%s","currency":"EUR","effectiveFrom":"%s","lines":[{"sku":"%s","price":"%s"}]}"""
                .formatted(group, from, sku, price));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        return list.json().get("version").asLong();
    }

    private static JsonNode sell(String code) {
        Api.Response sale = shop.post("/api/v1/sales", "clerk", saleOf(code));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.json();
    }

    private static String saleOf(String code) {
        return """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":1}],"tenders":[{"type":"CASH","amount":"50.00"}]}"""
                .formatted(code);
    }

    /** S001 pushes everything it has and pulls head office's changes now. */
    private static void sync() {
        Api.Response run = shop.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("lastError").isNull()).as(run.body()).isTrue();
    }
}
