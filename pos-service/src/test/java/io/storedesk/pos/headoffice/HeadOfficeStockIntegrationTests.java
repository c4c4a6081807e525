package io.storedesk.pos.headoffice;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stock across stores, over real HTTP: head office in the head-office role on PostgreSQL (embedded
 * PostgreSQL 14), this shared test store as S001 (its outbox sent to head office as the sync worker
 * sends it, in order and batches) and a second store S002 (its own H2, its sync worker pushing to head
 * office, {@code pos.stock.nearby-stores=S003,S001}). A sale at S001 shows at head office and in S002's
 * "in other stores", each STOCK_MOVEMENT counted once however often it arrives; with head office gone,
 * S002's desk gets 503 {@code head-office-unreachable} with a message in the clerk's language.
 */
class HeadOfficeStockIntegrationTests extends IntegrationTest {

    static final Map<String, String> S001_KEY = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Map<String, String> S003_KEY = Map.of("X-Store-Id", "S003", "X-Store-Key", "key-three");

    @Test
    void aSaleAtOneStoreShowsAtHeadOfficeAndInTheOtherStore() {
        ensureOpen("D1");
        assertThat(api.post("/api/v1/stock/receipts", "clerk",
                "{\"lines\":[{\"sku\":\"GC-9002\",\"quantity\":20}]}").status()).isEqualTo(201);
        cashSale("D1", "GC-9002", 3, "50.00");
        int s001 = api.get("/api/v1/stock/GC-9002", "clerk").json().get("onHand").asInt();

        ConfigurableApplicationContext ho = SpringApplication.run(PosApplication.class, "--server.port=0",
                "--spring.profiles.active=head-office", "--spring.datasource.url=" + Postgres.newDatabase("hostock"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--pos.head-office.store-keys.S003=key-three",
                "--pos.data-dir=target/test-data/ho-stock-" + UUID.randomUUID(), "--spring.main.banner-mode=off");
        ConfigurableApplicationContext s002 = null;
        try {
            int hoPort = port(ho);
            Api headOffice = new Api(hoPort);
            List<String> batches = outboxBatches();
            for (String batch : batches) {
                Api.Response sent = headOffice.post("/api/ho/v1/stores/S001/events", null, batch, S001_KEY);
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            }
            // sent again (a lost answer): all duplicates, nothing counted twice
            Api.Response again = headOffice.post("/api/ho/v1/stores/S001/events", null, batches.get(0), S001_KEY);
            assertThat(again.json().get("applied").asInt()).isZero();

            JsonNode atHeadOffice = headOffice.get("/api/ho/v1/stock/GC-9002", "office").json();
            assertThat(atHeadOffice.get("stores")).singleElement().satisfies(s -> {
                assertThat(s.get("storeId").asString()).isEqualTo("S001");
                assertThat(s.get("onHand").asInt()).isEqualTo(s001);
            });
            JsonNode report = headOffice.get("/api/ho/v1/reports/stock?storeId=S001&from="
                    + java.time.LocalDate.now().minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1), "office").json();
            assertThat(report.get("movementsByReason").get("SALE").get("quantity").asInt()).isLessThanOrEqualTo(-3);
            assertThat(report.get("movementsByReason").get("RECEIVED").get("quantity").asInt()).isGreaterThanOrEqualTo(20);
            assertThat(headOffice.get("/api/ho/v1/reports/stock?storeId=S001", null, S001_KEY).status()).isEqualTo(403);

            // a third store, far away: it has the item too (negative: it sold what it had not booked in)
            Api.Response s003 = headOffice.post("/api/ho/v1/stores/S003/events", null, HeadOfficeEvents.batch(
                    HeadOfficeEvents.event("STOCK_MOVEMENT", """
                            {"storeId":"S003","document":"S003-R1-20261124-000001","reason":"SALE","user":"anna",
                             "occurredAt":"2026-11-24T09:15:02.123456Z","lines":[{"sku":"GC-9002","quantity":-2}]}""")),
                    S003_KEY);
            assertThat(s003.status()).as(s003.body()).isEqualTo(200);
            Api.Response bad = headOffice.post("/api/ho/v1/stores/S003/events", null, HeadOfficeEvents.batch(
                    HeadOfficeEvents.event("STOCK_MOVEMENT", """
                            {"storeId":"S003","reason":"STOLEN","occurredAt":"2026-11-24T09:15:02Z","lines":[]}""")),
                    S003_KEY);
            assertThat(bad.status()).isEqualTo(400);

            s002 = SpringApplication.run(PosApplication.class, "--server.port=0", "--pos.store.id=S002",
                    "--pos.data-dir=target/test-data/stock-s002-" + UUID.randomUUID(),
                    "--pos.sync.head-office.url=http://localhost:" + hoPort, "--pos.sync.head-office.key=demo-key-S002",
                    "--pos.sync.push-interval=200ms", "--pos.stock.nearby-stores=S003,S001",
                    "--spring.main.banner-mode=off");
            Api store2 = new Api(port(s002));
            store2.ensureOpen("D1");
            Api.Response sold = store2.post("/api/v1/sales", "clerk", """
                    {"drawerId":"D1","lines":[{"sku":"GC-9002","quantity":1}],"tenders":[{"type":"CASH","amount":"20.00"}]}""");
            assertThat(sold.status()).as(sold.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                    store2.get("/api/v1/sync/status", "manager").json().get("pendingEvents").asInt() == 0);

            Api.Response others = store2.get("/api/v1/stock/4750001021837/other-stores", "clerk"); // by barcode
            assertThat(others.status()).as(others.body()).isEqualTo(200);
            assertThat(others.text("storeId")).isEqualTo("S002");
            assertThat(others.json().get("onHandHere").asInt()).isEqualTo(-1);
            List<String> order = new ArrayList<>();
            others.json().get("stores").forEach(s -> order.add(s.get("storeId").asString()));
            assertThat(order).containsExactly("S003", "S001"); // nearest first as configured, S002 itself left out
            assertThat(others.json().get("stores").get(0).get("onHand").asInt()).isEqualTo(-2);
            assertThat(others.json().get("stores").get(1).get("onHand").asInt()).isEqualTo(s001);
            assertThat(OffsetDateTime.parse(others.json().get("stores").get(1).get("asOf").asString())).isNotNull();
            // head office has S002's own sale too, from its outbox
            assertThat(headOffice.get("/api/ho/v1/stock/GC-9002", "office").json().get("stores").toString())
                    .contains("\"storeId\":\"S002\",\"onHand\":-1");

            ho.close();
            Api.Response unreachable = store2.get("/api/v1/stock/GC-9002/other-stores", "clerk",
                    Map.of("Accept-Language", "ru"));
            assertThat(unreachable.status()).isEqualTo(503);
            assertThat(unreachable.contentType()).startsWith("application/problem+json");
            assertThat(unreachable.text("type")).endsWith("/head-office-unreachable");
            assertThat(unreachable.text("title")).isEqualTo("Головной офис недоступен");
        } finally {
            if (s002 != null) {
                s002.close();
            }
            ho.close();
        }
    }

    private List<String> outboxBatches() {
        List<String> events = jdbc.sql("SELECT id, event_id, type, occurred_at, payload FROM sync_outbox ORDER BY id")
                .query((rs, n) -> """
                        {"eventId":"%s","sequence":%d,"type":"%s","occurredAt":"%s","payload":%s}""".formatted(
                        rs.getString(2), rs.getLong(1), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
        List<String> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 500) {
            batches.add(HeadOfficeEvents.batch(events.subList(from, Math.min(events.size(), from + 500))));
        }
        return batches;
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
