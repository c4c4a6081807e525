package io.storedesk.pos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.headoffice.HeadOfficeReports;
import io.storedesk.pos.support.Postgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Head-office reports on a generated chain, on embedded PostgreSQL 14 (issue 25):
 * <ol>
 * <li>Ingest through the real path (loopback HTTP, store keys, the batch's transaction with its
 * detail rows and day-total upserts): {@code -Dbench.hor.ingest.stores} (8) stores push
 * {@code -Dbench.hor.ingest.events} (40,000) sales in batches of {@code -Dbench.hor.batch} (1,000), one
 * thread per store, to one node; then as many new sales again, spread over two nodes on the same
 * database (a second Spring context in this JVM). Sales only (loyalty entries go through the
 * loyalty book, measured by {@code HeadOfficeIngestBenchmark}).</li>
 * <li>The chain's day totals for {@code -Dbench.hor.stores} (200) stores x {@code -Dbench.hor.days}
 * (60) days of 2,000 sales each, written with set-based SQL ({@code generate_series}) into
 * {@code ho_day_total} and {@code ho_day_figure}, the tables the reports read, then ANALYZE. The
 * detail rows behind them are not generated (no report reads them; the real-path part above has
 * its detail).</li>
 * <li>Reports over HTTP as the head-office user (a bearer token from {@code /api/v1/auth/token}, so
 * no BCrypt check per request): all stores for one day, one store for one day, 30 days for all
 * stores; medians and p95 over {@code -Dbench.hor.runs} (30) runs each; then the same calls on the
 * service bean in process (the database and the summing without HTTP and JSON).</li>
 * <li>The chain grown to {@code -Dbench.hor.stores.large} (1,000) stores the same way, and the
 * reports again.</li>
 * </ol>
 * Writes {@code target/bench-head-office-reports.txt}. Targets: all stores one day <= 500 ms, one
 * store <= 50 ms, 30 days all stores <= 2 s, ingest >= 10,000 events/s on one node, two nodes
 * never slower.
 */
