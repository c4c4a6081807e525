package io.storedesk.pos.headoffice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.caseOpened;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.drawerClosed;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.event;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.loyalty;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.returned;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.voided;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head office over real HTTP on a real PostgreSQL (embedded PostgreSQL 14, a fresh database):
 * store-key sign-in, batches applied once, refused as a whole, the consolidated report, loyalty
 * balances and versions, promotion sets, and who may read what. Events are built by hand as
 * docs/sync-protocol.md describes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/ho-${random.uuid}", "pos.head-office.store-keys.S003=key-three"})
@ActiveProfiles("head-office")
class HeadOfficeIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, String> S001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
    static final Map<String, String> S002 = Map.of("X-Store-Id", "S002", "X-Store-Key", "demo-key-S002");
    static final Map<String, String> S003 = Map.of("X-Store-Id", "S003", "X-Store-Key", "key-three");
    private static final String DATABASE = Postgres.newDatabase("ho");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL 14");
    }

    @Test
    void storesSignInWithTheirKeyAndPostOnlyUnderTheirOwnId() {
        String body = batch(caseOpened("S001", "C-KEY-1"));
        Api.Response wrongKey = call("POST", "/api/ho/v1/stores/S001/events",
                Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S002"), null, body);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        assertThat(wrongKey.text("type")).isEqualTo("https://storedesk.io/problems/store-key-invalid");
        Api.Response unknownStore = call("POST", "/api/ho/v1/stores/S009/events",
                Map.of("X-Store-Id", "S009", "X-Store-Key", "anything"), null, body);
        assertThat(unknownStore.status()).isEqualTo(401);
        assertThat(call("POST", "/api/ho/v1/stores/S001/events", Map.of(), null, body).status()).isEqualTo(401);

        Api.Response otherStore = call("POST", "/api/ho/v1/stores/S001/events", S002, null, body);
        assertThat(otherStore.status()).isEqualTo(403);
        assertThat(otherStore.text("type")).isEqualTo("https://storedesk.io/problems/store-mismatch");
        assertThat(call("POST", "/api/ho/v1/stores/S001/events", Map.of(), "office", body).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE payload LIKE '%C-KEY-1%'").query(Long.class).single())
                .isZero();

        Api.Response ok = call("POST", "/api/ho/v1/stores/S001/events", S001, null, body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("applied").asInt()).isEqualTo(1);
        // a store key opens nothing but the head-office store endpoints (the store's API is not even served here)
        assertThat(call("GET", "/api/v1/reports/daily?date=2026-11-24", S001, null, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/ho/v1/reports/daily?date=2026-11-24", S001, null, null).status()).isEqualTo(403);
    }

    @Test
    void aPayloadIsKeptAsSentAndABodyThatIsNotCleanJsonIsRefusedWithNothingApplied() {
        // the body is read as a stream (issue 25): what ho_event keeps is the payload's text as the store sent it
        String payload = """
                { "caseNumber": "C-RAW-1", "storeId": "S001",
                  "category": "QUESTION", "note": "Ponožky — Носки \\"3\\"", "openedBy": "clerk" }""";
        Api.Response ok = post("S001", S001, batch(event("CASE_OPENED", payload)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT payload FROM ho_event WHERE payload LIKE '%C-RAW-1%'").query(String.class).single())
                .isEqualTo(payload);

        String good = caseOpened("S001", "C-RAW-2");
        String twice = event("CASE_OPENED", """
                {"caseNumber":"C-RAW-2","storeId":"S001","storeId":"S002"}""");
        for (String body : List.of(batch(good).substring(1), batch(good) + " {}", batch(good, twice),
                "{\"events\":[" + good + "],\"events\":[]}")) {
            Api.Response refused = post("S001", S001, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("type")).isEqualTo("https://storedesk.io/problems/malformed-request");
        }
        assertThat(post("S001", S001, batch(good, twice)).text("detail")).contains("'storeId' is given more than once");
        Map<String, String> asText = new LinkedHashMap<>(S001);
        asText.put("Content-Type", "text/plain");
        assertThat(post("S001", asText, batch(good)).status()).isEqualTo(415);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE payload LIKE '%C-RAW-2%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aResentBatchIsCountedAsDuplicatesAndAppliedOnce() {
        String card = "2990000000101";
        String entryId = UUID.randomUUID().toString();
        List<String> events = List.of(
                sale("S002", "S002-R01-900001", "2026-02-02", "10", "EUR", "4.00", "0.00", "4.00", "0.69", "0.00",
                        List.of(line(1, "FOOD", 1, "4.00", "0.00", "4.00", "0.69", "21")), List.of(tender("CARD", "4.00"))),
                loyalty("S002", entryId, card, "EARN", 4),
                drawerClosed("S002"), caseOpened("S002", "C-DUP-1"));
        Api.Response first = post("S002", S002, batch(events));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(JSON.readTree("{\"received\":4,\"applied\":4,\"duplicates\":0}"));

        List<String> resend = new ArrayList<>(events);
        resend.add(caseOpened("S002", "C-DUP-2"));
        Api.Response second = post("S002", S002, batch(resend));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(JSON.readTree("{\"received\":5,\"applied\":1,\"duplicates\":4}"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE store_id = 'S002' AND payload LIKE '%C-DUP-%'")
                .query(Long.class).single()).isEqualTo(2);
        JsonNode report = office("/api/ho/v1/reports/daily?date=2026-02-02&storeId=S002").json();
        assertThat(report.get("byStore").get("S002").get("salesCount").asInt()).isEqualTo(1);
        assertThat(report.get("byStore").get("S002").get("salesTotal").asString()).isEqualTo("4.00");
        assertThat(account(card, S002).get("balance").asLong()).isEqualTo(4);
    }

    @Test
    void theSameBatchSentTwiceAtOnceIsAppliedExactlyOnce() throws Exception {
        String card = "2990000000303";
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(i % 2 == 0 ? caseOpened("S001", "C-PAR-" + i)
                    : loyalty("S001", UUID.randomUUID().toString(), card, "EARN", 1));
        }
        String body = batch(events);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> post("S001", S001, body));
            var b = pool.submit(() -> post("S001", S001, body));
            JsonNode first = a.get().json();
            JsonNode second = b.get().json();
            assertThat(first.get("applied").asInt() + second.get("applied").asInt()).isEqualTo(200);
            assertThat(first.get("duplicates").asInt() + second.get("duplicates").asInt()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE payload LIKE '%C-PAR-%'").query(Long.class).single())
                .isEqualTo(100);
        assertThat(account(card, S001).get("balance").asLong()).isEqualTo(100);
    }

    @Test
    void bigBatchesAreAppliedOnceAsSentAndAddUpInTheReport() {
        // from 50 rows on, PostgreSQL takes a batch's events and detail rows with COPY: text with a tab,
        // a line break, a backslash, quotes and a non-ASCII letter must arrive as sent
        String day = "2026-06-07";
        String department = "B\u00e4ck\\terei \\\\ \\\"x\\\"\\nend"; // JSON for: Bäck<tab>erei \ "x"<newline>end
        String sentDepartment = "B\u00e4ck\terei \\ \"x\"\nend";
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sales.add(sale("S003", "S003-R01-" + (7000 + i), day, "15", "EUR", "2.00", "0.00", "2.00", "0.35", "0.00",
                    List.of(line(1, department, 1, "2.00", "0.00", "2.00", "0.35", "21")),
                    List.of(tender("CASH", "2.00"))));
        }
        Api.Response first = post("S003", S003, batch(sales));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()).isEqualTo(JSON.readTree("{\"received\":60,\"applied\":60,\"duplicates\":0}"));

        List<String> second = new ArrayList<>(sales); // sent again, with post-voids and returns of 50 of them
        for (int i = 0; i < 50; i++) {
            second.add(voided("S003", "S003-R01-" + (7000 + i), day, "EUR", "2.00"));
            second.add(returned("S003", "S003-R01-RT-" + (7000 + i), "S003-R01-" + (7000 + i), day, "EUR", "1.00",
                    "0.00", "CASH"));
        }
        Api.Response again = post("S003", S003, batch(second));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(JSON.readTree("{\"received\":160,\"applied\":100,\"duplicates\":60}"));

        JsonNode store = office("/api/ho/v1/reports/daily?date=" + day + "&storeId=S003").json().get("byStore")
                .get("S003");
        assertThat(store.get("salesCount").asInt()).isEqualTo(10);
        assertThat(store.get("salesTotal").asString()).isEqualTo("20.00");
        assertThat(store.get("voids")).isEqualTo(JSON.readTree("{\"count\":50,\"amount\":\"100.00\"}"));
        assertThat(store.get("returnsCount").asInt()).isEqualTo(50);
        assertThat(store.get("returns").asString()).isEqualTo("50.00");
        assertThat(store.get("refundsByTender")).isEqualTo(JSON.readTree("{\"CASH\":\"50.00\"}"));
        assertThat(store.get("byDepartment").properties().iterator().next().getKey()).isEqualTo(sentDepartment);
        assertThat(store.get("byDepartment").get(sentDepartment).asString()).isEqualTo("20.00");
        // the events are kept as received, and the totals equal the sums of the detail rows
        JsonNode kept = JSON.readTree(jdbc.sql("SELECT payload FROM ho_event WHERE store_id = 'S003' AND payload LIKE ?")
                .param("%\"S003-R01-7059\"%").query(String.class).single());
        assertThat(kept.get("lines").get(0).get("department").asString()).isEqualTo(sentDepartment);
        Api.Response rebuilt = call("POST", "/api/ho/v1/reports/daily/rebuild?date=" + day + "&storeId=S003", null,
                "office", null);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void aBigBatchSentTwiceIsAppliedOnceAndReportsAsTheSameSalesInSmallBatches() {
        // a batch of 120 sales, 60 loyalty entries (and, resent, 60 post-voids and 60 returns) goes with COPY
        // (docs/scaling.md); S002 sends the very same documents in batches of 10 (the one statement): the
        // reports, the balances and what is kept must not tell them apart
        String day = "2026-07-14";
        Map<String, List<String>> first = new LinkedHashMap<>();
        Map<String, List<String>> later = new LinkedHashMap<>();
        for (String store : List.of("S001", "S002")) {
            String card = store.equals("S001") ? "2990000000707" : "2990000000808";
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                events.add(sale(store, store + "-R02-" + (8000 + i), day, String.valueOf(9 + i % 8), "EUR", "5.60",
                        "0.10", "5.50", "0.80", "0.00",
                        List.of(line(1, "FOOD", 1, "3.10", "0.00", "3.10", "0.54", "21"),
                                line(2, "DRINK", 2, "1.25", "0.10", "2.40", "0.26", "12")),
                        List.of(tender(i % 2 == 0 ? "CASH" : "CARD", "5.50"))));
                if (i % 2 == 0) {
                    events.add(loyalty(store, UUID.randomUUID().toString(), card, "EARN", 1 + i % 3));
                }
            }
            first.put(store, events);
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                more.add(voided(store, store + "-R02-" + (8000 + i), day, "EUR", "5.50"));
                more.add(returned(store, store + "-R02-RT-" + (8060 + i), store + "-R02-" + (8060 + i), day, "EUR",
                        "2.40", "0.00", i % 2 == 0 ? "CASH" : "CARD"));
            }
            later.put(store, more);
        }

        Api.Response big = post("S001", S001, batch(first.get("S001")));
        assertThat(big.status()).as(big.body()).isEqualTo(200);
        assertThat(big.json()).isEqualTo(JSON.readTree("{\"received\":180,\"applied\":180,\"duplicates\":0}"));
        List<String> resend = new ArrayList<>(first.get("S001")); // the store did not hear the answer: sent again
        resend.addAll(later.get("S001"));
        Api.Response again = post("S001", S001, batch(resend));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(JSON.readTree("{\"received\":300,\"applied\":120,\"duplicates\":180}"));

        List<String> small = new ArrayList<>(first.get("S002"));
        small.addAll(later.get("S002"));
        for (int from = 0; from < small.size(); from += 10) {
            Api.Response r = post("S002", S002, batch(small.subList(from, from + 10)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("applied").asInt()).isEqualTo(10);
        }
        Api.Response dup = post("S002", S002, batch(small.subList(0, 10)));
        assertThat(dup.json()).isEqualTo(JSON.readTree("{\"received\":10,\"applied\":0,\"duplicates\":10}"));

        JsonNode bigStore = office("/api/ho/v1/reports/daily?date=" + day + "&storeId=S001").json().get("byStore")
                .get("S001");
        JsonNode smallStore = office("/api/ho/v1/reports/daily?date=" + day + "&storeId=S002").json().get("byStore")
                .get("S002");
        assertThat(bigStore.get("salesCount").asInt()).isEqualTo(60);
        assertThat(bigStore.get("salesTotal").asString()).isEqualTo("330.00");
        assertThat(bigStore.get("voids")).isEqualTo(JSON.readTree("{\"count\":60,\"amount\":\"330.00\"}"));
        assertThat(bigStore.get("returns").asString()).isEqualTo("144.00");
        assertThat(bigStore).isEqualTo(smallStore);
        assertThat(account("2990000000707", S001).get("balance").asLong()).isEqualTo(120)
                .isEqualTo(account("2990000000808", S002).get("balance").asLong());
        for (String store : List.of("S001", "S002")) { // 120 sales, 60 post-voids, 60 returns; 60 loyalty entries
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE store_id = ? AND payload LIKE '%-R02-%'")
                    .param(store).query(Long.class).single()).isEqualTo(240L);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_loyalty_entry WHERE store_id = ? AND card LIKE '29900000007%'"
                    + " OR store_id = ? AND card LIKE '29900000008%'").param(store).param(store).query(Long.class)
                    .single()).isEqualTo(60L);
        }
        for (String store : List.of("S001", "S002")) {
            Api.Response rebuilt = call("POST", "/api/ho/v1/reports/daily/rebuild?date=" + day + "&storeId=" + store,
                    null, "office", null);
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(rebuilt.json().get("changed").asBoolean()).isFalse();
        }
    }

    @Test
    void twoStoresEarningOnTheSameCardAtOnceAddUp() throws Exception {
        String card = "2990000000404";
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            one.add(loyalty("S001", UUID.randomUUID().toString(), card, "EARN", 2));
            two.add(loyalty("S002", UUID.randomUUID().toString(), card, "EARN", 3));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> post("S001", S001, batch(one)));
            var b = pool.submit(() -> post("S002", S002, batch(two)));
            assertThat(a.get().status()).isEqualTo(200);
            assertThat(b.get().status()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        assertThat(account(card, S001).get("balance").asLong()).isEqualTo(50 * 2 + 50 * 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_loyalty_entry WHERE card = ?").param(card).query(Long.class).single())
                .isEqualTo(100);
        // each batch is one change of the card: its own version counts them
        assertThat(account(card, S001).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aMalformedBatchIsRefusedAsAWholeNamingTheEvent() {
        String goodId = UUID.randomUUID().toString();
        String badId = UUID.randomUUID().toString();
        String good = event(goodId, "CASE_OPENED", "{\"caseNumber\":\"C-BAD-1\",\"storeId\":\"S001\",\"openedBy\":\"clerk\","
                + "\"openedAt\":\"2026-11-24T09:00:00Z\"}");
        String missingTotal = event(badId, "SALE_COMPLETED", """
                {"receiptNumber":"S001-R01-77","storeId":"S001","businessDate":"2026-11-24","hour":"09",\
                "currency":"EUR","subtotal":"1.00","discountTotal":"0.00","taxTotal":"0.17","cashRounding":"0.00",\
                "lines":[],"tenders":[]}""");
        Api.Response refused = post("S001", S001, batch(good, missingTotal));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("eventId")).isEqualTo(badId);
        assertThat(refused.text("detail")).contains(badId).contains("payload.total");

        String unknownType = event(badId, "SALE_TELEPORTED", "{\"storeId\":\"S001\"}");
        Api.Response unknown = post("S001", S001, batch(good, unknownType));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("eventId")).isEqualTo(badId);

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(caseOpened("S001", "C-MANY-" + i));
        }
        Api.Response tooLarge = post("S001", S001, batch(tooMany));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.text("type")).isEqualTo("https://storedesk.io/problems/batch-too-large");
        assertThat(post("S001", S001, "{\"events\":").status()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE event_id IN (?, ?)").params(goodId, badId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ho_event WHERE payload LIKE '%C-MANY-%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theConsolidatedReportSumsTheStoresPerCurrencyWithVoidsAndReturnsTakenOut() {
        String day = "2026-05-04";
        List<String> s001 = List.of(
                sale("S001", "S001-R01-5001", day, "09", "EUR", "13.00", "1.00", "12.00", "1.88", "0.00",
                        List.of(line(1, "FOOD", 2, "1.50", "0.00", "3.00", "0.32", "12"),
                                line(2, "CLOTHING", 1, "10.00", "1.00", "9.00", "1.56", "21")),
                        List.of(tender("CASH", "12.00"))),
                sale("S001", "S001-R01-5002", day, "10", "EUR", "5.03", "0.00", "5.03", "0.54", "0.02",
                        List.of(line(1, "FOOD", 1, "5.03", "0.00", "5.03", "0.54", "12")),
                        List.of(tender("CASH", "5.05"))),
                sale("S001", "S001-R01-5003", day, "10", "EUR", "20.00", "0.00", "20.00", "3.47", "0.00",
                        List.of(line(1, "HOUSEHOLD", 1, "20.00", "0.00", "20.00", "3.47", "21")),
                        List.of(tender("CARD", "20.00"))),
                voided("S001", "S001-R01-5003", day, "EUR", "20.00"),
                returned("S001", "S001-R01-RT-1", "S001-R01-5001", day, "EUR", "1.50", "0.00", "CASH"),
                returned("S001", "S001-R01-RT-2", "S001-R01-5001", "2026-05-05", "EUR", "9.00", "0.00", "CARD"));
        List<String> s002 = List.of(
                sale("S002", "S002-R01-5001", day, "14", "EUR", "7.00", "0.00", "7.00", "0.75", "0.00",
                        List.of(line(1, "FOOD", 1, "7.00", "0.00", "7.00", "0.75", "12")),
                        List.of(tender("CARD", "7.00"))));
        List<String> s003 = List.of(
                sale("S003", "S003-R01-5001", day, "11", "CZK", "121.00", "0.00", "121.00", "21.00", "0.00",
                        List.of(line(1, "TOYS", 1, "121.00", "0.00", "121.00", "21.00", "21")),
                        List.of(tender("CASH", "121.00"))));
        assertThat(post("S001", S001, batch(s001)).status()).isEqualTo(200);
        assertThat(post("S002", S002, batch(s002)).status()).isEqualTo(200);
        assertThat(post("S003", S003, batch(s003)).status()).isEqualTo(200);

        String storeOne = """
                {"currency":"EUR","salesCount":2,"grossSales":"18.03","discounts":"1.00","salesTotal":"17.03",
                 "returns":"1.50","returnsCount":1,"refundRate":"0.0881","netSales":"15.53","taxTotal":"2.42","cashRounding":"0.02",
                 "taxByRate":{"12":{"net":"7.17","tax":"0.86","gross":"8.03"},"21":{"net":"7.44","tax":"1.56","gross":"9.00"}},
                 "tenders":{"CASH":"17.05"},"byDepartment":{"CLOTHING":"9.00","FOOD":"8.03"},
                 "byHour":{"09":"12.00","10":"5.03"},"refundsByTender":{"CASH":"1.50"},"voids":{"count":1,"amount":"20.00"},
                 "taxExempt":{"count":0,"net":"0.00","byReason":{}},
                 "giftCardsSold":{"count":0,"amount":"0.00","activations":{"count":0,"amount":"0.00"},
                  "reloads":{"count":0,"amount":"0.00"}},
                 "manualDiscounts":{"count":0,"amount":"0.00","byReason":{},"byClerk":{}}}""";
        String storeTwo = """
                {"currency":"EUR","salesCount":1,"grossSales":"7.00","discounts":"0.00","salesTotal":"7.00",
                 "returns":"0.00","returnsCount":0,"refundRate":"0.0000","netSales":"7.00","taxTotal":"0.75","cashRounding":"0.00",
                 "taxByRate":{"12":{"net":"6.25","tax":"0.75","gross":"7.00"}},"tenders":{"CARD":"7.00"},
                 "byDepartment":{"FOOD":"7.00"},"byHour":{"14":"7.00"},"refundsByTender":{},"voids":{"count":0,"amount":"0.00"},
                 "taxExempt":{"count":0,"net":"0.00","byReason":{}},
                 "giftCardsSold":{"count":0,"amount":"0.00","activations":{"count":0,"amount":"0.00"},
                  "reloads":{"count":0,"amount":"0.00"}},
                 "manualDiscounts":{"count":0,"amount":"0.00","byReason":{},"byClerk":{}}}""";
        String storeThree = """
                {"currency":"CZK","salesCount":1,"grossSales":"121.00","discounts":"0.00","salesTotal":"121.00",
                 "returns":"0.00","returnsCount":0,"refundRate":"0.0000","netSales":"121.00","taxTotal":"21.00","cashRounding":"0.00",
                 "taxByRate":{"21":{"net":"100.00","tax":"21.00","gross":"121.00"}},"tenders":{"CASH":"121.00"},
                 "byDepartment":{"TOYS":"121.00"},"byHour":{"11":"121.00"},"refundsByTender":{},"voids":{"count":0,"amount":"0.00"},
                 "taxExempt":{"count":0,"net":"0.00","byReason":{}},
                 "giftCardsSold":{"count":0,"amount":"0.00","activations":{"count":0,"amount":"0.00"},
                  "reloads":{"count":0,"amount":"0.00"}},
                 "manualDiscounts":{"count":0,"amount":"0.00","byReason":{},"byClerk":{}}}""";
        String euro = """
                {"salesCount":3,"grossSales":"25.03","discounts":"1.00","salesTotal":"24.03",
                 "returns":"1.50","returnsCount":1,"refundRate":"0.0624","netSales":"22.53","taxTotal":"3.17","cashRounding":"0.02",
                 "taxByRate":{"12":{"net":"13.42","tax":"1.61","gross":"15.03"},"21":{"net":"7.44","tax":"1.56","gross":"9.00"}},
                 "tenders":{"CARD":"7.00","CASH":"17.05"},"byDepartment":{"CLOTHING":"9.00","FOOD":"15.03"},
                 "byHour":{"09":"12.00","10":"5.03","14":"7.00"},"refundsByTender":{"CASH":"1.50"},
                 "voids":{"count":1,"amount":"20.00"},
                 "taxExempt":{"count":0,"net":"0.00","byReason":{}},
                 "giftCardsSold":{"count":0,"amount":"0.00","activations":{"count":0,"amount":"0.00"},
                  "reloads":{"count":0,"amount":"0.00"}},
                 "manualDiscounts":{"count":0,"amount":"0.00","byReason":{},"byClerk":{}}}""";

        JsonNode all = office("/api/ho/v1/reports/daily?date=" + day).json();
        assertThat(all.get("date").asString()).isEqualTo(day);
        assertThat(all.get("storeId").isNull()).isTrue();
        assertThat(all.get("stores")).isEqualTo(JSON.readTree("[\"S001\",\"S002\",\"S003\"]"));
        assertThat(all.get("byStore").get("S001")).isEqualTo(JSON.readTree(storeOne));
        assertThat(all.get("byStore").get("S002")).isEqualTo(JSON.readTree(storeTwo));
        assertThat(all.get("byStore").get("S003")).isEqualTo(JSON.readTree(storeThree));
        assertThat(all.get("currencies").get("EUR")).isEqualTo(JSON.readTree(euro));
        JsonNode czk = JSON.readTree(storeThree);
        ((tools.jackson.databind.node.ObjectNode) czk).remove("currency");
        assertThat(all.get("currencies").get("CZK")).isEqualTo(czk);

        JsonNode one = office("/api/ho/v1/reports/daily?date=" + day + "&storeId=S001").json();
        assertThat(one.get("stores")).isEqualTo(JSON.readTree("[\"S001\"]"));
        assertThat(one.get("byStore").get("S001")).isEqualTo(JSON.readTree(storeOne));
        assertThat(one.get("currencies").size()).isEqualTo(1);

        JsonNode nextDay = office("/api/ho/v1/reports/daily?date=2026-05-05&storeId=S001").json().get("byStore").get("S001");
        assertThat(nextDay.get("salesCount").asInt()).isZero();
        assertThat(nextDay.get("returns").asString()).isEqualTo("9.00");
        assertThat(nextDay.get("netSales").asString()).isEqualTo("-9.00");
        assertThat(nextDay.get("refundsByTender")).isEqualTo(JSON.readTree("{\"CARD\":\"9.00\"}"));
    }

    @Test
    void loyaltyBalancesAddEveryStoresEntriesOnceWithPerCardVersionsInTheFeed() {
        String seeded = "2900000000031";
        String fresh = "2990000000202";
        String start = drain("");
        assertThat(account("2900000000017", S001).get("balance").asLong()).isEqualTo(12500);
        assertThat(account(seeded, S001).get("holderName").asString()).isEqualTo("Jiří Dvořák");
        long before = account(seeded, S001).get("balance").asLong();
        long versionBefore = account(seeded, S001).get("version").asLong();

        String earned = UUID.randomUUID().toString();
        assertThat(post("S001", S001, batch(loyalty("S001", earned, seeded, "EARN", 100))).status()).isEqualTo(200);
        Api.Response second = post("S002", S002, batch(loyalty("S002", UUID.randomUUID().toString(), seeded, "REDEEM", -300),
                loyalty("S002", UUID.randomUUID().toString(), fresh, "EARN", 50),
                loyalty("S002", earned, seeded, "EARN", 100)));
        assertThat(second.status()).as(second.body()).isEqualTo(200);

        JsonNode seededAccount = account(seeded, S002);
        assertThat(seededAccount.get("balance").asLong()).isEqualTo(before + 100 - 300);
        assertThat(seededAccount.get("tier").asString()).isEqualTo("BASIC");
        JsonNode freshAccount = account(fresh, S001);
        assertThat(freshAccount.get("balance").asLong()).isEqualTo(50);
        assertThat(freshAccount.get("customerId").isNull()).isTrue();
        assertThat(freshAccount.get("homeStore").asString()).isEqualTo("S002");
        // each card counts its own changes: two batches changed the seeded card, one made the fresh one
        assertThat(seededAccount.get("version").asLong()).isEqualTo(versionBefore + 2);
        assertThat(freshAccount.get("version").asLong()).isEqualTo(1);

        // the feed (a head-office user sees every account): in commit order, a page at a time
        JsonNode page1 = call("GET", "/api/ho/v1/loyalty/accounts?cursor=" + start + "&limit=1", null, "office", null).json();
        assertThat(page1.get("more").asBoolean()).isTrue();
        assertThat(page1.get("accounts").size()).isEqualTo(1);
        assertThat(page1.get("accounts").get(0).get("card").asString()).isEqualTo(seeded);
        assertThat(page1.get("accounts").get(0).get("version").asLong()).isEqualTo(versionBefore + 2);
        JsonNode page2 = call("GET", "/api/ho/v1/loyalty/accounts?cursor=" + page1.get("cursor").asString() + "&limit=1",
                null, "office", null).json();
        assertThat(page2.get("more").asBoolean()).isFalse();
        assertThat(page2.get("accounts").get(0).get("card").asString()).isEqualTo(fresh);
        assertThat(page2.get("accounts").get(0).get("asOf").asString()).endsWith("Z");
        JsonNode none = call("GET", "/api/ho/v1/loyalty/accounts?cursor=" + page2.get("cursor").asString(), null,
                "office", null).json();
        assertThat(none.get("accounts").size()).isZero();
        assertThat(none.get("cursor").asString()).isNotBlank();

        Api.Response badCursor = call("GET", "/api/ho/v1/loyalty/accounts?cursor=not-a-cursor", S001, null, null);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.contentType()).startsWith("application/problem+json");
        assertThat(badCursor.text("type")).isEqualTo("https://storedesk.io/problems/invalid-cursor");
        assertThat(call("GET", "/api/ho/v1/loyalty/accounts?limit=0", S001, null, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/ho/v1/loyalty/accounts/2999999999999", S001, null, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/ho/v1/loyalty/accounts/" + seeded, null, "clerk", null).status()).isEqualTo(403);
    }

    @Test
    void promotionSetsArePublishedByHeadOfficeAndPulledByVersion() {
        long current = call("GET", "/api/ho/v1/promotions?since=0", S001, null, null).json().get("version").asLong();
        assertThat(current).isPositive();
        assertThat(call("GET", "/api/ho/v1/promotions?since=" + current, S001, null, null).status()).isEqualTo(204);

        String set = """
                {"promotions":[{"code":"HO-TEST-10","description":"Head office: -10 % with HOTEST","kind":"PERCENT_OFF",
                 "scope":"BASKET","percent":"10","coupon":"HOTEST","validFrom":"2026-01-01"}]}""";
        assertThat(call("PUT", "/api/ho/v1/promotions", S001, null, set).status()).isEqualTo(403);
        assertThat(call("PUT", "/api/ho/v1/promotions", null, "manager", set).status()).isEqualTo(403);
        assertThat(call("PUT", "/api/ho/v1/promotions", null, "office",
                "{\"promotions\":[{\"code\":\"X\",\"kind\":\"NOPE\",\"scope\":\"BASKET\"}]}").status()).isEqualTo(400);
        Api.Response published = call("PUT", "/api/ho/v1/promotions", null, "office", set);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asLong()).isEqualTo(current + 1);

        Api.Response pulled = call("GET", "/api/ho/v1/promotions?since=" + current, S002, null, null);
        assertThat(pulled.status()).isEqualTo(200);
        assertThat(pulled.json().get("version").asLong()).isEqualTo(current + 1);
        assertThat(pulled.json().get("publishedAt").asString()).isNotBlank();
        assertThat(pulled.json().get("promotions")).isEqualTo(JSON.readTree(set).get("promotions"));
        assertThat(call("GET", "/api/ho/v1/promotions?since=" + (current + 1), S002, null, null).status()).isEqualTo(204);
    }

    @Test
    void headOfficeUsersReadTheReportOthersDoNot() {
        String path = "/api/ho/v1/reports/daily?date=2026-11-24";
        assertThat(office(path).status()).isEqualTo(200);
        assertThat(call("GET", path, null, "clerk", null).status()).isEqualTo(403);
        assertThat(call("GET", path, null, "manager", null).status()).isEqualTo(403);
        assertThat(call("GET", path, S001, null, null).status()).isEqualTo(403);
        assertThat(call("GET", path, null, null, null).status()).isEqualTo(401);
    }

    /** Follows the feed as a head-office user to its end; the cursor there. */
    private String drain(String cursor) {
        JsonNode page;
        do {
            page = call("GET", "/api/ho/v1/loyalty/accounts?limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor),
                    null, "office", null).json();
            cursor = page.get("cursor").asString();
        } while (page.get("more").asBoolean());
        return cursor;
    }

    private JsonNode account(String card, Map<String, String> store) {
        Api.Response r = call("GET", "/api/ho/v1/loyalty/accounts/" + card, store, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Api.Response office(String path) {
        Api.Response r = call("GET", path, null, "office", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private Api.Response post(String storeId, Map<String, String> store, String body) {
        return call("POST", "/api/ho/v1/stores/" + storeId + "/events", store, null, body);
    }

    /** One request with the store's key headers or a user's Basic credentials (password = user name). */
    Api.Response call(String method, String path, Map<String, String> store, String user, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (store != null) {
            store.forEach(b::setHeader); // a Content-Type among them replaces application/json
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            return new Api.Response(r.statusCode(), r.body(), headers);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
