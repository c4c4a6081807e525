package io.storedesk.pos.headoffice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.batch;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.returned;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.voided;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.zReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Head office's per store and day totals over real HTTP on PostgreSQL: the same documents sent in
 * any order, with duplicates and resends under other event ids, report the same figures, equal to
 * a rebuild from the detail rows; a range report is the sum of its days; each store's day is
 * COMPLETE, WAITING_FOR_Z or INCOMPLETE against its Z report; a bad range is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/ho-totals-${random.uuid}",
                "pos.head-office.store-keys.S004=key-four", "pos.head-office.store-keys.S005=key-five",
                "pos.head-office.store-keys.S006=key-six", "pos.head-office.store-keys.S007=key-seven"})
@ActiveProfiles("head-office")
class HeadOfficeTotalsIntegrationTests {

    private static final String DATABASE = Postgres.newDatabase("hototals");
    private static final String DAY1 = "2026-03-02";
    private static final String DAY2 = "2026-03-03";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    /** The documents of a store's two days: three sales on day 1 (one post-voided), a return, a sale on day 2. */
    private static List<String> documents(String store) {
        return List.of(
                sale(store, store + "-R01-1", DAY1, "09", "EUR", "10.00", "1.00", "9.00", "1.56", "0.00",
                        List.of(line(1, "FOOD", 1, "6.00", "1.00", "5.00", "0.54", "12"),
                                line(2, "DRINKS", 1, "4.00", "0.00", "4.00", "0.69", "21")),
                        List.of(tender("CASH", "5.00"), tender("CARD", "4.00"))),
                sale(store, store + "-R01-2", DAY1, "10", "EUR", "3.00", "0.00", "3.00", "0.52", "0.00",
                        List.of(line(1, "TOYS", 1, "3.00", "0.00", "3.00", "0.52", "21")),
                        List.of(tender("GIFT", "3.00"))),
                sale(store, store + "-R01-3", DAY1, "10", "EUR", "2.40", "0.00", "2.40", "0.26", "0.00",
                        List.of(line(1, "FOOD", 2, "1.20", "0.00", "2.40", "0.26", "12")),
                        List.of(tender("CARD", "2.40"))),
                voided(store, store + "-R01-2", DAY1, "EUR", "3.00"),
                returned(store, store + "-X-1", store + "-R01-1", DAY1, "EUR", "4.00", "0.00", "CASH"),
                sale(store, store + "-R01-4", DAY2, "16", "EUR", "7.25", "0.00", "7.25", "0.78", "0.00",
                        List.of(line(1, "FOOD", 1, "7.25", "0.00", "7.25", "0.78", "12")),
                        List.of(tender("CASH", "7.25"))));
    }

    @Test
    void totalsAreTheSameInAnyOrderWithDuplicatesAndEqualARebuildFromTheDetail() {
        Api api = new Api(port);
        List<String> natural = documents("S004");
        assertThat(send(api, "S004", "key-four", natural).json().get("applied").asInt()).isEqualTo(6);

        // the same documents of S005: the void first, then duplicates and resends under other event ids
        List<String> docs = documents("S005");
        send(api, "S005", "key-five", List.of(docs.get(3), docs.get(4)));
        send(api, "S005", "key-five", List.of(docs.get(5), docs.get(1), docs.get(3)));
        List<String> resent = new ArrayList<>(documents("S005")); // same documents, new event ids
        resent.add(docs.get(0));
        resent.add(docs.get(2));
        resent.add(docs.get(3)); // sent already: a duplicate event
        resent.add(docs.get(4));
        Api.Response last = send(api, "S005", "key-five", resent);
        assertThat(last.json().get("duplicates").asInt()).isEqualTo(2);

        for (String day : List.of(DAY1, DAY2)) {
            JsonNode four = store(api, "/api/ho/v1/reports/daily?date=" + day + "&storeId=S004", "S004");
            JsonNode five = store(api, "/api/ho/v1/reports/daily?date=" + day + "&storeId=S005", "S005");
            assertThat(five).as(day).isEqualTo(four);
        }
        JsonNode day1 = store(api, "/api/ho/v1/reports/daily?date=" + DAY1, "S004");
        assertThat(day1.get("salesCount").asLong()).isEqualTo(2);
        assertThat(day1.get("grossSales").asString()).isEqualTo("12.40");
        assertThat(day1.get("discounts").asString()).isEqualTo("1.00");
        assertThat(day1.get("salesTotal").asString()).isEqualTo("11.40");
        assertThat(day1.get("returns").asString()).isEqualTo("4.00");
        assertThat(day1.get("netSales").asString()).isEqualTo("7.40");
        assertThat(day1.get("voids").get("count").asLong()).isEqualTo(1);
        assertThat(day1.get("voids").get("amount").asString()).isEqualTo("3.00");
        assertThat(day1.get("tenders").toString()).isEqualTo("{\"CARD\":\"6.40\",\"CASH\":\"5.00\"}");
        assertThat(day1.get("byDepartment").toString()).isEqualTo("{\"DRINKS\":\"4.00\",\"FOOD\":\"7.40\"}");
        assertThat(day1.get("byHour").toString()).isEqualTo("{\"09\":\"9.00\",\"10\":\"2.40\"}");
        assertThat(day1.get("taxByRate").get("21").get("gross").asString()).isEqualTo("4.00");
        assertThat(day1.get("refundsByTender").toString()).isEqualTo("{\"CASH\":\"4.00\"}");

        for (String store : List.of("S004", "S005")) {
            Api.Response rebuilt = api.post("/api/ho/v1/reports/daily/rebuild?date=" + DAY1 + "&storeId=" + store,
                    "office", "");
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(rebuilt.json().get("changed").asBoolean()).as(store).isFalse();
        }
        assertThat(store(api, "/api/ho/v1/reports/daily?date=" + DAY1, "S005")).isEqualTo(day1);
    }

