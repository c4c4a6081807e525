package io.storedesk.pos.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's sync against a small real head office over loopback HTTP ({@link FakeHeadOffice}):
 * ordered batches with the store's headers; a 500, an answer too late and a refused connection
 * leave the events pending with a growing back-off while the store keeps selling; recovery drains
 * everything in order; pulled promotion sets and loyalty snapshots take effect without counting
 * the store's own points twice. Own service and data directory; sales at D1; the business day is
 * closed by the last test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/sync-ho-${random.uuid}", "pos.sync.push-interval=200ms",
                "pos.sync.pull-interval=1h", "pos.sync.max-backoff=4s", "pos.sync.connect-timeout=5s",
                "pos.sync.request-timeout=5s", "pos.sync.head-office.key=test-key-S001"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncHeadOfficeIntegrationTests {

    static final FakeHeadOffice HO = FakeHeadOffice.start();
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void headOffice(DynamicPropertyRegistry registry) {
        registry.add("pos.sync.head-office.url", HO::url);
    }

    @AfterAll
    static void stopHeadOffice() {
        HO.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoyaltyAccounts accounts;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        HO.mode = FakeHeadOffice.Mode.OK;
        if (api.get("/api/v1/drawers/D1", "clerk").status() != 200) {
            Api.Response opened = api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2}}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        }
    }

    private JsonNode status() {
        Api.Response r = api.get("/api/v1/sync/status", "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode sale(String sku, int quantity, String cash, String card) {
        long started = System.nanoTime();
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1",%s"lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"%s"}]}"""
                .formatted(card == null ? "" : "\"loyaltyCard\":\"" + card + "\",", sku, quantity, cash));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a sale never waits for head office")
                .isLessThan(Duration.ofSeconds(5));
        return r.json();
    }

    private Set<String> receiptsAtHeadOffice() {
        Set<String> receipts = new HashSet<>();
        HO.acceptedEvents().stream().filter(e -> "SALE_COMPLETED".equals(e.get("type").asString()))
                .forEach(e -> receipts.add(e.get("payload").get("receiptNumber").asString()));
        return receipts;
    }

    private void awaitDrained() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(status().get("pendingEvents").asLong()).isZero());
    }

    @Test
    @Order(1)
    void pushesTheOutboxInOrderWithTheStoreHeaders() {
        List<String> receipts = List.of(sale("LV-1001", 1, "2.00", null).get("receiptNumber").asString(),
                sale("LV-1002", 2, "3.00", null).get("receiptNumber").asString(),
                sale("LV-1008", 1, "3.00", null).get("receiptNumber").asString());

        await().atMost(WAIT).until(() -> receiptsAtHeadOffice().containsAll(receipts));
        awaitDrained();

        FakeHeadOffice.Batch batch = HO.batches.get(0);
        assertThat(batch.path()).isEqualTo("/api/ho/v1/stores/S001/events");
        assertThat(batch.headers().get("X-Store-Id")).isEqualTo("S001");
        assertThat(batch.headers().get("X-Store-Key")).isEqualTo("test-key-S001");
        assertThat(batch.headers().get("Content-Type")).startsWith("application/json");
        List<Long> sequences = HO.acceptedEvents().stream().map(e -> e.get("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        JsonNode first = HO.acceptedEvents().get(0);
        assertThat(UUID.fromString(first.get("eventId").asString())).isNotNull();
        assertThat(Instant.parse(first.get("occurredAt").asString())).isNotNull();
        assertThat(first.get("payload").get("storeId").asString()).isEqualTo("S001");
        JsonNode s = status();
        assertThat(s.get("enabled").asBoolean()).isTrue();
        assertThat(s.get("headOfficeReachable").asBoolean()).isTrue();
        assertThat(s.get("lastError").isNull()).isTrue();
        assertThat(s.get("lastPushAt").isNull()).isFalse();
        assertThat(s.get("oldestPendingAt").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void headOfficeFailingLeavesEventsPendingWithGrowingBackoffWhileSalesGoOnThenAllDrainInOrder()
            throws Exception {
        // 1. head office answers 500
        HO.mode = FakeHeadOffice.Mode.FAIL_500;
        int failedBefore = HO.failedAttempts().size();
        sale("LV-1003", 1, "2.00", null);
        await().atMost(WAIT).until(() -> HO.failedAttempts().size() >= failedBefore + 3);
        List<Instant> attempts = HO.failedAttempts().stream().skip(failedBefore).map(FakeHeadOffice.Batch::at).toList();
        Duration first = Duration.between(attempts.get(0), attempts.get(1));
        Duration second = Duration.between(attempts.get(1), attempts.get(2));
        assertThat(first).as("1 s after the first failure").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(second).as("2 s after the second").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        JsonNode s = status();
        assertThat(s.get("headOfficeReachable").asBoolean()).isFalse();
        assertThat(s.get("lastError").asString()).contains("500");
        assertThat(s.get("pendingEvents").asLong()).isPositive();
        assertThat(s.get("oldestPendingAt").isNull()).isFalse();
        assertThat(Instant.parse(s.get("nextAttemptAt").asString())).isAfter(Instant.now().minusSeconds(1));
        sale("LV-1004", 1, "2.00", null); // the store keeps selling

        // 2. head office answers too late
        HO.mode = FakeHeadOffice.Mode.SLOW;
        sale("LV-1005", 1, "1.00", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status().get("lastError").asString())
                .contains("did not answer within"));
        assertThat(status().get("pendingEvents").asLong()).isPositive();
        assertThat(status().get("headOfficeReachable").asBoolean()).isFalse();

        // 3. nobody listens
        HO.stop();
        sale("LV-1006", 1, "2.00", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status().get("lastError").asString())
                .contains("connection refused"));
        assertThat(status().get("pendingEvents").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(status().get("headOfficeReachable").asBoolean()).isFalse();
        String lastSale = sale("LV-1010", 3, "3.00", null).get("receiptNumber").asString();

        // 4. head office is back: everything drains, in order, nothing lost
        HO.mode = FakeHeadOffice.Mode.OK;
        HO.restart();
        await().atMost(WAIT).until(() -> receiptsAtHeadOffice().contains(lastSale));
        awaitDrained();
        JsonNode s2 = status();
        assertThat(s2.get("headOfficeReachable").asBoolean()).isTrue();
        assertThat(s2.get("lastError").isNull()).isTrue();

        Map<String, Long> firstSeen = new LinkedHashMap<>();
        HO.batches.stream().filter(b -> b.accepted() || b.events().isEmpty() == false)
                .filter(b -> !HO.failedAttempts().contains(b))
                .forEach(b -> b.events().forEach(e -> firstSeen.putIfAbsent(e.get("eventId").asString(),
                        e.get("sequence").asLong())));
        List<Map<String, Object>> outbox = jdbc.sql("SELECT id, event_id FROM sync_outbox ORDER BY id")
                .query((rs, n) -> Map.<String, Object>of("id", rs.getLong(1), "eventId", rs.getObject(2).toString()))
                .list();
        assertThat(firstSeen.keySet()).containsAll(outbox.stream().map(r -> (String) r.get("eventId")).toList());
        assertThat(new ArrayList<>(firstSeen.values())).as("first arrival of each event in sequence order").isSorted();
        for (Map<String, Object> row : outbox) {
            assertThat(firstSeen.get((String) row.get("eventId"))).isEqualTo(row.get("id"));
        }
    }

    @Test
    @Order(3)
    void aPulledPromotionSetPricesTheNextQuote() {
        // head office's first set is version 1, the number the demo seed already holds here
        assertThat(api.get("/api/v1/promotions", "clerk").text("source")).startsWith("seed:");
        HO.promotionVersion = 1;
        HO.promotionSet = """
                {"version":1,"promotions":[{"code":"HO-KAFIJA-1","description":"Kafija -1.00","kind":"AMOUNT_OFF",
                 "scope":"ITEM","targets":["LV-1011"],"amount":"1.00"}]}""";
        JsonNode first = api.post("/api/v1/sync/run", "manager", "").json();
        assertThat(first.get("lastPullVersion").asLong()).isEqualTo(1);
        Api.Response installed = api.get("/api/v1/promotions", "clerk");
        assertThat(installed.text("source")).isEqualTo("head-office");
        assertThat(installed.json().get("version").asLong()).as("the next local number").isEqualTo(2);
        assertThat(api.post("/api/v1/sales/quote", "clerk", "{\"lines\":[{\"sku\":\"LV-1011\",\"quantity\":1}]}")
                .text("discountTotal")).isEqualTo("1.00");

        // a set the store cannot read is not installed and shows as the sync's error
        HO.promotionVersion = 4;
        HO.promotionSet = """
                {"version":4,"promotions":[{"code":"HO-BAD","kind":"HALF_PRICE","scope":"ITEM","targets":["LV-1010"]}]}""";
        JsonNode refused = api.post("/api/v1/sync/run", "manager", "").json();
        assertThat(refused.get("lastError").asString()).contains("HO-BAD");
        assertThat(refused.get("lastPullVersion").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/promotions", "clerk").json().get("version").asLong()).isEqualTo(2);

        HO.promotionVersion = 5;
        HO.promotionSet = """
                {"version":5,"publishedAt":"2026-11-24T08:00:00Z","promotions":[
                  {"code":"HO-UDENS50","description":"Head office: -50 % Mangaļi","kind":"PERCENT_OFF","scope":"ITEM",
                   "targets":["LV-1010"],"percent":"50","priority":50}]}""";

        Api.Response run = api.post("/api/v1/sync/run", "manager", "");

        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("lastPullVersion").asLong()).isEqualTo(5);
        assertThat(run.json().get("lastError").isNull()).isTrue();
        assertThat(run.json().get("lastPullAt").isNull()).isFalse();
        Api.Response promotions = api.get("/api/v1/promotions", "clerk");
        assertThat(promotions.json().get("version").asLong()).isEqualTo(5);
        assertThat(promotions.text("source")).isEqualTo("head-office");
        Api.Response quote = api.post("/api/v1/sales/quote", "clerk", "{\"lines\":[{\"sku\":\"LV-1010\",\"quantity\":2}]}");
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.text("discountTotal")).isEqualTo("0.99");
        assertThat(quote.text("total")).isEqualTo("0.99");
        assertThat(quote.json().get("promotions").get(0).get("code").asString()).isEqualTo("HO-UDENS50");
        assertThat(HO.gets).contains("/api/ho/v1/promotions?since=0");

        // the same set again: nothing new (204), still version 5
        assertThat(api.post("/api/v1/sync/run", "admin", "").json().get("lastPullVersion").asLong()).isEqualTo(5);
        assertThat(HO.gets).contains("/api/ho/v1/promotions?since=5");
    }

    private static JsonNode account(String card, String holder, long balance, long version) {
        return FakeHeadOffice.JSON.readTree("""
                {"card":"%s","customerId":null,"holderName":"%s","tier":"BASIC","balance":%d,"version":%d,
                 "asOf":"2026-11-24T09:00:00Z"}""".formatted(card, holder, balance, version));
    }

    private long balance(String card) {
        Api.Response r = api.get("/api/v1/loyalty/" + card, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    @Test
    @Order(4)
    void pulledLoyaltySnapshotsReplaceTheBalanceWithoutCountingTheStoresPointsTwice() {
        String card = "7900000000011";
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, null, "Anna Ozola", "BASIC", 100,
                OffsetDateTime.parse("2026-11-23T10:00:00Z")));
        assertThat(sale("LV-1009", 1, "20.00", card).get("pointsEarned").asInt()).isEqualTo(17);
        assertThat(balance(card)).isEqualTo(117);
        awaitDrained(); // head office acknowledged the EARN entry

        // head office now counts the store's 17 points; another card is new to this store
        HO.accounts.put(card, account(card, "Anna Ozola", 117, 10));
        HO.accounts.put("7900000000028", account("7900000000028", "Pēteris Liepa", 500, 11));
        JsonNode run = api.post("/api/v1/sync/run", "manager", "").json();

        assertThat(run.get("loyaltyCursor").asString()).isEqualTo("f.11");
        assertThat(balance(card)).as("the store's 17 points are in the snapshot now, not on top").isEqualTo(117);
        assertThat(balance("7900000000028")).isEqualTo(500);
        assertThat(api.get("/api/v1/loyalty/7900000000028", "clerk").text("holderName")).isEqualTo("Pēteris Liepa");

        // points earned again; head office's delta does not bring the card (its version is old),
        // so the store fetches it on its own; another store earned 1000 meanwhile
        assertThat(sale("LV-1009", 1, "20.00", card).get("pointsEarned").asInt()).isEqualTo(17);
        assertThat(balance(card)).isEqualTo(134);
        awaitDrained();
        HO.singleAccounts.put(card, account(card, "Anna Ozola", 1134, 12));
        api.post("/api/v1/sync/run", "manager", "");

        assertThat(HO.gets).contains("/api/ho/v1/loyalty/accounts/" + card);
        assertThat(balance(card)).isEqualTo(1134);
        assertThat(api.get("/api/v1/loyalty/" + card, "clerk").json().get("pendingRedemptions").asLong()).isZero();

        // offline: points redeemed while head office fails stay pending until it acknowledges them
        HO.mode = FakeHeadOffice.Mode.FAIL_500;
        Api.Response paid = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":100},{"type":"CASH","amount":"1.00"}]}""".formatted(card));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        long afterRedeem = balance(card);
        assertThat(afterRedeem).isEqualTo(1134 - 100 + paid.json().get("pointsEarned").asLong());
        assertThat(api.get("/api/v1/loyalty/" + card, "clerk").json().get("pendingRedemptions").asLong()).isEqualTo(100);
        HO.mode = FakeHeadOffice.Mode.OK;
        awaitDrained();
        assertThat(api.get("/api/v1/loyalty/" + card, "clerk").json().get("pendingRedemptions").asLong()).isZero();
        assertThat(balance(card)).as("an acknowledgement alone changes no balance").isEqualTo(afterRedeem);
    }

    @Test
    @Order(4)
    void aCardFromElsewhereIsLookedUpOnlineSoldWithAndAnOlderStateFromTheFeedIsIgnored() {
        String card = "7900000000035";
        // offline: head office cannot be reached, the store knows nothing of the card
        HO.lookupsFail = true;
        HO.singleAccounts.put(card, account(card, "Marta Kalna", 800, 1000));
        Api.Response offline;
        try {
            offline = api.get("/api/v1/loyalty/" + card, "clerk");
        } finally {
            HO.lookupsFail = false;
        }
        assertThat(offline.status()).isEqualTo(404);
        assertThat(offline.contentType()).startsWith("application/problem+json");

        // online: head office's account is looked up, kept, and the card sells here
        Api.Response online = api.get("/api/v1/loyalty/" + card, "clerk");
        assertThat(online.status()).as(online.body()).isEqualTo(200);
        assertThat(online.json().get("balance").asLong()).isEqualTo(800);
        assertThat(online.text("holderName")).isEqualTo("Marta Kalna");
        assertThat(HO.gets).contains("/api/ho/v1/loyalty/accounts/" + card);
        HO.singleAccounts.put(card, account(card, "Marta Kalna", 817, 1001)); // head office once it has the sale's points
        assertThat(sale("LV-1009", 1, "20.00", card).get("pointsEarned").asInt()).isEqualTo(17);
        assertThat(balance(card)).isEqualTo(817);
        awaitDrained();
        assertThat(HO.acceptedEvents()).anyMatch(e -> "LOYALTY_ENTRY".equals(e.get("type").asString())
                && card.equals(e.get("payload").get("card").asString()));

        // the feed brings an older state of the card (a version below 1000): the store keeps what it has
        JsonNode at = status().get("loyaltyCursor");
        String cursor = at == null || at.isNull() ? "" : at.asString();
        long fed = (cursor == null || cursor.isEmpty() ? 0 : Long.parseLong(cursor.substring(2))) + 1;
        HO.accounts.put(card, account(card, "Marta Kalna", 500, fed));
        JsonNode run = api.post("/api/v1/sync/run", "manager", "").json();
        assertThat(run.get("loyaltyCursor").asString()).isEqualTo("f." + fed);
        assertThat(balance(card)).isEqualTo(817);
        HO.accounts.remove(card);
    }

    @Test
    @Order(5)
    void drawerCloseAndZReportReachHeadOffice() {
        String businessDate = sale("LV-1001", 1, "2.00", null).get("businessDate").asString();
        BigDecimal expected = new BigDecimal(api.get("/api/v1/drawers/D1/x-report", "manager").text("expectedCash"));
        Api.Response closed = api.post("/api/v1/drawers/D1/close", "clerk", "{\"counted\":" + count(expected) + "}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Api.Response z = api.post("/api/v1/business-days/" + businessDate + "/close", "manager", "");
        assertThat(z.status()).as(z.body()).isEqualTo(201);

        await().atMost(WAIT).until(() -> HO.acceptedEvents().stream()
                .anyMatch(e -> "Z_REPORT".equals(e.get("type").asString())));
        JsonNode drawer = HO.acceptedEvents().stream().filter(e -> "DRAWER_CLOSED".equals(e.get("type").asString()))
                .findFirst().orElseThrow().get("payload");
        assertThat(drawer.get("drawerId").asString()).isEqualTo("D1");
        assertThat(drawer.get("registerId").asString()).isEqualTo("R01");
        assertThat(drawer.get("businessDate").asString()).isEqualTo(businessDate);
        assertThat(drawer.get("closedBy").asString()).isEqualTo("clerk");
        assertThat(drawer.get("expectedCash").asString()).isEqualTo(closed.text("expectedCash"));
        assertThat(drawer.get("countedCash").asString()).isEqualTo(closed.text("countedCash"));
        assertThat(drawer.get("variance").asString()).isEqualTo("0.00");
        assertThat(drawer.get("sessionId").asString()).isNotBlank();
        JsonNode report = HO.acceptedEvents().stream().filter(e -> "Z_REPORT".equals(e.get("type").asString()))
                .findFirst().orElseThrow().get("payload");
        assertThat(report.get("zNumber").asLong()).isEqualTo(z.json().get("zNumber").asLong());
        assertThat(report.get("businessDate").asString()).isEqualTo(businessDate);
        assertThat(report.get("salesCount").asLong()).isEqualTo(z.json().get("salesCount").asLong());
        assertThat(report.get("netSales").asString()).isEqualTo(z.text("netSales"));
        assertThat(report.get("salesTotal").asString()).isEqualTo(z.text("salesTotal"));
        assertThat(report.get("voidsCount").asLong()).isEqualTo(z.json().get("voidsCount").asLong());
        assertThat(report.get("voids").asString()).isEqualTo(z.text("voids"));
        assertThat(report.get("returnsCount").asLong()).isEqualTo(z.json().get("returnsCount").asLong());
        assertThat(report.get("returns").asString()).isEqualTo(z.text("returns"));
        assertThat(report.get("closedBy").asString()).isEqualTo("manager");
        assertThat(report.get("currency").asString()).isEqualTo("EUR");
    }

    /** The amount as a count of EUR notes and coins, largest first. */
    private static String count(BigDecimal amount) {
        String[] denominations = {"500.00", "200.00", "100.00", "50.00", "20.00", "10.00", "5.00", "2.00", "1.00",
                "0.50", "0.20", "0.10", "0.05", "0.02", "0.01"};
        StringBuilder b = new StringBuilder("{");
        BigDecimal left = amount;
        for (String d : denominations) {
            BigDecimal value = new BigDecimal(d);
            int n = left.divideToIntegralValue(value).intValue();
            if (n > 0) {
                b.append(b.length() > 1 ? "," : "").append('"').append(d).append("\":").append(n);
                left = left.subtract(value.multiply(BigDecimal.valueOf(n)));
            }
        }
        return b.append('}').toString();
    }
}
