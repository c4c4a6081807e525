package io.storedesk.pos.reliability;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeRelay;
import io.storedesk.pos.support.Postgres;
import io.storedesk.pos.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Head office and two stores, each a real process: head office on a real PostgreSQL (embedded
 * PostgreSQL 14), the stores on their own H2 files, the stores reaching head office through a
 * gateway that stays at one address while head office restarts. Walks through what a chain
 * lives through: sales at both stores arrive exactly once; head office goes down and the stores
 * keep selling, then their outboxes drain in order; a store killed while head office was
 * answering its batch resends it after the restart and head office keeps it once; a promotion
 * published at head office prices baskets at both stores; points earned at one store are spent
 * at the other; the consolidated daily report is the sum of the stores' own reports.
 */
class HeadOfficeSyncIntegrationTests {

    static final String CARD = "2900000000031";
    static final String APPROVAL = "\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";
    static final String EVENTS_TABLE = "ho_event";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> FIGURES = List.of("salesCount", "grossSales", "discounts", "salesTotal", "returns",
            "returnsCount", "netSales", "taxTotal", "cashRounding", "taxByRate", "tenders", "byDepartment", "byHour",
            "refundsByTender", "voids");

    @Test
    void storesAndHeadOfficeStayInStepThroughOutagesAndRestarts() throws Exception {
        String run = UUID.randomUUID().toString();
        Path dir = Path.of("target", "test-data", "ho-sync-" + run);
        String jdbc = Postgres.newDatabase("ho");
        try (HeadOfficeRelay gateway = new HeadOfficeRelay();
                ServiceProcess office = new ServiceProcess(dir.resolve("ho"), List.of(
                        "--spring.profiles.active=head-office", "--spring.datasource.url=" + jdbc,
                        "--spring.datasource.username=postgres", "--spring.datasource.password="));
                ServiceProcess riga = new ServiceProcess(dir.resolve("s001"), store("S001", gateway, 5));
                ServiceProcess brno = new ServiceProcess(dir.resolve("s002"), store("S002", gateway, 200))) {
            office.start();
            gateway.target(office.port());
            ServiceProcess.startTogether(riga, brno);
            Api ho = new Api(office.port());
            Api a = new Api(riga.port());
            Api b = new Api(brno.port());
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Riga"));
            open(a);
            open(b);

            // Sales at both stores reach head office exactly once.
            List<String> rigaSales = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                rigaSales.add(cashSale(a, "LV-1001", 1 + i % 3));
            }
            for (int i = 0; i < 4; i++) {
                cashSale(b, "LV-1016", 1 + i % 2);
            }
            Api.Response returned = a.post("/api/v1/returns", "clerk", """
                    {"receiptNumber":"%s","drawerId":"D1","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE",
                     "restock":false}],"refundMethod":"ORIGINAL"}""".formatted(rigaSales.get(1)));
            assertThat(returned.status()).as(returned.body()).isEqualTo(201);
            Api.Response voided = b.post("/api/v1/sales/" + cashSale(b, "LV-1002", 2) + "/void", "clerk",
                    "{\"reason\":\"customer changed mind\"," + APPROVAL + "}");
            assertThat(voided.status()).as(voided.body()).isEqualTo(200);
            drained(a);
            drained(b);
            assertExactlyOnce(jdbc, gateway);
            assertReportIsTheSumOfTheStores(ho, a, b, today);

            // Head office down: the stores keep selling; the outboxes drain in order once it is back.
            office.close();
            gateway.target(0);
            for (int i = 0; i < 5; i++) {
                cashSale(a, "LV-1002", 1);
                cashSale(b, "LV-1001", 1);
            }
            awaitUnreachable(a);
            JsonNode waiting = a.get("/api/v1/sync/status", "manager").json();
            assertThat(waiting.get("pendingEvents").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(waiting.get("oldestPendingAt").isNull()).isFalse();
            assertThat(waiting.get("lastError").isNull()).isFalse();

            // ... and when it is back, store A is killed while head office answers A's first batch.
            int batchesBefore = gateway.batches().size();
            gateway.withholdNextAnswerTo("S001");
            office.start();
            gateway.target(office.port());
            ho = new Api(office.port());
            assertThat(gateway.awaitWithheld(Duration.ofSeconds(90))).as("S001 pushed a batch").isTrue();
            riga.kill();
            gateway.release();
            riga.start();
            a = new Api(riga.port());
            drained(a);
            drained(b);
            assertExactlyOnce(jdbc, gateway);
            List<HeadOfficeRelay.Batch> after = gateway.batches().subList(batchesBefore, gateway.batches().size());
            assertThat(after.stream().filter(x -> x.storeId().equals("S001")).mapToInt(x -> field(x.response(),
                    "duplicates")).sum()).as("the withheld batch was sent again and kept once").isPositive();
            assertDrainedInOrder(after);
            assertReportIsTheSumOfTheStores(ho, a, b, today);

            // A promotion published at head office prices baskets at both stores after the next pull.
            Api.Response published = ho.put("/api/ho/v1/promotions", "office", """
                    {"promotions":[{"code":"HO-KEFIRS-50","description":"Kefīrs -50 %","kind":"PERCENT_OFF",
                     "scope":"ITEM","targets":["LV-1002"],"percent":"50"}]}""");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            for (Api store : List.of(a, b)) {
                assertThat(store.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
                Api.Response quote = store.post("/api/v1/sales/quote", "clerk",
                        "{\"lines\":[{\"sku\":\"LV-1002\",\"quantity\":2}]}");
                assertThat(quote.text("discountTotal")).as(quote.body()).isEqualTo("1.29");
                assertThat(quote.body()).contains("HO-KEFIRS-50");
            }

            // Points earned at A are redeemable at B once both have synced.
            long start = b.get("/api/v1/loyalty/" + CARD, "clerk").json().get("balance").asLong();
            Api.Response earned = a.post("/api/v1/sales", "clerk", """
                    {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"EL-2002","quantity":1}],
                     "tenders":[{"type":"CASH","amount":"50.00"}]}""".formatted(CARD));
            assertThat(earned.status()).as(earned.body()).isEqualTo(201);
            long points = earned.json().get("pointsEarned").asLong();
            assertThat(points).isPositive();
            String spend = spendAll(start + points);
            Api.Response tooEarly = b.post("/api/v1/sales", "clerk", spend);
            assertThat(tooEarly.status()).as("B has not heard of A's points yet: " + tooEarly.body()).isEqualTo(422);
            assertThat(a.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
            drained(a);
            assertThat(b.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
            assertThat(b.get("/api/v1/loyalty/" + CARD, "clerk").json().get("balance").asLong()).isEqualTo(start + points);
            Api.Response redeemed = b.post("/api/v1/sales", "clerk", spend);
            assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
            long earnedAtB = redeemed.json().get("pointsEarned").asLong();
            assertThat(b.get("/api/v1/loyalty/" + CARD, "clerk").json().get("balance").asLong()).isEqualTo(earnedAtB);
            assertThat(b.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
            drained(b);
            assertThat(ho.get("/api/ho/v1/loyalty/accounts/" + CARD, "office").json().get("balance").asLong())
                    .isEqualTo(earnedAtB);
            assertThat(a.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
            assertThat(a.get("/api/v1/loyalty/" + CARD, "clerk").json().get("balance").asLong())
                    .as("A's own earn is in head office's snapshot now, not counted twice").isEqualTo(earnedAtB);
            assertThat(b.post("/api/v1/sync/run", "manager", "").status()).isEqualTo(200);
            assertThat(b.get("/api/v1/loyalty/" + CARD, "clerk").json().get("balance").asLong())
                    .as("B's redemption and earn are in head office's snapshot now, not counted twice").isEqualTo(earnedAtB);

            assertExactlyOnce(jdbc, gateway);
            assertReportIsTheSumOfTheStores(ho, a, b, today);
        }
    }

    private static List<String> store(String id, HeadOfficeRelay gateway, int batchSize) {
        return List.of("--pos.store.id=" + id, "--pos.sync.head-office.url=" + gateway.url(),
                "--pos.sync.head-office.key=demo-key-" + id, "--pos.sync.push-interval=300ms",
                "--pos.sync.pull-interval=2s", "--pos.sync.max-backoff=2s", "--pos.sync.request-timeout=60s",
                "--pos.sync.batch-size=" + batchSize);
    }

    private static void open(Api store) {
        Api.Response opened = store.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    private static String cashSale(Api store, String sku, int quantity) {
        Api.Response sale = store.postIdempotent("/api/v1/sales", "clerk", UUID.randomUUID().toString(), """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":%d}],"tenders":[{"type":"CASH","amount":"100.00"}]}"""
                .formatted(sku, quantity));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        return sale.text("receiptNumber");
    }

    /** A sale of EL-2002 paid with {@code points} points and the rest in cash. */
    private static String spendAll(long points) {
        return """
                {"drawerId":"D1","loyaltyCard":"%s","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":%d},{"type":"CASH","amount":"100.00"}]}"""
                .formatted(CARD, points);
    }

    private static void awaitUnreachable(Api store) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !store.get("/api/v1/sync/status", "manager").json().get("headOfficeReachable").asBoolean());
    }

    private static void drained(Api store) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode s = store.get("/api/v1/sync/status", "manager").json();
            return s.get("pendingEvents").asInt() == 0 && s.get("headOfficeReachable").asBoolean();
        });
    }

    /** Head office holds every event the stores sent once: as many rows as distinct event ids seen. */
    private static void assertExactlyOnce(String jdbc, HeadOfficeRelay gateway) throws Exception {
        Map<String, Set<String>> sent = new TreeMap<>();
        Map<String, Integer> applied = new TreeMap<>();
        for (HeadOfficeRelay.Batch batch : gateway.batches()) {
            if (batch.status() != 200) {
                continue;
            }
            for (JsonNode e : JSON.readTree(batch.request()).get("events")) {
                sent.computeIfAbsent(batch.storeId(), k -> new HashSet<>()).add(e.get("eventId").asString());
            }
            applied.merge(batch.storeId(), field(batch.response(), "applied"), Integer::sum);
        }
        Map<String, Integer> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT store_id, COUNT(*), COUNT(DISTINCT event_id) FROM "
                        + EVENTS_TABLE + " GROUP BY store_id")) {
            while (rs.next()) {
                assertThat(rs.getInt(2)).isEqualTo(rs.getInt(3));
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        Map<String, Integer> distinct = new TreeMap<>();
        sent.forEach((store, ids) -> distinct.put(store, ids.size()));
        assertThat(stored).containsOnlyKeys("S001", "S002").isEqualTo(distinct).isEqualTo(applied);
    }

    /** Each store's backlog arrived oldest first: the sequences a store sent for the first time only grow. */
    private static void assertDrainedInOrder(List<HeadOfficeRelay.Batch> batches) {
        Map<String, Long> last = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (HeadOfficeRelay.Batch batch : batches) {
            for (JsonNode e : JSON.readTree(batch.request()).get("events")) {
                if (seen.add(e.get("eventId").asString())) {
                    long sequence = e.get("sequence").asLong();
                    assertThat(sequence).as("store %s event order", batch.storeId())
                            .isGreaterThan(last.getOrDefault(batch.storeId(), Long.MIN_VALUE));
                    last.put(batch.storeId(), sequence);
                }
            }
        }
    }

    private static void assertReportIsTheSumOfTheStores(Api ho, Api a, Api b, LocalDate date) {
        JsonNode ra = a.get("/api/v1/reports/daily?date=" + date, "manager").json();
        JsonNode rb = b.get("/api/v1/reports/daily?date=" + date, "manager").json();
        JsonNode all = ho.get("/api/ho/v1/reports/daily?date=" + date, "office").json();
        JsonNode onlyA = ho.get("/api/ho/v1/reports/daily?date=" + date + "&storeId=S001", "office").json();
        for (String f : FIGURES) {
            assertThat(all.get("byStore").get("S001").get(f)).as("S001 " + f).isEqualTo(ra.get(f));
            assertThat(all.get("byStore").get("S002").get(f)).as("S002 " + f).isEqualTo(rb.get(f));
            assertThat(onlyA.get("currencies").get("EUR").get(f)).as("S001 alone " + f).isEqualTo(ra.get(f));
            assertThat(sum(all.get("currencies").get("EUR").get(f))).as("both " + f)
                    .isEqualTo(sum(ra.get(f), rb.get(f)));
        }
    }

    /** Numbers and amounts added up, objects added key by key; a canonical form for comparing. */
    private static Object sum(JsonNode... nodes) {
        Object total = null;
        for (JsonNode n : nodes) {
            total = add(total, value(n));
        }
        return total;
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return m;
        }
        return new BigDecimal(n.asString());
    }

    @SuppressWarnings("unchecked")
    private static Object add(Object x, Object y) {
        if (x == null) {
            return y;
        }
        if (y == null) {
            return x;
        }
        if (x instanceof BigDecimal bx && y instanceof BigDecimal by) {
            return bx.add(by);
        }
        Map<String, Object> out = new TreeMap<>((Map<String, Object>) x);
        ((Map<String, Object>) y).forEach((k, v) -> out.merge(k, v, HeadOfficeSyncIntegrationTests::add));
        return out;
    }

    private static int field(String json, String name) {
        JsonNode n = JSON.readTree(json).get(name);
        return n == null ? 0 : n.asInt();
    }
}
