package io.storedesk.pos.headoffice;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.headoffice.HeadOfficeEvents.line;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.loyalty;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.sale;
import static io.storedesk.pos.headoffice.HeadOfficeEvents.tender;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many times a small store batch waits for PostgreSQL, from admission to commit (issue 25: the
 * p99 of small batches is their round trips under load). Counted on the JDBC calls of the request's
 * thread: each statement executed, each JDBC batch (pgjdbc sends it in one exchange), each COPY
 * (two), each parameter-type look-up, each commit or rollback. The batch's outcome is checked
 * through the API as usual; the count is printed and held to what the ingest path needs now, so an
 * added per-batch round trip shows here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/ho-trips-${random.uuid}",
                "pos.head-office.store-keys.S008=key-eight"})
@ActiveProfiles("head-office")
class HeadOfficeRoundTripsIntegrationTests {

    private static final String DATABASE = Postgres.newDatabase("hotrips");

    /**
     * The round trips a small batch of a known store takes (4 sales and a loyalty entry), its key
     * check included (was 19, then 11); docs/scaling.md.
     */
    static final int SMALL_BATCH_ROUND_TRIPS = 5;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Test
    void aSmallBatchOfSalesAndALoyaltyEntryTakesFewRoundTrips() {
        Api api = new Api(port);
        int first = count(trips(api, batch("S008", 1), 5));
        int steady = count(trips(api, batch("S008", 2), 5));
        System.out.printf("Round trips of a small batch (4 sales + 1 loyalty entry): first of the store %d, "
                + "then %d%n", first, steady);

        JsonNode day = api.get("/api/ho/v1/reports/daily?date=2026-04-07&storeId=S008", "office").json()
                .get("byStore").get("S008");
        assertThat(day.get("salesCount").asLong()).isEqualTo(8);
        assertThat(day.get("salesTotal").asString()).isEqualTo("40.00");
        assertThat(api.get("/api/ho/v1/loyalty/accounts/TRIP-CARD", "office").json().get("balance").asLong())
                .isEqualTo(20);
        assertThat(steady).isLessThanOrEqualTo(SMALL_BATCH_ROUND_TRIPS);
    }

    /**
     * PostgreSQL parses and plans a statement once per connection only if its text stays the same
     * (issue 25): a batch of another shape writing the same tables (one sale of three lines and two
     * tenders, loyalty entries on two cards) is applied with the very statements of the 4-sale batch;
     * the texts depend on which tables a batch writes, not on how many rows.
     */
    @Test
    void batchesOfAnyShapeRunTheSameStatements() {
        Api api = new Api(port);
        List<String> four = trips(api, batch("S008", 3, "2026-04-09", "SHAPE-CARD-0"), 5);
        List<String> events = new ArrayList<>();
        events.add(sale("S008", "S008-SHAPE-1", "2026-04-08", "12", "EUR", "12.00", "0.00", "12.00", "2.08", "0.00",
                List.of(line(1, "FOOD", 1, "5.00", "0.00", "5.00", "0.87", "21"),
                        line(2, "FOOD", 1, "4.00", "0.00", "4.00", "0.69", "21"),
                        line(3, "DRINK", 1, "3.00", "0.00", "3.00", "0.52", "21")),
                List.of(tender("CASH", "2.00"), tender("CARD", "10.00"))));
        events.add(loyalty("S008", java.util.UUID.randomUUID().toString(), "SHAPE-CARD-1", "EARN", 7));
        events.add(loyalty("S008", java.util.UUID.randomUUID().toString(), "SHAPE-CARD-2", "EARN", 5));
        List<String> other = trips(api, events, 3);

        assertThat(other).isEqualTo(four);
        JsonNode day = api.get("/api/ho/v1/reports/daily?date=2026-04-08&storeId=S008", "office").json()
                .get("byStore").get("S008");
        assertThat(day.get("salesCount").asLong()).isEqualTo(1);
        assertThat(day.get("salesTotal").asString()).isEqualTo("12.00");
        assertThat(api.get("/api/ho/v1/loyalty/accounts/SHAPE-CARD-1", "office").json().get("balance").asLong())
                .isEqualTo(7);
        assertThat(api.get("/api/ho/v1/loyalty/accounts/SHAPE-CARD-2", "office").json().get("balance").asLong())
                .isEqualTo(5);
    }

    /**
     * A big batch (60 sales, 60 loyalty entries) appends its events, detail rows and entries with
     * COPY (from {@code BatchStatement.COPY_FROM_ROWS} rows of a table in a batch of as many events), in
     * the same transaction: a COPY per such table, then the one statement, so its round trips do not
     * grow with its rows.
     */
    @Test
    void aBigBatchAppendsItsRowsWithCopy() {
        Api api = new Api(port);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            events.add(sale("S008", "S008-BIG-" + i, "2026-04-10", "13", "EUR", "5.00", "0.00", "5.00", "0.87", "0.00",
                    List.of(line(1, "FOOD", 1, "5.00", "0.00", "5.00", "0.87", "21")),
                    List.of(tender("CARD", "5.00"))));
            events.add(loyalty("S008", java.util.UUID.randomUUID().toString(), "BIG-CARD", "EARN", 2));
        }
        List<String> calls = trips(api, events, 120);