    @Test
    void aRangeReportIsTheSumOfItsDays() {
        Api api = new Api(port);
        send(api, "S004", "key-four", documents("S004"));
        JsonNode range = api.get("/api/ho/v1/reports/range?from=" + DAY1 + "&to=" + DAY2, "office").json();
        assertThat(range.get("from").asString()).isEqualTo(DAY1);
        assertThat(range.get("to").asString()).isEqualTo(DAY2);
        JsonNode one = range.get("byStore").get("S004");
        JsonNode first = store(api, "/api/ho/v1/reports/daily?date=" + DAY1, "S004");
        JsonNode second = store(api, "/api/ho/v1/reports/daily?date=" + DAY2, "S004");
        assertThat(one.get("salesCount").asLong())
                .isEqualTo(first.get("salesCount").asLong() + second.get("salesCount").asLong());
        for (String field : List.of("grossSales", "discounts", "salesTotal", "returns", "netSales", "taxTotal")) {
            assertThat(new java.math.BigDecimal(one.get(field).asString())).as(field).isEqualTo(
                    new java.math.BigDecimal(first.get(field).asString())
                            .add(new java.math.BigDecimal(second.get(field).asString())));
        }
        assertThat(one.get("tenders").toString()).isEqualTo("{\"CARD\":\"6.40\",\"CASH\":\"12.25\"}");
        assertThat(one.get("byDepartment").get("FOOD").asString()).isEqualTo("14.65");
        assertThat(one.get("byClerk").get("clerk").asString()).isEqualTo("18.65");
        JsonNode oneStore = api.get("/api/ho/v1/reports/range?from=" + DAY1 + "&to=" + DAY2 + "&storeId=S004",
                "office").json();
        assertThat(oneStore.get("stores").toString()).isEqualTo("[\"S004\"]");
        assertThat(oneStore.get("byStore").get("S004")).isEqualTo(one);
    }

    @Test
    void aStoresDayIsCompleteWaitingForItsZOrIncomplete() {
        Api api = new Api(port);
        List<String> docs = new ArrayList<>(documents("S006"));
        docs.add(zReport("S006", 41, DAY1, 2, "11.40", 1, "3.00", 1, "4.00", "7.40"));
        // day 2's Z counts a sale head office has not received
        docs.add(zReport("S006", 42, DAY2, 2, "9.25", 0, "0.00", 0, "0.00", "9.25"));
        send(api, "S006", "key-six", docs);
        send(api, "S007", "key-seven", documents("S007"));

        Api.Response answer = api.get("/api/ho/v1/reports/completeness?from=" + DAY1 + "&to=" + DAY2, "office");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, JsonNode> days = new java.util.TreeMap<>();
        answer.json().get("days").forEach(d -> days.put(d.get("storeId").asString() + " "
                + d.get("businessDate").asString(), d));
        assertThat(days.get("S006 " + DAY1).get("status").asString()).isEqualTo("COMPLETE");
        assertThat(days.get("S006 " + DAY1).get("zNumber").asLong()).isEqualTo(41);
        JsonNode incomplete = days.get("S006 " + DAY2);
        assertThat(incomplete.get("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(incomplete.get("expected").get("salesCount").asLong()).isEqualTo(2);
        assertThat(incomplete.get("received").get("salesCount").asLong()).isEqualTo(1);
        assertThat(incomplete.get("expected").get("salesTotal").asString()).isEqualTo("9.25");
        assertThat(incomplete.get("received").get("salesTotal").asString()).isEqualTo("7.25");
        assertThat(days.get("S007 " + DAY1).get("status").asString()).isEqualTo("WAITING_FOR_Z");
        assertThat(days.get("S007 " + DAY1).get("expected").isNull()).isTrue();

        JsonNode oneStore = api.get("/api/ho/v1/reports/completeness?from=" + DAY1 + "&to=" + DAY1
                + "&storeId=S007", "office").json();
        assertThat(oneStore.get("days")).hasSize(1);
    }

    @Test
    void aRangeThatRunsBackwardsOrSpansMoreThanAYearIsRefused() {
        Api api = new Api(port);
        for (String query : List.of("from=2026-03-03&to=2026-03-02", "from=2025-01-01&to=2026-01-02")) {
            for (String report : List.of("range", "completeness")) {
                Api.Response r = api.get("/api/ho/v1/reports/" + report + "?" + query, "office");
                assertThat(r.status()).as(report + " " + query).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.text("type")).isEqualTo("https://storedesk.io/problems/invalid-range");
            }
        }
        assertThat(api.get("/api/ho/v1/reports/range?from=2026-03-03", "office").status()).isEqualTo(400);
        assertThat(api.get("/api/ho/v1/reports/range?from=2025-01-01&to=2026-01-01", "office").status())
                .isEqualTo(200);
        assertThat(api.get("/api/ho/v1/reports/range?from=2026-03-02&to=2026-03-03", "clerk").status())
                .isEqualTo(403);
    }

    private static Api.Response send(Api api, String store, String key, List<String> events) {
        Api.Response r = api.post("/api/ho/v1/stores/" + store + "/events", null, batch(events),
                Map.of("X-Store-Id", store, "X-Store-Key", key));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static JsonNode store(Api api, String path, String store) {
        Api.Response r = api.get(path, "office");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("byStore").get(store);
    }
}
