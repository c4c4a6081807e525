package io.storedesk.pos.headoffice;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.HeadOfficeRelay;
import io.storedesk.pos.support.HeadOfficeRelay.Batch;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backpressure end to end: a head-office node (embedded PostgreSQL) that applies one batch at a time
 * ({@code pos.head-office.max-concurrent-batches=1}, no admission wait, {@code retry-after=2s}) is
 * saturated for real: the test locks {@code ho_event} and a batch of store S002 takes the only place
 * and waits on that lock. Store S001 (a store service on its own H2 files, in this JVM) sells
 * meanwhile; its sync reaches head office through a recording pass-through on loopback, is refused
 * 429 with {@code Retry-After}, waits at least that long each time, keeps head office reachable
 * with no error, and when the place frees up sends everything: each event of its outbox arrives
 * once, none is lost.
 */
class HeadOfficeBackpressureSyncIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);

    static String database;
    static ConfigurableApplicationContext headOffice;
    static ConfigurableApplicationContext store;
    static HeadOfficeRelay recorder;

    @BeforeAll
    static void start() throws IOException {
        database = Postgres.newDatabase("hobackpressure");
        headOffice = HeadOfficeNodes.start("backpressure", database, "--pos.head-office.max-concurrent-batches=1", "--pos.head-office.admission-wait=0ms",
                "--pos.head-office.retry-after=2s");
        recorder = new HeadOfficeRelay(port(headOffice));
        store = new SpringApplicationBuilder(PosApplication.class).run(
                "--server.port=0", "--pos.data-dir=target/test-data/store-backpressure-" + System.nanoTime(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--pos.sync.head-office.url=" + recorder.url(), "--pos.sync.head-office.key=demo-key-S001",
                "--pos.sync.push-interval=200ms", "--pos.sync.pull-interval=1h", "--pos.sync.max-backoff=2s");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {store, headOffice}) {
            if (c != null) {
                c.close();
            }
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    @Test
    void aStoreRefused429WaitsRetryAfterAndThenDeliversEveryEventOnce() throws Exception {
        Api ho = new Api(port(headOffice));
        Api shop = new Api(port(store));
        JdbcClient storeDb = store.getBean(JdbcClient.class);
        JdbcClient hoDb = headOffice.getBean(JdbcClient.class);
        shop.ensureOpen("D1");
        await().atMost(WAIT).until(() -> status(shop).get("pendingEvents").asLong() == 0);

        List<String> receipts;
        try (Connection hold = DriverManager.getConnection(database, "postgres", "")) {
            // saturate head office: the one place goes to a batch of S002 that waits on this lock
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement()) {
                s.execute("LOCK TABLE ho_event IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Api.Response> blocked = CompletableFuture.supplyAsync(() -> ho.post(
                    "/api/ho/v1/stores/S002/events", null,
                    HeadOfficeEvents.batch(HeadOfficeEvents.caseOpened("S002", "C-BUSY-1")),
                    Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002")));
            await().atMost(WAIT).until(() -> hoDb.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND datname = current_database()").query(Long.class).single() > 0);

            // what a store gets now: 429, problem+json, Retry-After, nothing applied
            Api.Response refused = ho.post("/api/ho/v1/stores/S001/events", null,
                    HeadOfficeEvents.batch(HeadOfficeEvents.caseOpened("S001", "C-BUSY-2")),
                    Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.headers().get("retry-after")).isEqualTo("2");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("https://storedesk.io/problems/head-office-busy");
            assertThat(refused.json().get("retryAfter").asInt()).isEqualTo(2);

            // the store sells on; its sync is refused and waits what head office says, without an error
            receipts = List.of(sale(shop, "LV-1001", 1, "2.00"), sale(shop, "LV-1002", 2, "3.00"),
                    sale(shop, "LV-1008", 1, "3.00"));
            await().atMost(WAIT).until(() -> recorder.refused().size() >= 3);
            JsonNode waiting = status(shop);
            assertThat(waiting.get("pendingEvents").asLong()).isPositive();
            assertThat(waiting.get("headOfficeReachable").asBoolean()).as(waiting.toString()).isTrue();
            assertThat(waiting.get("lastError").isNull()).as(waiting.toString()).isTrue();
            List<Batch> refusals = recorder.refused();
            for (int i = 1; i < refusals.size(); i++) {
                assertThat(refusals.get(i - 1).retryAfter()).isEqualTo("2");
                assertThat(Duration.between(refusals.get(i - 1).answered(), refusals.get(i).sent()))
                        .as("the store waits Retry-After (2 s) after a 429, not the 1 s error back-off")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
            }

            hold.rollback(); // the place frees up
            assertThat(blocked.get().status()).isEqualTo(200);
        }

        // the store catches up: every event of its outbox once at head office, nothing lost or doubled
        await().atMost(WAIT).until(() -> status(shop).get("pendingEvents").asLong() == 0);
        JsonNode after = status(shop);
        assertThat(after.get("lastError").isNull()).isTrue();
        assertThat(storeDb.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single()).isZero();
        Set<String> sent = new HashSet<>(); // every event the store ever sent, refused or not
        int applied = 0;
        for (Batch a : recorder.batches()) {
            JSON.readTree(a.request()).get("events").forEach(e -> sent.add(e.get("eventId").asString()));
            if (a.status() == 200) {
                applied += JSON.readTree(a.response()).get("applied").asInt();
            }
        }
        List<String> atHeadOffice = hoDb.sql("SELECT event_id FROM ho_event WHERE store_id = 'S001'")
                .query(String.class).list();
        // (the case C-BUSY-2 sent by hand above was refused, so it is not there)
        assertThat(atHeadOffice).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        assertThat(applied).as("each event applied once").isEqualTo(sent.size());
        assertThat(recorder.refused()).allMatch(a -> JSON.readTree(a.request()).get("events").size() > 0);
        assertThat(hoDb.sql("SELECT receipt_number FROM ho_sale WHERE store_id = 'S001'").query(String.class).list())
                .containsAll(receipts);
    }

    private static JsonNode status(Api shop) {
        Api.Response r = shop.get("/api/v1/sync/status", "manager");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String sale(Api shop, String sku, int quantity, String cash) {
        Api.Response r = shop.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"%s"}]}"""
                .formatted(sku, quantity, cash));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("receiptNumber");
    }
}
