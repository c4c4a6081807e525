package io.storedesk.pos.reliability;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeRelay;
import io.storedesk.pos.support.Postgres;
import io.storedesk.pos.support.Race;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 26 "Done when": head office runs the assortment of a chain. Head office on a real PostgreSQL (embedded
 * PostgreSQL 14) and stores S001 and S002 on their own H2 files, each a real process, the stores reaching head
 * office through a gateway that stays at one address while head office stops and starts; everything over HTTP.
 * One walk through, reusing the processes:
 * <ol>
 * <li>an item added at head office sells at S001 after the next pull, at head office's price;</li>
 * <li>stock moves with goods received, a sale and a restocked return at S001, and S002's desk shows S001's
 * quantity under "in other stores";</li>
 * <li>a gift card sold at S001's till (activated once at head office) is half spent at S002 and partly at S001
 * (each request sent twice with one Idempotency-Key), refunded by a return at S001; S001 is killed after head office took a redemption and
 * before its sale committed, and the compensation written before the redemption gives the money back after the
 * restart; the retried request then sells once;</li>
 * <li>a price change scheduled at head office a few seconds ahead (store time) is pulled, head office is stopped,
 * and the change takes effect at both stores at its time;</li>
 * <li>during the outage two tills of S002 spend the card at once within the store's offline allowance (retried
 * with its key), and after head office is back the redemptions are applied once, the allowance is free again,
 * and the card's balance is the same at head office and at both desks.</li>
 * </ol>
 */
class HeadOfficeAssortmentDoneWhenIntegrationTests {

