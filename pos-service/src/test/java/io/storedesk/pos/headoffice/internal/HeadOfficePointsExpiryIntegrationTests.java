package io.storedesk.pos.headoffice.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head office expires the opening lots (embedded PostgreSQL, two head-office nodes over one fresh
 * database, the demo seed: its balances are dated 2026-11-22T21:00Z, 24 months of validity). On a
 * fixed clock: nothing a minute before the due date; at the due date each seeded balance expires,
 * less what was redeemed before, never the points earned since; the new balances reach the stores'
 * feed with new versions; the job started on both nodes at the same moment expires each lot once,
 * and running it again expires nothing more.
 */
class HeadOfficePointsExpiryIntegrationTests {

    static final Map<String, String> S001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Instant DUE = Instant.parse("2028-11-22T21:00:00Z");
    static final String GOLD = "2900000000017"; // 12500 seeded
    static final String SILVER = "2900000000024"; // 3400 seeded
    static final String BASIC = "2900000000031"; // 780 seeded

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        List<ConfigurableApplicationContext> nodes = HeadOfficeNodes.startTogether(List.of("expiry-a", "expiry-b"),
                Postgres.newDatabase("hoexpiry"), "--pos.loyalty.expiry-months=24");
        nodeA = nodes.get(0);
        nodeB = nodes.get(1);
        a = new Api(HeadOfficeNodes.port(nodeA));
        b = new Api(HeadOfficeNodes.port(nodeB));
    }

    @AfterAll
    static void stop() {
        HeadOfficeNodes.stop(nodeA, nodeB);
    }

    @Test
    void theSeededLotExpiresAtItsDueDateLessWhatWasSpentOnceAcrossNodes() throws Exception {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_loyalty_opening").query(Long.class).single())
                .as("both nodes started together, the lots recorded once").isEqualTo(6);

        // before the due date: points are redeemed from SILVER (spent oldest first: from the opening
        // lot), GOLD earns points that are younger than the lot, BASIC spends all of its lot
        push(loyalty(SILVER, "REDEEM", -1000), loyalty(SILVER, "REDEEM", -200), loyalty(SILVER, "REDEEM_RETURNED", 200),
                loyalty(GOLD, "EARN", 40), loyalty(BASIC, "REDEEM", -780), loyalty(BASIC, "EARN", 15));
        assertThat(balance(a, SILVER)).isEqualTo(2400);
        assertThat(balance(a, GOLD)).isEqualTo(12540);
        assertThat(balance(a, BASIC)).isEqualTo(15);

        HeadOfficePointsExpiry onA = nodeA.getBean(HeadOfficePointsExpiry.class);
        HeadOfficePointsExpiry onB = nodeB.getBean(HeadOfficePointsExpiry.class);
        assertThat(onA.run(at(DUE.minusSeconds(60)))).as("a minute early").isZero();
        assertThat(balance(b, GOLD)).isEqualTo(12540);

        String cursorBefore = feedCursor();
        // the job starts on both nodes at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Long> runA = CompletableFuture.supplyAsync(() -> runAfter(together, onA));
        CompletableFuture<Long> runB = CompletableFuture.supplyAsync(() -> runAfter(together, onB));
        long expired = runA.get(120, TimeUnit.SECONDS) + runB.get(120, TimeUnit.SECONDS);
        long seeded = 12500 + 3400 + 780 + 5120 + 950 + 20000;
        long spentOfLots = 1000 + 780;
        assertThat(expired).as("each lot expired once").isEqualTo(seeded - spentOfLots);

        assertThat(balance(b, GOLD)).as("the points earned since stay").isEqualTo(40);
        assertThat(balance(a, SILVER)).as("3400 less 1000 spent net").isZero();
        assertThat(balance(b, BASIC)).as("its lot was all spent: nothing expires").isEqualTo(15);
        assertThat(balance(a, "2900000000062")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_loyalty_entry WHERE entry_type = 'EXPIRE' AND store_id = 'HO'")
                .query(Long.class).single()).isEqualTo(5);

        // the stores' feed brings the new balances with new versions
        JsonNode delta = a.get("/api/ho/v1/loyalty/accounts?cursor=" + cursorBefore + "&limit=100", null, S001).json();
        assertThat(delta.get("more").asBoolean()).isFalse();
        List<String> changed = new java.util.ArrayList<>();
        delta.get("accounts").forEach(acc -> changed.add(acc.get("card").asString()));
        assertThat(changed).contains(GOLD, SILVER).doesNotContain(BASIC);

        // again, on either node, the same day or later: nothing more
        assertThat(onB.run(at(DUE))).isZero();
        assertThat(onA.run(at(DUE.plusSeconds(86_400 * 40)))).isZero();
        assertThat(balance(a, GOLD)).isEqualTo(40);
        assertThat(a.get("/api/ho/v1/loyalty/accounts?cursor=" + delta.get("cursor").asString() + "&limit=100", null, S001)
                .json().get("accounts").size()).as("nothing changed since").isZero();
    }

    private static long runAfter(CyclicBarrier together, HeadOfficePointsExpiry job) {
        try {
            together.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return job.run(at(DUE));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static long balance(Api node, String card) {
        Api.Response r = node.get("/api/ho/v1/loyalty/accounts/" + card, "office");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    /** Where S001's loyalty feed stands once it has read everything (the cursor after the last page). */
    private static String feedCursor() {
        String cursor = null;
        while (true) {
            JsonNode page = b.get("/api/ho/v1/loyalty/accounts?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, S001).json();
            cursor = page.get("cursor").asString();
            if (!page.get("more").asBoolean()) {
                return cursor;
            }
        }
    }

    private static void push(String... events) {
        Api.Response r = a.post("/api/ho/v1/stores/S001/events", null, "{\"events\":[" + String.join(",", events) + "]}",
                S001);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("applied").asInt()).isEqualTo(events.length);
    }

    private static String loyalty(String card, String entryType, long points) {
        return """
                {"eventId":"%s","sequence":1,"type":"LOYALTY_ENTRY","occurredAt":"2027-03-01T10:00:00Z","payload":\
                {"entryId":"%s","storeId":"S001","card":"%s","entryType":"%s","points":%d,"receiptNumber":"S001-R01-1",\
                "document":null,"occurredAt":"2027-03-01T10:00:00Z"}}""".formatted(UUID.randomUUID(),
                UUID.randomUUID(), card, entryType, points);
    }
}
