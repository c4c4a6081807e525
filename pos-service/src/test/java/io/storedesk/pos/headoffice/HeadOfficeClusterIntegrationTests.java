package io.storedesk.pos.headoffice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Head office as a tier of two nodes over one PostgreSQL (embedded PostgreSQL 14, a fresh, empty
 * database): both nodes start at the same time, seeding the database once between them, and what
 * one node publishes the other serves at once. Each node is a Spring application context of its
 * own with its own web server, as a process would be; they share nothing but the database.
 */
class HeadOfficeClusterIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final java.util.Map<String, String> S001 = java.util.Map.of("X-Store-Id", "S001", "X-Store-Key",
            "demo-key-S001");
    static final java.util.Map<String, String> S002 = java.util.Map.of("X-Store-Id", "S002", "X-Store-Key",
            "demo-key-S002");

    static final String S003_CONFIG_KEY = "key-three-cluster";

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static Api a;
    static Api b;

    @BeforeAll
    static void startTwoNodesTogetherOnAnEmptyDatabase() throws Exception {
        List<ConfigurableApplicationContext> nodes = HeadOfficeNodes.startTogether(List.of("cluster-a", "cluster-b"),
                Postgres.newDatabase("hocluster"), "--pos.head-office.statistics.interval=1s",
                "--pos.head-office.statistics.min-rows=50", "--pos.head-office.store-keys.S003=" + S003_CONFIG_KEY);
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
    void bothNodesStartedTogetherAndSeededTheDatabaseOnce() {
        JsonNode fromA = a.get("/api/ho/v1/promotions?since=0", "office").json();
        JsonNode fromB = b.get("/api/ho/v1/promotions?since=0", "office").json();
        assertThat(fromA.get("version").asLong()).isEqualTo(fromB.get("version").asLong()).isPositive();
        assertThat(fromA.get("promotions")).isEqualTo(fromB.get("promotions"));
        assertThat(a.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").json().get("balance").asLong())
                .isEqualTo(12500);
        assertThat(b.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").json().get("balance").asLong())
                .isEqualTo(12500);
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM promotion_set WHERE source LIKE 'seed:%'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT store_id FROM ho_store_key WHERE created_by = 'config' ORDER BY store_id")
                .query(String.class).list()).containsExactly("S001", "S002", "S003");
    }

    @Test
    void headOfficeNodesRunNoStoreOnlyModules() {
        for (Api node : List.of(a, b)) {
            Api.Response health = node.get("/actuator/health", "admin");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
            // no card link: no acquirer in the health page, no payment status, no simulator to reach
            assertThat(health.json().get("components").has("acquirer")).as(health.body()).isFalse();
            assertThat(health.json().get("components").has("db")).isTrue();
            assertThat(node.get("/api/v1/payments/status", "admin").status()).isEqualTo(404);
        }
        for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
            assertThat(List.of("jposLink", "acquirerSimulator", "reversalRetrier", "linkMonitor", "stanSequence",
                    "receiptMailSender", "orderArrivalMailer", "drawerKicks", "pointsExpiry"))
                    .noneMatch(node::containsBean);
        }
    }

    @Test
    void aPromotionSetPublishedOnOneNodeIsServedByTheOtherAtOnceAndTheOtherPublishesTheNext() {
        long before = b.get("/api/ho/v1/promotions?since=0", "office").json().get("version").asLong();

        Api.Response published = a.put("/api/ho/v1/promotions", "office", set("HO-CLUSTER-A", "10"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asLong()).isEqualTo(before + 1);

        // the store asking node B right after gets the new set, not "nothing new"
        Api.Response pulled = call(b, "/api/ho/v1/promotions?since=" + before, S002);
        assertThat(pulled.status()).as(pulled.body()).isEqualTo(200);
        assertThat(pulled.json().get("version").asLong()).isEqualTo(before + 1);
        assertThat(pulled.json().get("promotions").get(0).get("code").asString()).isEqualTo("HO-CLUSTER-A");

        Api.Response next = b.put("/api/ho/v1/promotions", "office", set("HO-CLUSTER-B", "15"));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("version").asLong()).isEqualTo(before + 2);

        Api.Response onA = call(a, "/api/ho/v1/promotions?since=" + (before + 1), S001);
        assertThat(onA.status()).as(onA.body()).isEqualTo(200);
        assertThat(onA.json().get("version").asLong()).isEqualTo(before + 2);
        assertThat(onA.json().get("promotions").get(0).get("code").asString()).isEqualTo("HO-CLUSTER-B");
        assertThat(call(a, "/api/ho/v1/promotions?since=" + (before + 2), S001).status()).isEqualTo(204);
        assertThat(call(b, "/api/ho/v1/promotions?since=" + (before + 2), S002).status()).isEqualTo(204);
    }

    @Test
    void twoNodesPublishingAtOnceGiveOneSetPerVersionAndRefuseTheLoserWithAConflict() throws Exception {
        long before = a.get("/api/ho/v1/promotions?since=0", "office").json().get("version").asLong();
        CompletableFuture<Api.Response> onA = CompletableFuture.supplyAsync(
                () -> a.put("/api/ho/v1/promotions", "office", set("HO-RACE-A", "5")));
        CompletableFuture<Api.Response> onB = CompletableFuture.supplyAsync(
                () -> b.put("/api/ho/v1/promotions", "office", set("HO-RACE-B", "6")));
        List<Api.Response> answers = List.of(onA.get(60, TimeUnit.SECONDS), onB.get(60, TimeUnit.SECONDS));
        for (Api.Response r : answers) {
            assertThat(r.status()).as(r.body()).isIn(200, 409);
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.text("type")).isEqualTo("https://storedesk.io/problems/promotion-set-outdated");
            }
        }
        List<Long> versions = answers.stream().filter(r -> r.status() == 200)
                .map(r -> r.json().get("version").asLong()).toList();
        assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
        long last = versions.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(last).isEqualTo(before + versions.size());
        assertThat(a.get("/api/ho/v1/promotions?since=0", "office").json().get("version").asLong()).isEqualTo(last);
        assertThat(b.get("/api/ho/v1/promotions?since=0", "office").json().get("version").asLong()).isEqualTo(last);
    }

    @Test
    void theTablesAreAnalysedInTheBackgroundByOneNodeOnceTheyGrew() {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(HeadOfficeEvents.caseOpened("S001", "C-ANALYZE-" + i));
        }
        Api.Response pushed = a.post("/api/ho/v1/stores/S001/events", null, HeadOfficeEvents.batch(events), S001);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.json().get("applied").asInt()).isEqualTo(60);

        // nobody calls head office again: the job of one node analyses the tables on its own
        await().atMost(Duration.ofSeconds(60)).until(() -> analyses(jdbc) > 0);
        long analysed = analyses(jdbc);
        // and only once for this growth, not once per node
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> analyses(jdbc) == analysed);
        assertThat(analysed).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_job WHERE name = 'head-office:analyze'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aStoreKeyIssuedAndRevokedOnOneNodeHoldsOnTheOtherWithoutARestart() {
        String body = HeadOfficeEvents.batch(HeadOfficeEvents.caseOpened("S003", "C-KEY-ROTATE-1"));
        assertThat(push(b, "S003", S003_CONFIG_KEY, body).status()).isEqualTo(200);

        // only head-office and admin users manage keys; a store cannot give itself one
        assertThat(a.post("/api/ho/v1/stores/S003/keys", null, "",
                java.util.Map.of("X-Store-Id", "S003", "X-Store-Key", S003_CONFIG_KEY)).status()).isIn(401, 403);
        assertThat(a.post("/api/ho/v1/stores/S003/keys", "manager", "").status()).isEqualTo(403);
        Api.Response invalid = a.post("/api/ho/v1/stores/S003-a-store-id-of-more-than-32-chars/keys", "office", "");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");

        Api.Response issued = a.post("/api/ho/v1/stores/S003/keys", "office", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String newKey = issued.json().get("key").asString();
        String newKeyId = issued.json().get("keyId").asString();
        assertThat(newKey).startsWith("sk_").hasSizeGreaterThan(40);
        // the new key works on the other node at once, and so does the old one until it is revoked
        assertThat(push(b, "S003", newKey, body).status()).isEqualTo(200);
        assertThat(push(b, "S003", S003_CONFIG_KEY, body).status()).isEqualTo(200);

        Api.Response listed = b.get("/api/ho/v1/stores/S003/keys", "admin");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(newKey).doesNotContain(S003_CONFIG_KEY);
        assertThat(listed.json().size()).isEqualTo(2);
        String configKeyId = null;
        for (JsonNode k : listed.json()) {
            if (k.get("createdBy").asString().equals("config")) {
                configKeyId = k.get("keyId").asString();
            }
        }
        assertThat(configKeyId).isNotNull();

        Api.Response revoked = b.delete("/api/ho/v1/stores/S003/keys/" + configKeyId, "office");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("office");
        Api.Response refused = push(a, "S003", S003_CONFIG_KEY, body);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("type")).isEqualTo("https://storedesk.io/problems/store-key-invalid");
        assertThat(push(a, "S003", newKey, body).status()).isEqualTo(200);

        Api.Response unknown = a.delete("/api/ho/v1/stores/S003/keys/no-such-key", "office");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // the database holds no key in clear
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT t::text FROM ho_store_key t WHERE store_id = 'S003'").query(String.class).list())
                .hasSize(2).noneMatch(row -> row.contains(newKey) || row.contains(S003_CONFIG_KEY));
        assertThat(newKeyId).isNotEqualTo(configKeyId);
    }

    private static Api.Response push(Api node, String storeId, String key, String body) {
        return node.post("/api/ho/v1/stores/" + storeId + "/events", null, body,
                java.util.Map.of("X-Store-Id", storeId, "X-Store-Key", key));
    }

    private static long analyses(JdbcClient jdbc) {
        return jdbc.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'ho_event' "
                + "AND schemaname = current_schema()").query(Long.class).single();
    }

    private static String set(String code, String percent) {
        return """
                {"promotions":[{"code":"%s","description":"Cluster test","kind":"PERCENT_OFF",
                 "scope":"BASKET","percent":"%s","coupon":"%s","validFrom":"2026-01-01"}]}""".formatted(code, percent, code.replace("-", ""));
    }

    private static Api.Response call(Api node, String path, java.util.Map<String, String> store) {
        return node.get(path, null, store);
    }
}
