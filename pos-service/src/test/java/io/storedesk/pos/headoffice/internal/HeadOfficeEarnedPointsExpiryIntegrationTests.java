package io.storedesk.pos.headoffice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.loyalty.internal.StorePointsExpiry;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.MutableClock;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points earned at a syncing store expire (issue 25, docs/head-office.md "Who expires what"): two
 * head-office nodes over one fresh embedded PostgreSQL database, and store S001 (a store service on
 * its own H2 files in this JVM, on a settable clock, syncing with node A only when asked). Head
 * office expires every lot it holds, once, whichever node runs the job; the store expires only its
 * own entries head office has not acknowledged; the store's EXPIRE counts at head office, so no lot
 * expires twice; redemptions take the oldest lots first, so only the remainder expires.
 */
class HeadOfficeEarnedPointsExpiryIntegrationTests {

    static final Map<String, String> S001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Map<String, String> S002 = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
    static final String SILVER = "2900000000024"; // synced earn: head office expires it
    static final String BASIC = "2900000000031"; // earn not synced when due: the store expires it
    static final String FIFO = "2900000000048"; // lots, a redemption and a give-back pushed as raw events
    static final MutableClock STORE_CLOCK = new MutableClock(Instant.parse("2030-01-10T10:00:00Z"));

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static ConfigurableApplicationContext store;
    static Api a;
    static Api b;
    static Api shop;

