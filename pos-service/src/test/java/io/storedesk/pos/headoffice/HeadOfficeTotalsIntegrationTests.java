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
                "pos.head-office.store-keys.S006=key-six", "pos.head-office.store-keys.S007=key-seven",
                "pos.head-office.store-keys.S009=key-nine"})
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

    /** A sale of one line on the day, in a department of its own, paid in cash. */
    private static String daySale(String store, String receipt, String day, String department, String total) {
        return sale(store, receipt, day, "12", "EUR", total, "0.00", total, "0.00", "0.00",
                List.of(line(1, department, 1, total, "0.00", total, "0.00", "0")), List.of(tender("CASH", total)));
    }

    @Test
    void aRangeAcrossMonthsEqualsTheSumOfItsDaysWithLatePostVoidsAndAfterARebuild() {
        Api api = new Api(port);
        String s = "S009";
        send(api, s, "key-nine", List.of(
                daySale(s, "M-1", "2026-01-02", "ONLY-JAN-2", "1.10"), // outside the ranges below
                daySale(s, "M-2", "2026-01-03", "FOOD", "2.20"),
                daySale(s, "M-3", "2026-01-31", "FOOD", "3.30"),
                daySale(s, "M-4", "2026-02-01", "DRINKS", "4.40"),
                daySale(s, "M-5", "2026-02-14", "ONLY-FEB-14", "5.50"),
                daySale(s, "M-6", "2026-02-28", "FOOD", "6.60"),
                daySale(s, "M-7", "2026-03-01", "TOYS", "7.70"),
                daySale(s, "M-8", "2026-03-30", "FOOD", "8.80"),
                daySale(s, "M-9", "2026-03-31", "ONLY-MAR-31", "9.90"), // outside the ranges below
                returned(s, s + "-X-1", "M-4", "2026-03-02", "EUR", "4.40", "0.00", "CARD")));
        // post-voids arriving after their sales, on later business days (one in a later month), and one
        // arriving before its sale
        send(api, s, "key-nine", List.of(voided(s, "M-5", "2026-03-05", "EUR", "5.50"),
                voided(s, "M-3", "2026-01-31", "EUR", "3.30"), voided(s, "M-10", "2026-02-20", "EUR", "1.00")));
        send(api, s, "key-nine", List.of(daySale(s, "M-10", "2026-02-10", "LATE", "1.00")));

        // Jan 3 - Mar 30: January and March partial (read as their month less the days outside), February whole;
        // Jan 31 - Mar 1, Feb 1 - Feb 28, Feb 10 - Mar 5, Jan 2 - Apr 1 and single days: each the sum of its days
        List<String[]> ranges = List.of(new String[] {"2026-01-03", "2026-03-30"},
                new String[] {"2026-01-31", "2026-03-01"}, new String[] {"2026-02-01", "2026-02-28"},
                new String[] {"2026-02-10", "2026-03-05"}, new String[] {"2026-01-02", "2026-04-01"},
                new String[] {"2026-02-14", "2026-02-14"});
        for (String[] range : ranges) {
            assertRangeIsTheSumOfItsDays(api, s, range[0], range[1]);
        }
        JsonNode wide = rangeOf(api, s, "2026-01-03", "2026-03-30");
        assertThat(wide.get("byDepartment").toString()).isEqualTo("{\"DRINKS\":\"4.40\",\"FOOD\":\"17.60\",\"TOYS\":\"7.70\"}");
        assertThat(wide.get("salesCount").asLong()).isEqualTo(5);
        assertThat(wide.get("voids").get("count").asLong()).isEqualTo(3);
        assertThat(wide.get("returns").asString()).isEqualTo("4.40");

        // the rebuild keeps the month rows right: a day and its month that had drifted alike are summed again
        JsonNode february = rangeOf(api, s, "2026-02-01", "2026-02-28");
        jdbc.update("UPDATE ho_day_total SET sales_total = sales_total + 100, sales_count = sales_count + 1 "
                + "WHERE store_id = ? AND business_date = DATE '2026-02-28'", s);
        jdbc.update("UPDATE ho_month_total SET sales_total = sales_total + 100, sales_count = sales_count + 1 "
                + "WHERE store_id = ? AND month_start = DATE '2026-02-01'", s);
        jdbc.update("UPDATE ho_month_figure SET amount = amount + 100 WHERE store_id = ? "
                + "AND month_start = DATE '2026-02-01' AND kind = 'DEPARTMENT' AND figure_key = 'FOOD'", s);
        assertThat(rangeOf(api, s, "2026-02-01", "2026-02-28")).isNotEqualTo(february);
        Api.Response rebuilt = api.post("/api/ho/v1/reports/daily/rebuild?date=2026-02-28&storeId=" + s, "office", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("changed").asBoolean()).isTrue();
        assertThat(rangeOf(api, s, "2026-02-01", "2026-02-28")).isEqualTo(february);
        for (String[] range : ranges) {
            assertRangeIsTheSumOfItsDays(api, s, range[0], range[1]);
        }
        Api.Response again = api.post("/api/ho/v1/reports/daily/rebuild?date=2026-02-01&storeId=" + s, "office", "");
        assertThat(again.json().get("changed").asBoolean()).isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static JsonNode rangeOf(Api api, String store, String from, String to) {
        return store(api, "/api/ho/v1/reports/range?from=" + from + "&to=" + to + "&storeId=" + store, store);
    }

    /** The range report of the store (alone and among all stores) equals its one-day range reports added up. */
    private static void assertRangeIsTheSumOfItsDays(Api api, String store, String from, String to) {
        tools.jackson.databind.node.ObjectNode sum = null;
        for (java.time.LocalDate d = java.time.LocalDate.parse(from); !d.isAfter(java.time.LocalDate.parse(to));
                d = d.plusDays(1)) {
            JsonNode day = withoutRates(rangeOf(api, store, d.toString(), d.toString()));
            sum = (tools.jackson.databind.node.ObjectNode) (sum == null ? day : plus(sum, day));
        }
        assertThat(withoutRates(rangeOf(api, store, from, to))).as(from + " .. " + to).isEqualTo(withoutRates(sum));
        assertThat(withoutRates(store(api, "/api/ho/v1/reports/range?from=" + from + "&to=" + to, store)))
                .as(from + " .. " + to).isEqualTo(withoutRates(sum));
    }

    /** The report without its ratios (refundRate, a clerk's discountRate), which are not summed but divided. */
    private static JsonNode withoutRates(JsonNode report) {
        JsonNode out = report.deepCopy();
        java.util.ArrayDeque<JsonNode> objects = new java.util.ArrayDeque<>(List.of(out));
        while (!objects.isEmpty()) {
            JsonNode o = objects.pop();
            if (o.isObject()) {
                ((tools.jackson.databind.node.ObjectNode) o).remove("refundRate");
                ((tools.jackson.databind.node.ObjectNode) o).remove("discountRate");
                o.properties().forEach(e -> objects.push(e.getValue()));
            }
        }
        return out;
    }

    /** Two report objects added up: counts as numbers, amounts as decimals (2 places, EUR), maps by key. */
    private static JsonNode plus(JsonNode a, JsonNode b) {
        if (a.isObject()) {
            tools.jackson.databind.node.ObjectNode out = ((tools.jackson.databind.node.ObjectNode) a).deepCopy();
            b.properties().forEach(e -> out.set(e.getKey(), out.has(e.getKey()) ? plus(out.get(e.getKey()),
                    e.getValue()) : e.getValue()));
            return out;
        }
        if (a.isNumber()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(Math.toIntExact(a.asLong()
                    + b.asLong())); // as the report's JSON reads back
        }
        if (a.isString() && a.asString().matches("-?\\d+\\.\\d+")) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(new java.math.BigDecimal(a.asString())
                    .add(new java.math.BigDecimal(b.asString())).setScale(2).toPlainString());
        }
        return a;
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