public final class HeadOfficeReportBenchmark {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);
    private static final StringBuilder OUT = new StringBuilder();
    /** The head-office user's bearer token (one BCrypt check at sign-in, not one per report request). */
    private static String authorization;

    private HeadOfficeReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ingestStores = Integer.getInteger("bench.hor.ingest.stores", 8);
        int ingestEvents = Integer.getInteger("bench.hor.ingest.events", 40_000);
        int batch = Integer.getInteger("bench.hor.batch", 1_000);
        int stores = Integer.getInteger("bench.hor.stores", 200);
        int largeStores = Integer.getInteger("bench.hor.stores.large", 1_000);
        int days = Integer.getInteger("bench.hor.days", 60);
        int runs = Integer.getInteger("bench.hor.runs", 30);
        String url = Postgres.newDatabase("horeports");
        List<String> common = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=head-office",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        for (int s = 1; s <= ingestStores; s++) {
            common.add("--pos.head-office.store-keys." + ingestStore(s) + "=bench-key");
        }
        ConfigurableApplicationContext one = start(common, "a");
        ConfigurableApplicationContext two = null;
        try {
            int portOne = one.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            print("Head-office reports benchmark on PostgreSQL 14 (embedded), %d cores, load at start: %s%n",
                    Runtime.getRuntime().availableProcessors(), load());

            // the month partitions of the generated days, as the job would have made them ahead
            JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
            for (LocalDate m = FIRST.withDayOfMonth(1); !m.isAfter(FIRST.plusDays(days)); m = m.plusMonths(1)) {
                for (String table : List.of("ho_sale", "ho_sale_line", "ho_sale_tender")) {
                    jdbc.queryForObject("SELECT ho_ensure_month(?, ?)", Boolean.class, table, java.sql.Date.valueOf(m));
                }
            }

            // 1. ingest through the real path, one node then two
            send(http, portOne, ingestStore(1), batch(ingestStore(1), 0, 1)); // warm-up
            double oneNode = ingest(http, List.of(portOne), ingestStores, ingestEvents, batch, 1);
            print("Ingest, one node: %,d sales in batches of %,d from %d stores at once: %,.0f events/s%n",
                    ingestEvents, batch, ingestStores, oneNode);
            two = start(common, "b");
            int portTwo = two.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            send(http, portTwo, ingestStore(1), batch(ingestStore(1), 0, 1));
            double twoNodes = ingest(http, List.of(portOne, portTwo), ingestStores, ingestEvents, batch, 2);
            print("Ingest, two nodes on the same database: %,d sales, same batches: %,.0f events/s (%.2fx one node)%n",
                    ingestEvents, twoNodes, twoNodes / oneNode);
            two.close();
            two = null;

            // 2. the chain's totals, set-based
            long t = System.nanoTime();
            generate(jdbc, 1, stores, days);
            print("Generated day totals of %d stores x %d days (set-based SQL) in %.1f s: %,d total rows, %,d figure rows%n",
                    stores, days, (System.nanoTime() - t) / 1e9, count(jdbc, "ho_day_total"),
                    count(jdbc, "ho_day_figure"));

            // 3. reports
            authorization = "Basic " + Base64.getEncoder().encodeToString("office:office".getBytes(StandardCharsets.UTF_8));
            authorization = "Bearer " + tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(post(http, portOne, "/api/v1/auth/token")).get("token").asString();
            HeadOfficeReports service = one.getBean(HeadOfficeReports.class);
            reports(http, portOne, stores, runs);
            inProcess(service, stores, runs);

            // 4. 1,000 stores
            if (largeStores > stores) {
                t = System.nanoTime();
                generate(jdbc, stores + 1, largeStores, days);
                print("Grown to %d stores x %d days in %.1f s: %,d total rows, %,d figure rows%n", largeStores, days,
                        (System.nanoTime() - t) / 1e9, count(jdbc, "ho_day_total"), count(jdbc, "ho_day_figure"));
                reports(http, portOne, largeStores, runs);
                inProcess(service, largeStores, runs);
            }
            print("Load at the end: %s%n", load());
            Files.writeString(Path.of("target", "bench-head-office-reports.txt"), OUT.toString());
        } finally {
            if (two != null) {
                two.close();
            }
            one.close();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(List<String> common, String node) {
        List<String> args = new ArrayList<>(common);
        args.add("--pos.data-dir=target/bench-data/hor-" + node + "-" + System.currentTimeMillis());
        return SpringApplication.run(PosApplication.class, args.toArray(String[]::new));
    }

    private static void reports(HttpClient http, int port, int stores, int runs) throws Exception {
        LocalDate day = FIRST.plusDays(20);
        List<Double> all = time(http, port, runs, i -> "/api/ho/v1/reports/daily?date=" + day.plusDays(i % 10));
        List<Double> single = time(http, port, runs, i -> "/api/ho/v1/reports/daily?date=" + day.plusDays(i % 10)
                + "&storeId=" + chainStore(1 + ThreadLocalRandom.current().nextInt(stores)));
        List<Double> range = time(http, port, Math.max(5, runs / 2), i -> "/api/ho/v1/reports/range?from="
                + FIRST.plusDays(i % 5) + "&to=" + FIRST.plusDays(i % 5 + 29));
        int bytes = get(http, port, "/api/ho/v1/reports/daily?date=" + day).length();
        print("%,d stores: all stores one day: median %.0f ms, p95 %.0f ms (target <= 500; JSON %,d bytes)%n", stores,
                pct(all, 50), pct(all, 95), bytes);
        print("%,d stores: one store one day:  median %.1f ms, p95 %.1f ms (target <= 50)%n", stores, pct(single, 50),
                pct(single, 95));
        print("%,d stores: 30 days all stores: median %.0f ms, p95 %.0f ms (target <= 2,000)%n", stores,
                pct(range, 50), pct(range, 95));
    }

    /** The same reports called on the service bean: no HTTP, no sign-in, no JSON writing. */
    private static void inProcess(HeadOfficeReports service, int stores, int runs) {
        LocalDate day = FIRST.plusDays(20);
        List<Double> all = new ArrayList<>();
        List<Double> single = new ArrayList<>();
        List<Double> range = new ArrayList<>();
        for (int i = -3; i < runs; i++) {
            long t = System.nanoTime();
            service.daily(day.plusDays(Math.floorMod(i, 10)), null);
            long t2 = System.nanoTime();
            service.daily(day.plusDays(Math.floorMod(i, 10)), chainStore(1 + ThreadLocalRandom.current().nextInt(stores)));
            long t3 = System.nanoTime();
            if (i < runs / 2) {
                service.range(FIRST.plusDays(Math.floorMod(i, 5)), FIRST.plusDays(Math.floorMod(i, 5) + 29), null);
            }
            long t4 = System.nanoTime();
            if (i >= 0) {
                all.add((t2 - t) / 1e6);
                single.add((t3 - t2) / 1e6);
                if (i < runs / 2) {
                    range.add((t4 - t3) / 1e6);
                }
            }
        }
        Collections.sort(all);
        Collections.sort(single);
        Collections.sort(range);
        print("%,d stores, in process (no HTTP): all stores one day median %.0f ms p95 %.0f; one store median %.1f ms "
                + "p95 %.1f; 30 days all stores median %.0f ms p95 %.0f%n", stores, pct(all, 50), pct(all, 95),
                pct(single, 50), pct(single, 95), pct(range, 50), pct(range, 95));
    }

    private static String post(HttpClient http, int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    interface Path2 {
        String at(int i);
    }

    private static List<Double> time(HttpClient http, int port, int runs, Path2 path) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(http, port, path.at(i)); // warm-up
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            get(http, port, path.at(i));
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return ms;
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", authorization).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Each store's thread sends its batches in turn; with two ports, alternating batches go to each node. */
    private static double ingest(HttpClient http, List<Integer> ports, int stores, int events, int batch, int round)
            throws Exception {
        int perStore = events / stores;
        List<List<String>> bodies = new ArrayList<>();
        for (int s = 1; s <= stores; s++) {
            List<String> mine = new ArrayList<>();
            for (int from = 0; from < perStore; from += batch) {
                mine.add(batch(ingestStore(s), round * 10_000_000 + from, Math.min(batch, perStore - from)));
            }
            bodies.add(mine);
        }
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        long t = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < stores; s++) {
                String store = ingestStore(s + 1);
                List<String> mine = bodies.get(s);
                int offset = s;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < mine.size(); b++) {
                        send(http, ports.get((b + offset) % ports.size()), store, mine.get(b));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return perStore * stores / ((System.nanoTime() - t) / 1e9);
    }

    private static String batch(String store, int first, int count) {
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(sale(store, first + i));
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static void send(HttpClient http, int port, String store, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ho/v1/stores/"
                        + store + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("X-Store-Id", store).header("X-Store-Key", "bench-key")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    /** A 3-line sale; a store's day holds 2,000 of them, so a batch of 1,000 spans one or two days. */
    private static String sale(String store, int n) {
        String line = "{\"lineNo\":%d,\"sku\":\"LV-10%02d\",\"department\":\"%s\",\"quantity\":1,\"unitPrice\":\"%s\","
                + "\"discount\":\"0.00\",\"net\":\"%s\",\"tax\":\"%s\",\"taxRate\":\"%s\"}";
        String lines = String.join(",", line.formatted(1, n % 20, "D" + (n % 10), "3.00", "3.00", "0.32", "12"),
                line.formatted(2, n % 20, "D" + ((n + 3) % 10), "4.00", "4.00", "0.69", "21"),
                line.formatted(3, n % 20, "D" + ((n + 7) % 10), "5.00", "5.00", "0.87", "21"));
        LocalDate date = FIRST.plusDays((n % 10_000_000) / 2_000);
        String payload = ("{\"receiptNumber\":\"%s-R01-%d\",\"storeId\":\"%s\",\"registerId\":\"R01\",\"drawerId\":\"D1\","
                + "\"businessDate\":\"%s\",\"hour\":\"%02d\",\"clerk\":\"clerk%d\",\"completedAt\":\"%sT09:15:02Z\","
                + "\"currency\":\"EUR\",\"subtotal\":\"12.00\",\"discountTotal\":\"0.00\",\"total\":\"12.00\","
                + "\"taxTotal\":\"1.88\",\"cashRounding\":\"0.00\",\"loyaltyCard\":null,\"lines\":[%s],"
                + "\"tenders\":[{\"type\":\"%s\",\"amount\":\"12.00\"}]}").formatted(store, n, store, date,
                8 + n % 12, n % 6, date, lines, n % 3 == 0 ? "CASH" : "CARD");
        return "{\"eventId\":\"%s\",\"type\":\"SALE_COMPLETED\",\"occurredAt\":\"%sT09:15:02Z\",\"payload\":%s}"
                .formatted(UUID.randomUUID(), date, payload);
    }

    /** Stores first..last of the chain, each day with the totals of 2,000 sales, set-based. */
    private static void generate(JdbcTemplate jdbc, int first, int last, int days) {
        String storesAndDays = " FROM generate_series(" + first + ", " + last + ") AS s, generate_series(DATE '"
                + FIRST + "', DATE '" + FIRST.plusDays(days - 1) + "', INTERVAL '1 day') AS d";
        String store = "'C' || lpad(s::text, 4, '0')";
        jdbc.update("INSERT INTO ho_store (store_id, currency, events) SELECT " + store + ", 'EUR', 0 "
                + "FROM generate_series(" + first + ", " + last + ") AS s");
        jdbc.update("INSERT INTO ho_day_total (store_id, business_date, currency, sales_count, gross_sales, discounts, "
                + "sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount) "
                + "SELECT " + store + ", d::date, 'EUR', 2000, 24000 + s, 150, 23850 + s, 4100, 0.02, 4, 48.00, 20, "
                + "240.00" + storesAndDays);
        // 3 rates, 10 departments, 4 tenders, 12 hours, 6 clerks, 2 refund tenders: 37 figures a day
        jdbc.update("INSERT INTO ho_day_figure (store_id, business_date, kind, figure_key, amount, tax, detail_rows) "
                + "SELECT " + store + ", d::date, k.kind, k.figure_key, k.amount + s % 7, k.tax, k.n" + storesAndDays
                + ", (SELECT 'RATE' AS kind, r AS figure_key, 8000.00 AS amount, 900.00 AS tax, 2000 AS n "
                + "     FROM unnest(ARRAY['0', '12', '21']) AS r "
                + "   UNION ALL SELECT 'DEPARTMENT', 'D' || lpad(i::text, 2, '0'), 2385.00, 0, 600 "
                + "     FROM generate_series(1, 10) AS i "
                + "   UNION ALL SELECT 'TENDER', t, 5962.50, 0, 500 FROM unnest(ARRAY['CARD', 'CASH', 'GIFT', 'VOUCHER']) AS t "
                + "   UNION ALL SELECT 'HOUR', lpad(h::text, 2, '0'), 1987.50, 0, 166 FROM generate_series(8, 19) AS h "
                + "   UNION ALL SELECT 'CLERK', 'clerk' || c, 3975.00, 0, 333 FROM generate_series(1, 6) AS c "
                + "   UNION ALL SELECT 'REFUND', t, 120.00, 0, 10 FROM unnest(ARRAY['CARD', 'CASH']) AS t) AS k");
        // their month rows, as ingest keeps them (the sums of the days; migration V128 fills them the same way)
        String generated = " WHERE store_id IN (SELECT " + store + " FROM generate_series(" + first + ", " + last
                + ") AS s)";
        jdbc.update("INSERT INTO ho_month_total (store_id, month_start, currency, sales_count, gross_sales, discounts, "
                + "sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount) "
                + "SELECT store_id, date_trunc('month', business_date)::date, MIN(currency), SUM(sales_count), "
                + "SUM(gross_sales), SUM(discounts), SUM(sales_total), SUM(tax_total), SUM(cash_rounding), "
                + "SUM(void_count), SUM(void_amount), SUM(returns_count), SUM(returns_amount) FROM ho_day_total"
                + generated + " GROUP BY store_id, date_trunc('month', business_date)::date");
        jdbc.update("INSERT INTO ho_month_figure (store_id, month_start, kind, figure_key, amount, tax, detail_rows) "
                + "SELECT store_id, date_trunc('month', business_date)::date, kind, figure_key, SUM(amount), SUM(tax), "
                + "SUM(detail_rows) FROM ho_day_figure" + generated
                + " GROUP BY store_id, date_trunc('month', business_date)::date, kind, figure_key");
        jdbc.execute("ANALYZE ho_store, ho_day_total, ho_day_figure, ho_month_total, ho_month_figure");
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static String ingestStore(int s) {
        return "I%03d".formatted(s);
    }

    private static String chainStore(int s) {
        return "C%04d".formatted(s);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.print(line);
        OUT.append(line);
    }
}