    static final String CARD = "7001000000002626";
    static final String LAMP = "4750009000018";
    static final ZoneId STORE_ZONE = ZoneId.of("Europe/Riga");
    static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void headOfficeRunsItemsPricesStockAndGiftCardsAcrossStoresThroughAnOutageAndACrash() throws Exception {
        long started = System.nanoTime();
        Path dir = Path.of("target", "test-data", "ho-done-when-" + UUID.randomUUID());
        String jdbc = Postgres.newDatabase("hodone");
        try (HeadOfficeRelay gateway = new HeadOfficeRelay();
                ServiceProcess office = new ServiceProcess(dir.resolve("ho"), List.of(
                        "--spring.profiles.active=head-office", "--spring.datasource.url=" + jdbc,
                        "--spring.datasource.username=postgres", "--spring.datasource.password="));
                ServiceProcess riga = new ServiceProcess(dir.resolve("s001"), store("S001", gateway, "S002"));
                ServiceProcess brno = new ServiceProcess(dir.resolve("s002"), store("S002", gateway, "S001"))) {
            office.start();
            gateway.target(office.port());
            ServiceProcess.startTogether(riga, brno);
            Api ho = new Api(office.port());
            Api a = new Api(riga.port());
            Api b = new Api(brno.port());
            a.ensureOpen("D1");
            b.ensureOpen("D1");
            b.ensureOpen("D2");

            // 1. An item added at head office sells at S001 after the next pull.
            Api.Response created = ho.post("/api/ho/v1/items", "office", """
                    {"sku":"HO-DW1","barcodes":["%s"],"names":{"en":"Desk lamp","lv":"Galda lampa"},
                     "department":"HOME","taxCategories":{"LV":"STANDARD","CZ":"STANDARD"}}""".formatted(LAMP));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Api.Response lampPrice = ho.post("/api/ho/v1/price-lists", "office", """
                    {"storeGroup":"ALL","currency":"EUR","effectiveFrom":"2000-01-01T00:00",
                     "lines":[{"sku":"HO-DW1","price":"7.00"}]}""");
            assertThat(lampPrice.status()).as(lampPrice.body()).isEqualTo(201);
            assertThat(a.get("/api/v1/items/HO-DW1", "clerk").status()).as("not pulled yet").isEqualTo(404);
            pull(a);
            pull(b);
            Api.Response lamp = a.get("/api/v1/items/" + LAMP, "clerk");
            assertThat(lamp.status()).as(lamp.body()).isEqualTo(200);
            assertThat(lamp.text("name")).isEqualTo("Galda lampa");

            // 2. Stock at S001: 10 received, 2 sold (the gift-card sale below), 1 returned to the shelf.
            Api.Response received = a.postIdempotent("/api/v1/stock/receipts", "clerk", "receipt-lamps",
                    "{\"lines\":[{\"barcode\":\"" + LAMP + "\",\"quantity\":10}]}"); // as scanned
            assertThat(received.status()).as(received.body()).isEqualTo(201);

            // 3. A gift card sold at S001's till (sent twice with one key: activated once at head office) ...
            String sellCard = """
                    {"drawerId":"D1","lines":[{"giftCard":{"number":"%s","amount":"50.00","kind":"ACTIVATE"}}],
                     "tenders":[{"type":"CASH","amount":"50.00"}]}""".formatted(CARD);
            Api.Response soldCard = a.postIdempotent("/api/v1/sales", "clerk", "dw-card-s001", sellCard);
            assertThat(soldCard.status()).as(soldCard.body()).isEqualTo(201);
            assertThat(a.postIdempotent("/api/v1/sales", "clerk", "dw-card-s001", sellCard).text("receiptNumber"))
                    .isEqualTo(soldCard.text("receiptNumber"));
            assertThat(ops(jdbc, "ACTIVATE")).isEqualTo(1);
            assertThat(ho.get("/api/ho/v1/gift-cards/" + CARD, "office").text("balance")).isEqualTo("50.00");
            // ... half spent at S002 (sent twice with one key) ...
            String halfAtBrno = """
                    {"drawerId":"D1","lines":[{"sku":"LV-1019","quantity":2}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"25.00"},{"type":"CASH","amount":"20.00"}]}"""
                    .formatted(CARD);
            Api.Response half = b.postIdempotent("/api/v1/sales", "clerk", "dw-half-s002", halfAtBrno);
            assertThat(half.status()).as(half.body()).isEqualTo(201);
            assertThat(giftTender(half).get("balanceAfter").asString()).isEqualTo("25.00");
            assertThat(b.postIdempotent("/api/v1/sales", "clerk", "dw-half-s002", halfAtBrno).text("receiptNumber"))
                    .isEqualTo(half.text("receiptNumber"));
            // ... part spent at S001 on two lamps (14.00: 10.00 by the card, the rest in cash), sent twice ...
            String partAtRiga = """
                    {"drawerId":"D1","lines":[{"sku":"HO-DW1","quantity":2}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"10.00"},{"type":"CASH","amount":"10.00"}]}"""
                    .formatted(CARD);
            Api.Response part = a.postIdempotent("/api/v1/sales", "clerk", "dw-part-s001", partAtRiga);
            assertThat(part.status()).as(part.body()).isEqualTo(201);
            assertThat(part.json().get("lines").get(0).get("unitPrice").asString()).as("head office's price")
                    .isEqualTo("7.00");
            assertThat(part.json().get("lines").get(0).get("priceVersion").asLong())
                    .isEqualTo(lampPrice.json().get("version").asLong());
            assertThat(giftTender(part).get("balanceAfter").asString()).isEqualTo("15.00");
            assertThat(a.postIdempotent("/api/v1/sales", "clerk", "dw-part-s001", partAtRiga).text("receiptNumber"))
                    .isEqualTo(part.text("receiptNumber"));
            // ... and one lamp returned at S001 (restocked): 7.00 back to the card, through the outbox
            String returnBody = """
                    {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"WRONG_ITEM",
                     "restock":true}]}""".formatted(part.text("receiptNumber"));
            Api.Response returned = a.postIdempotent("/api/v1/returns", "clerk", "dw-return-s001", returnBody);
            assertThat(returned.status()).as(returned.body()).isEqualTo(201);
            assertThat(returned.json().get("refunds").get(0).get("type").asString()).isEqualTo("GIFT_CARD");
            assertThat(a.postIdempotent("/api/v1/returns", "clerk", "dw-return-s001", returnBody).status())
                    .isIn(200, 201);
            drained(a);
            assertBalanceEverywhere(ho, a, b, "22.00");

            // Stock: S002's desk shows S001's 9 lamps (10 - 2 + 1), as head office holds them.
            drained(b);
            Api.Response others = b.get("/api/v1/stock/" + LAMP + "/other-stores", "clerk");
            assertThat(others.status()).as(others.body()).isEqualTo(200);
            assertThat(others.json().get("stores").get(0).get("storeId").asString()).isEqualTo("S001");
            assertThat(others.json().get("stores").get(0).get("onHand").asInt()).isEqualTo(9);
            assertThat(a.get("/api/v1/stock/HO-DW1", "clerk").json().get("onHand").asInt()).isEqualTo(9);

            // 3b. S001 dies after head office took 5.00 and before the sale committed: the compensation it wrote
            // before the redemption reaches head office from the restarted process; the same request then sells
            String crashed = """
                    {"drawerId":"D1","lines":[{"sku":"LV-1019","quantity":1}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"5.00"},{"type":"CASH","amount":"20.00"}]}"""
                    .formatted(CARD);
            gateway.withholdNextGiftCardRedeem();
            Api dying = a;
            CompletableFuture<?> cutOff = CompletableFuture.runAsync(() -> {
                try {
                    dying.postIdempotent("/api/v1/sales", "clerk", "dw-crash-s001", crashed);
                } catch (RuntimeException expected) {
                    // the process is killed while the request waits for head office
                }
            });
            assertThat(gateway.awaitRedeemWithheld(Duration.ofSeconds(60))).as("S001 sent its REDEEM").isTrue();
            riga.kill();
            cutOff.join();
            assertThat(ho.get("/api/ho/v1/gift-cards/" + CARD, "office").text("balance"))
                    .as("head office applied the redemption the store never heard of").isEqualTo("17.00");
            riga.start();
            a = new Api(riga.port());
            await().atMost(WAIT).until(() -> "22.00".equals(ho.get("/api/ho/v1/gift-cards/" + CARD, "office")
                    .text("balance")));
            drained(a);
            assertThat(ops(jdbc, "CANCEL")).isEqualTo(1);
            Api.Response retried = a.postIdempotent("/api/v1/sales", "clerk", "dw-crash-s001", crashed);
            assertThat(retried.status()).as(retried.body()).isEqualTo(201);
            assertThat(giftTender(retried).get("balanceAfter").asString()).isEqualTo("17.00");
            assertThat(a.postIdempotent("/api/v1/sales", "clerk", "dw-crash-s001", crashed).text("receiptNumber"))
                    .isEqualTo(retried.text("receiptNumber"));
            assertBalanceEverywhere(ho, a, b, "17.00");

            // 4. A price change a few seconds ahead (store time), pulled, then head office stops before it.
            String sku = "LV-1013";
            String before = quote(a, sku).get("unitPrice").asString();
            LocalDateTime at = LocalDateTime.now(STORE_ZONE).plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            Api.Response change = ho.post("/api/ho/v1/price-lists", "office", """
                    {"storeGroup":"ALL","currency":"EUR","effectiveFrom":"%s","lines":[{"sku":"%s","price":"14.49"}]}"""
                    .formatted(at, sku));
            assertThat(change.status()).as(change.body()).isEqualTo(201);
            long changeVersion = change.json().get("version").asLong();
            pull(a);
            pull(b);
            for (Api store : List.of(a, b)) {
                assertThat(quote(store, sku).get("unitPrice").asString()).as("pulled, not in effect yet").isEqualTo(before);
            }
            assertThat(LocalDateTime.now(STORE_ZONE)).as("the pulls took the change's whole lead").isBefore(at);
            office.close();
            gateway.target(0);
            assertThat(before).isNotEqualTo("14.49");

            // 5. The outage: two tills of S002 spend the card at once within its offline allowance of 10.00.
            List<String> keys = List.of("dw-offline-d1", "dw-offline-d2");
            List<String> bodies = new ArrayList<>();
            for (String drawer : List.of("D1", "D2")) {
                bodies.add("""
                        {"drawerId":"%s","lines":[{"sku":"LV-1019","quantity":1}],
                         "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"6.00"},{"type":"CASH","amount":"20.00"}]}"""
                        .formatted(drawer, CARD));
            }
            Api brnoTills = b;
            List<Supplier<Api.Response>> tills = List.of(
                    () -> brnoTills.postIdempotent("/api/v1/sales", "clerk", keys.get(0), bodies.get(0)),
                    () -> brnoTills.postIdempotent("/api/v1/sales", "clerk", keys.get(1), bodies.get(1)));
            List<Api.Response> offline = Race.run(tills);
            BigDecimal spentOffline = BigDecimal.ZERO;
            int soldOffline = 0;
            for (int i = 0; i < offline.size(); i++) {
                Api.Response r = offline.get(i);
                if (r.status() == 201) {
                    soldOffline++;
                    spentOffline = spentOffline.add(new BigDecimal(giftTender(r).get("amount").asString()));
                    Api.Response again = b.postIdempotent("/api/v1/sales", "clerk", keys.get(i), bodies.get(i));
                    assertThat(again.text("receiptNumber")).as("a retry of an offline sale").isEqualTo(r.text("receiptNumber"));
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(503);
                    assertThat(r.text("type")).endsWith("/gift-card-offline");
                }
            }
            assertThat(soldOffline).isPositive();
            assertThat(spentOffline).as("one allowance for both tills").isLessThanOrEqualTo(new BigDecimal("10.00"));

            // The price change takes effect at its time at both stores, head office away.
            await().atMost(WAIT).until(() -> !LocalDateTime.now(STORE_ZONE).isBefore(at));
            for (Api store : List.of(a, b)) {
                assertThat(quote(store, sku).get("unitPrice").asString()).isEqualTo("14.49");
                Api.Response sold = store.post("/api/v1/sales", "clerk", """
                        {"drawerId":"D1","lines":[{"sku":"%s","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]}"""
                        .formatted(sku));
                assertThat(sold.status()).as(sold.body()).isEqualTo(201);
                JsonNode line = sold.json().get("lines").get(0);
                assertThat(line.get("unitPrice").asString()).isEqualTo("14.49");
                assertThat(line.get("priceVersion").asLong()).as("the sale names the price version").isEqualTo(changeVersion);
            }

            // Head office back: the offline redemptions are applied once, the card's balance is right everywhere.
            office.start();
            gateway.target(office.port());
            Api hoAgain = new Api(office.port());
            drained(a);
            drained(b);
            String afterOutage = new BigDecimal("17.00").subtract(spentOffline).setScale(2).toPlainString();
            assertBalanceEverywhere(hoAgain, a, b, afterOutage);
            assertThat(offlineRedeems(jdbc)).isEqualTo(soldOffline);

            // Reconciled: S002's allowance is free again (head office applied its redemptions).
            gateway.target(0);
            Api.Response freshAllowance = b.postIdempotent("/api/v1/sales", "clerk", "dw-offline-again", """
                    {"drawerId":"D1","lines":[{"sku":"LV-1019","quantity":1}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"10.00"},{"type":"CASH","amount":"10.00"}]}"""
                    .formatted(CARD));
            assertThat(freshAllowance.status()).as(freshAllowance.body()).isEqualTo(201);
            assertThat(giftTender(freshAllowance).get("amount").asString()).isEqualTo("10.00");
            gateway.target(office.port());
            drained(b);
            assertBalanceEverywhere(hoAgain, a, b, new BigDecimal(afterOutage).subtract(new BigDecimal("10.00"))
                    .setScale(2).toPlainString());

            // Exactly once at head office: every operation on the card, by kind.
            Map<String, String> byKind = opsByKind(jdbc);
            assertThat(byKind).containsEntry("ACTIVATE", "1 50.00").containsEntry("REFUND", "1 7.00")
                    .containsEntry("CANCEL", "1 5.00");
            // REDEEM: 25.00 (S002), 10.00 (S001), 5.00 twice (the crashed attempt, cancelled, and its retry),
            // the offline ones and the last 10.00
            assertThat(byKind.get("REDEEM")).isEqualTo((4 + soldOffline + 1) + " "
                    + new BigDecimal("55.00").add(spentOffline).setScale(2).toPlainString());
            System.out.printf("done-when walk-through: %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    private static List<String> store(String id, HeadOfficeRelay gateway, String nearby) {
        return List.of("--pos.store.id=" + id, "--pos.sync.head-office.url=" + gateway.url(),
                "--pos.sync.head-office.key=demo-key-" + id, "--pos.sync.push-interval=300ms",
                "--pos.sync.pull-interval=1h", "--pos.sync.max-backoff=2s", "--pos.sync.request-timeout=60s",
                "--pos.gift-cards.offline-allowance=10.00", "--pos.stock.nearby-stores=" + nearby);
    }

    private static void pull(Api store) {
        Api.Response run = store.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("lastError").isNull()).as(run.body()).isTrue();
    }

    private static void drained(Api store) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode s = store.get("/api/v1/sync/status", "manager").json();
            return s.get("pendingEvents").asInt() == 0 && s.get("headOfficeReachable").asBoolean();
        });
    }

    private static JsonNode quote(Api store, String sku) {
        Api.Response q = store.post("/api/v1/sales/quote", "clerk", "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        return q.json().get("lines").get(0);
    }

    private static JsonNode giftTender(Api.Response sale) {
        assertThat(sale.body()).doesNotContain(CARD);
        for (JsonNode t : sale.json().get("tenders")) {
            if (t.get("type").asString().equals("GIFT_CARD")) {
                return t;
            }
        }
        throw new AssertionError("no gift-card tender in " + sale.body());
    }

    /** The card's balance at head office and at both stores' desks (asked online), each the same. */
    private static void assertBalanceEverywhere(Api ho, Api a, Api b, String balance) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ho.get("/api/ho/v1/gift-cards/" + CARD, "office").text("balance")).isEqualTo(balance));
        for (Api store : List.of(a, b)) {
            Api.Response atDesk = store.get("/api/v1/gift-cards/" + CARD, "clerk");
            assertThat(atDesk.status()).as(atDesk.body()).isEqualTo(200);
            assertThat(atDesk.text("balance")).isEqualTo(balance);
            assertThat(atDesk.body()).doesNotContain(CARD);
        }
    }

    private static long ops(String jdbc, String kind) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ? AND kind = ?")) {
            s.setString(1, CARD);
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int offlineRedeems(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM ho_gift_card_op WHERE number = ? AND kind = 'REDEEM' AND offline")) {
            s.setString(1, CARD);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** kind -> "count sum" of the card's operations at head office. */
    private static Map<String, String> opsByKind(String jdbc) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                PreparedStatement s = c.prepareStatement(
                        "SELECT kind, COUNT(*), SUM(amount) FROM ho_gift_card_op WHERE number = ? GROUP BY kind")) {
            s.setString(1, CARD);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2) + " " + rs.getBigDecimal(3).setScale(2).toPlainString());
                }
            }
        }
        return out;
    }
}