    @BeforeAll
    static void start() throws Exception {
        List<ConfigurableApplicationContext> nodes = HeadOfficeNodes.startTogether(List.of("earned-a", "earned-b"),
                Postgres.newDatabase("hoearnedexpiry"), "--pos.loyalty.expiry-months=24");
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        a = new Api(HeadOfficeNodes.port(nodeA));
        b = new Api(HeadOfficeNodes.port(nodeB));
        ApplicationContextInitializer<GenericApplicationContext> clock = c -> c.registerBean("storeTestClock",
                Clock.class, () -> STORE_CLOCK, d -> d.setPrimary(true));
        store = new SpringApplicationBuilder(PosApplication.class).initializers(clock).run("--server.port=0",
                "--pos.data-dir=target/test-data/store-earned-expiry-" + System.nanoTime(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--pos.sync.head-office.url=http://localhost:" + HeadOfficeNodes.port(nodeA),
                "--pos.sync.head-office.key=demo-key-S001", "--pos.sync.push-interval=1h",
                "--pos.sync.pull-interval=1h", "--pos.loyalty.expiry-months=24");
        shop = new Api(HeadOfficeNodes.port(store));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(store, nodeA, nodeB);
    }

    @Test
    void pointsEarnedAtASyncingStoreExpireOnceAtHeadOfficeAndTheStoreExpiresOnlyWhatItHasNotSynced() throws Exception {
        Instant t0 = STORE_CLOCK.instant();
        // head office expires what was due before (the seeded opening lots), the store pulls it
        bothNodesAt(t0);
        sync();
        long silverAtHo = hoBalance(a, SILVER);
        long basicAtHo = hoBalance(a, BASIC);

        // SILVER earns and the store syncs: head office holds the earn from now on
        long silverEarned = earn(SILVER);
        sync();
        assertThat(hoBalance(a, SILVER)).isEqualTo(silverAtHo + silverEarned);
        assertThat(storeBalance(SILVER)).isEqualTo(silverAtHo + silverEarned);
        // BASIC earns, and the store does not reach head office until after those points are due
        long basicAtStore = storeBalance(BASIC);
        long basicEarned = earn(BASIC);
        assertThat(storeBalance(BASIC)).isEqualTo(basicAtStore + basicEarned);

        Instant due = t0.atOffset(ZoneOffset.UTC).plusMonths(24).toInstant();
        assertThat(bothNodesAt(due.minusSeconds(60))).as("a minute early").isZero();
        STORE_CLOCK.set(due.plus(Duration.ofMinutes(1)));
        assertThat(StorePointsExpiry.run(store, STORE_CLOCK)).as("the store expires its unsynced earn only")
                .isEqualTo(basicEarned);
        assertThat(storeBalance(BASIC)).isEqualTo(basicAtStore);
        assertThat(storeBalance(SILVER)).as("head office's to expire").isEqualTo(silverAtHo + silverEarned);

        // the job on both nodes at the same moment expires the synced earn once
        assertThat(bothNodesAt(STORE_CLOCK.instant())).isEqualTo(silverEarned);
        assertThat(hoBalance(b, SILVER)).isEqualTo(silverAtHo);

        // the store syncs: it sends its earn and its expiry, and pulls head office's expiry
        sync();
        assertThat(storeBalance(SILVER)).as("dropped by exactly the points head office expired")
                .isEqualTo(silverAtHo);
        assertThat(hoBalance(a, BASIC)).as("earned and expired at the store").isEqualTo(basicAtHo);
        assertThat(storeBalance(BASIC)).isEqualTo(basicAtHo);

        // head office now holds BASIC's due earn and the store's expiry of it: nothing more expires
        assertThat(bothNodesAt(STORE_CLOCK.instant().plus(Duration.ofHours(1)))).isZero();
        assertThat(StorePointsExpiry.run(store, STORE_CLOCK)).isZero();
        sync();
        assertThat(hoBalance(b, BASIC)).isEqualTo(basicAtHo);
        assertThat(storeBalance(BASIC)).isEqualTo(basicAtHo);
        assertThat(storeBalance(SILVER)).isEqualTo(silverAtHo);
    }

    @Test
    void redemptionsTakeTheOldestLotsFirstSoOnlyTheRemainderExpires() throws Exception {
        // what was due before these lots (the seeded opening lots) goes first
        bothNodesAt(Instant.parse("2032-12-31T00:00:00Z"));
        long before = hoBalance(a, FIFO);
        push("S001", S001, loyalty(FIFO, "EARN", 300, "2033-01-01T10:00:00Z", "S001-R01-000101"),
                loyalty(FIFO, "EARN", 80, "2033-01-05T10:00:00Z", "S001-R01-000102"),
                loyalty(FIFO, "EARN", 200, "2033-03-01T10:00:00Z", "S001-R01-000103"),
                // the 80 of 2033-01-05 are taken back by a return months later: that lot is gone
                loyalty(FIFO, "EARN_REVERSED", -80, "2033-06-01T10:00:00Z", "S001-R01-000102"));
        // another store redeems 260 and gives 10 back: 250 spent, out of the oldest lot
        push("S002", S002, loyalty(FIFO, "REDEEM", -260, "2033-02-01T10:00:00Z", "S002-R01-000201"),
                loyalty(FIFO, "REDEEM_RETURNED", 10, "2033-02-02T10:00:00Z", "S002-R01-000202"));
        assertThat(hoBalance(b, FIFO)).isEqualTo(before + 250);

        assertThat(bothNodesAt(Instant.parse("2035-01-01T09:59:00Z"))).as("a minute early").isZero();
        assertThat(bothNodesAt(Instant.parse("2035-01-01T10:00:00Z"))).as("300 less the 250 spent")
                .isEqualTo(50);
        assertThat(hoBalance(a, FIFO)).isEqualTo(before + 200);

        // S002's own earn, which S002 expired itself before it synced, arrives with its expiry
        push("S002", S002, loyalty(FIFO, "EARN", 100, "2033-02-15T10:00:00Z", "S002-R01-000203"),
                loyalty(FIFO, "EXPIRE", -100, "2035-02-15T10:00:00Z", null));
        assertThat(bothNodesAt(Instant.parse("2035-02-20T03:15:00Z"))).as("expired by S002 already").isZero();
        assertThat(hoBalance(b, FIFO)).isEqualTo(before + 200);

        assertThat(bothNodesAt(Instant.parse("2035-03-01T10:00:00Z"))).as("the last lot, untouched").isEqualTo(200);
        assertThat(hoBalance(a, FIFO)).isEqualTo(before);
        assertThat(bothNodesAt(Instant.parse("2035-04-01T03:15:00Z"))).isZero();
        assertThat(hoBalance(b, FIFO)).isEqualTo(before);
    }

    @Test
    void aLotArrivingAlreadyDueWaitsForTheNextRunSoTheStoresExpiryOfItCanFollow() throws Exception {
        // a store's backlog: two earns of more than 24 months ago reach head office now (new cards:
        // head office makes their accounts); the store had expired one of them itself
        String kept = "2900000099001";
        String expiredByStore = "2900000099002";
        String longAgo = Instant.now().minus(Duration.ofDays(800)).toString();
        push("S001", S001, loyalty("S001", kept, "EARN", 120, longAgo, "S001-R09-000301"),
                loyalty("S001", expiredByStore, "EARN", 70, longAgo, "S001-R09-000302"));
        assertThat(bothNodesAt(Instant.now().plus(Duration.ofMinutes(30))))
                .as("arrived within the hour: the rest of the backlog may still come").isZero();
        push("S001", S001, loyalty("S001", expiredByStore, "EXPIRE", -70, Instant.now().toString(), null));

        assertThat(bothNodesAt(Instant.now().plus(Duration.ofHours(2)))).as("only the lot no one expired")
                .isEqualTo(120);
        assertThat(hoBalance(a, kept)).isZero();
        assertThat(hoBalance(b, expiredByStore)).isZero();
        assertThat(bothNodesAt(Instant.now().plus(Duration.ofHours(3)))).isZero();
    }

    /** The job started on both nodes at the same moment, on a clock fixed at {@code at}; the points expired. */
    private static long bothNodesAt(Instant at) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Long> runA = CompletableFuture.supplyAsync(() -> runAfter(together, nodeA, at));
        CompletableFuture<Long> runB = CompletableFuture.supplyAsync(() -> runAfter(together, nodeB, at));
        return runA.get(120, TimeUnit.SECONDS) + runB.get(120, TimeUnit.SECONDS);
    }