        // ho_event, ho_sale, ho_sale_line, ho_sale_tender, ho_loyalty_entry: 5 COPYs of 2 round trips each
        assertThat(calls.stream().filter(c -> c.startsWith("COPY")).count()).isEqualTo(5);
        assertThat(count(calls)).isLessThanOrEqualTo(SMALL_BATCH_ROUND_TRIPS + 5 * 2);
        JsonNode day = api.get("/api/ho/v1/reports/daily?date=2026-04-10&storeId=S008", "office").json()
                .get("byStore").get("S008");
        assertThat(day.get("salesCount").asLong()).isEqualTo(60);
        assertThat(day.get("salesTotal").asString()).isEqualTo("300.00");
        assertThat(api.get("/api/ho/v1/loyalty/accounts/BIG-CARD", "office").json().get("balance").asLong())
                .isEqualTo(120);
    }

    /**
     * A mid-size batch (20 sales of 3 lines: 60 lines, 20 events) stays in the one statement: COPY is
     * for batches of {@code BatchStatement.COPY_FROM_ROWS} events and more, so the lines' table alone
     * reaching that many rows costs no COPY's two round trips.
     */
    @Test
    void aMidSizeBatchTakesTheRoundTripsOfASmallOne() {
        Api api = new Api(port);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            events.add(sale("S008", "S008-MID-" + i, "2026-04-11", "14", "EUR", "6.00", "0.00", "6.00", "1.04", "0.00",
                    List.of(line(1, "FOOD", 1, "1.00", "0.00", "1.00", "0.17", "21"),
                            line(2, "FOOD", 1, "2.00", "0.00", "2.00", "0.35", "21"),
                            line(3, "DRINK", 1, "3.00", "0.00", "3.00", "0.52", "21")),
                    List.of(tender("CARD", "6.00"))));
        }
        List<String> calls = trips(api, events, 20);

        assertThat(calls).noneMatch(c -> c.startsWith("COPY"));
        assertThat(count(calls)).isLessThanOrEqualTo(SMALL_BATCH_ROUND_TRIPS);
        JsonNode day = api.get("/api/ho/v1/reports/daily?date=2026-04-11&storeId=S008", "office").json()
                .get("byStore").get("S008");
        assertThat(day.get("salesCount").asLong()).isEqualTo(20);
        assertThat(day.get("salesTotal").asString()).isEqualTo("120.00");
    }

    private static List<String> batch(String store, int n) {
        return batch(store, n, "2026-04-07", "TRIP-CARD");
    }

    private static List<String> batch(String store, int n, String date, String card) {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(sale(store, store + "-T" + n + "-" + i, date, "11", "EUR", "5.00", "0.00", "5.00",
                    "0.87", "0.00", List.of(line(1, "FOOD", 1, "5.00", "0.00", "5.00", "0.87", "21")),
                    List.of(tender(i % 2 == 0 ? "CASH" : "CARD", "5.00"))));
        }
        events.add(loyalty(store, java.util.UUID.randomUUID().toString(), card, "EARN", 10));
        return events;
    }

    /** The round trips of a request's calls (a COPY takes two). */
    private static int count(List<String> calls) {
        return calls.stream().mapToInt(c -> c.startsWith("COPY") ? 2 : 1).sum();
    }

    /** Sends the batch (of {@code applied} new events) and answers the calls of the request that applied it. */
    private static List<String> trips(Api api, List<String> events, int applied) {
        RoundTrips.CALLS.clear();
        RoundTrips.recording = true;
        Api.Response r;
        try {
            r = api.post("/api/ho/v1/stores/S008/events", null, HeadOfficeEvents.batch(events),
                    Map.of("X-Store-Id", "S008", "X-Store-Key", "key-eight"));
        } finally {
            RoundTrips.recording = false;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("applied").asInt()).isEqualTo(applied);
        List<String> calls = RoundTrips.CALLS.values().stream()
                .filter(c -> c.stream().anyMatch(s -> s.contains("ho_event"))).findFirst().orElseThrow();
        calls.forEach(c -> System.out.println("  round trip: " + (c.length() > 160 ? c.substring(0, 160) + "..." : c)));
        return calls;
    }

    @TestConfiguration
    static class RoundTrips {

        /** Per thread: the calls that waited for the database. */
        static final Map<Long, List<String>> CALLS = new ConcurrentHashMap<>();
        static volatile boolean recording;

        private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
                "executeBatch", "executeLargeUpdate", "executeLargeBatch", "getParameterMetaData");

        static void record(String call) {
            if (recording) {
                CALLS.computeIfAbsent(Thread.currentThread().getId(), t -> new ArrayList<>()).add(call);
            }
        }

        @Bean
        static BeanPostProcessor countRoundTrips() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource ds)) {
                        return bean;
                    }
                    return proxy(DataSource.class, ds, (p, m, args) -> {
                        Object out = invoke(ds, m, args);
                        return out instanceof Connection c ? connection(c) : out;
                    });
                }
            };
        }

        private static Connection connection(Connection c) {
            return proxy(Connection.class, c, (p, m, args) -> {
                switch (m.getName()) {
                    case "commit", "rollback" -> record(m.getName().toUpperCase());
                    case "unwrap" -> record("COPY (the connection unwrapped for pgjdbc's CopyManager)");
                    default -> {
                    }
                }
                Object out = invoke(c, m, args);
                if (out instanceof Statement s && !(out instanceof java.sql.CallableStatement)) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String q ? q : "";
                    Class<? extends Statement> type = out instanceof java.sql.PreparedStatement
                            ? java.sql.PreparedStatement.class : Statement.class;
                    return statement(type, s, sql);
                }
                return out;
            });
        }

        private static Statement statement(Class<? extends Statement> type, Statement s, String sql) {
            return (Statement) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type},
                    (p, m, args) -> {
                if (EXECUTES.contains(m.getName())) {
                    String q = args != null && args.length > 0 && args[0] instanceof String text ? text : sql;
                    record(m.getName() + ": " + q);
                }
                return invoke(s, m, args);
            });
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
            return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, handler);
        }

        private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