    private static long runAfter(CyclicBarrier together, ConfigurableApplicationContext node, Instant at) {
        try {
            together.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return node.getBean(HeadOfficePointsExpiry.class).run(Clock.fixed(at, ZoneOffset.UTC));
    }

    /** A sale at S001 with the card; the points it earned. */
    private static long earn(String card) {
        shop.ensureOpen("D1");
        Api.Response sale = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"50.00"}]}""".formatted(card));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        long points = sale.json().get("pointsEarned").asLong();
        assertThat(points).isPositive();
        return points;
    }

    /** S001 pushes everything it has and pulls head office's changes now. */
    private static void sync() {
        Api.Response run = shop.post("/api/v1/sync/run", "manager", "");
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("pendingEvents").asLong()).as(run.body()).isZero();
        assertThat(run.json().get("lastError").isNull()).as(run.body()).isTrue();
    }

    private static long storeBalance(String card) {
        Api.Response r = shop.get("/api/v1/loyalty/" + card, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    private static long hoBalance(Api node, String card) {
        Api.Response r = node.get("/api/ho/v1/loyalty/accounts/" + card, "office");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    private static void push(String storeId, Map<String, String> key, String... events) {
        Api.Response r = b.post("/api/ho/v1/stores/" + storeId + "/events", null,
                "{\"events\":[" + String.join(",", events) + "]}", key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("applied").asInt()).isEqualTo(events.length);
    }

    private static String loyalty(String card, String entryType, long points, String occurredAt, String receipt) {
        return loyalty(receipt == null ? "S002" : receipt.substring(0, 4), card, entryType, points, occurredAt, receipt);
    }

    private static String loyalty(String storeId, String card, String entryType, long points, String occurredAt,
            String receipt) {
        return """
                {"eventId":"%s","sequence":1,"type":"LOYALTY_ENTRY","occurredAt":"%s","payload":\
                {"entryId":"%s","storeId":"%s","card":"%s","entryType":"%s","points":%d,"receiptNumber":%s,\
                "document":null,"occurredAt":"%s"}}""".formatted(UUID.randomUUID(), occurredAt, UUID.randomUUID(),
                storeId, card, entryType, points, receipt == null ? "null" : "\"" + receipt + "\"", occurredAt);
    }
}
