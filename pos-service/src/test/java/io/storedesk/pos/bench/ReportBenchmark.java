package io.storedesk.pos.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.storedesk.pos.PosApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store report benchmark: 31 business days of 20,000 sales each (100,000 lines, loaded as in
 * {@link ZReportBenchmark}), plus per day a cash drawer posting for every cash sale, 400 returns
 * (one line each, by two clerks and three reasons, refunded in cash or to card), 20 post-voids
 * and 10 no-sale journal entries; then {@code GET /api/v1/reports/daily} over HTTP as JSON, CSV
 * and PDF for the open last day, for closed days (the others, closed with their Z reports first) and
 * for the 31-day range, with one cash sale over HTTP before each request (the store keeps selling,
 * and H2 cannot reuse an earlier result). Prints the median of each after a warm-up.
 * Targets: a day under 300 ms, the 31-day range under 2 s.
 * Settings: -Dbench.report.days (31), -Dbench.report.sales (20000), -Dbench.report.runs (7).
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = Integer.getInteger("bench.report.days", 31);
        int salesPerDay = Integer.getInteger("bench.report.sales", 20_000);
        int runs = Integer.getInteger("bench.report.runs", 7);
        Path dataDir = Path.of("target", "bench-data", "report-" + System.currentTimeMillis());
        ConfigurableApplicationContext app = SpringApplication.run(PosApplication.class, "--server.port=0",
                "--pos.data-dir=" + dataDir, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DataSource ds = app.getBean(DataSource.class);
            LocalDate first = LocalDate.of(2020, 3, 1);
            LocalDate last = first.plusDays(days - 1);
            long t0 = System.nanoTime();
            System.out.printf("Loading %d days x %d sales x 5 lines, postings, returns, voids, no-sales...%n", days,
                    salesPerDay);
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                ZReportBenchmark.load(ds, day, salesPerDay);
                loadActivity(ds, day);
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            System.out.printf("loaded in %.0f s%n", (System.nanoTime() - t0) / 1e9);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // bearer tokens, as registers and head office's puller use them: no password hash per request
            String auth = auth(http, port, "office");
            // every day but the last is closed with its Z report, as past days are
            for (int d = 0; d < days - 1; d++) {
                HttpResponse<String> z = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/business-days/" + first.plusDays(d) + "/close")).header("Authorization", auth(http, port, "manager"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (z.statusCode() != 201) {
                    throw new IllegalStateException("close failed: " + z.statusCode() + " " + z.body());
                }
            }
            // the store keeps selling while reports run: one cash sale before each request (so no
            // database result is reused from the previous request)
            String clerk = auth(http, port, "clerk");
            post(http, port, clerk, "/api/v1/drawers/D1/open", "{\"float\":{\"20.00\":2}}");
            Runnable sell = () -> post(http, port, clerk, "/api/v1/sales", "{\"drawerId\":\"D1\",\"lines\":[{\"sku\":\"LV-1001\","
                    + "\"quantity\":1}],\"tenders\":[{\"type\":\"CASH\",\"amount\":\"5.00\"}]}");
            Supplier<LocalDate> closedDay = new Supplier<>() {
                int i;

                @Override
                public LocalDate get() {
                    return first.plusDays(i++ % (days - 1));
                }
            };
            String openDay = "date=" + last;
            String range = "from=" + first + "&to=" + last;
            // warm-up: the JIT and H2's page cache
            for (int i = 0; i < 5; i++) {
                sell.run();
                time(http, port, auth, "date=" + closedDay.get(), "json", salesPerDay);
                sell.run();
                time(http, port, auth, openDay, "json", salesPerDay);
                sell.run();
                time(http, port, auth, range, "json", -1);
            }
            List<String> lines = new ArrayList<>();
            for (String format : List.of("json", "csv", "pdf")) {
                List<Long> open = new ArrayList<>();
                List<Long> closed = new ArrayList<>();
                List<Long> month = new ArrayList<>();
                boolean json = format.equals("json");
                for (int i = 0; i < runs; i++) {
                    sell.run();
                    open.add(time(http, port, auth, openDay, format, json ? salesPerDay : -1));
                    sell.run();
                    closed.add(time(http, port, auth, "date=" + closedDay.get(), format, json ? salesPerDay : -1));
                    sell.run();
                    month.add(time(http, port, auth, range, format, json ? (long) salesPerDay * days : -1));
                }
                lines.add(String.format(Locale.ROOT, "%-4s  open day: median %6.1f ms (max %6.1f)   closed day: median %6.1f ms "
                        + "(max %6.1f)   %d-day range: median %7.1f ms (max %7.1f)", format, median(open) / 1e6,
                        max(open) / 1e6, median(closed) / 1e6, max(closed) / 1e6, days, median(month) / 1e6,
                        max(month) / 1e6));
            }
            byte[] pdf = http.send(request(port, auth, range, "pdf"), HttpResponse.BodyHandlers.ofByteArray()).body();
            Files.write(Path.of("target", "bench-report-range.pdf"), pdf);
            String report = String.format(Locale.ROOT, """

                    === Store report benchmark: %d business days of %d sales (%d lines each), H2 file database ===
                    GET /api/v1/reports/daily over HTTP (head office user, bearer token), %d runs each after warm-up:
                    %s
                    targets: one day under 300 ms, %d-day range under 2 s
                    """, days, salesPerDay, salesPerDay * 5, runs, String.join("\n", lines), days);
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-report.txt"), report);
        } finally {
            app.close();
        }
    }

    private static String auth(HttpClient http, int port, String user) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return "Bearer " + body.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static void post(HttpClient http, int port, String auth, String path, String json) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(int port, String auth, String period, String format) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/daily?" + period
                + "&format=" + format)).header("Authorization", auth).build();
    }

    private static long time(HttpClient http, int port, String auth, String period, String format, long expectedSales)
            throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request(port, auth, period, format), HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("report failed: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        if (expectedSales >= 0 && !new String(r.body(), StandardCharsets.UTF_8).contains("\"salesCount\":" + expectedSales)) {
            throw new IllegalStateException("unexpected report: " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return elapsed;
    }

    /** Drawer postings for the cash sales, returns, post-voids and no-sale entries of a loaded day (H2 SQL). */
    private static void loadActivity(DataSource ds, LocalDate day) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_posting (id, session_id, drawer_id, type, "
                    + "amount, reference, reason, actor, created_at, tender) SELECT RANDOM_UUID(), ds.id, 'D1', 'SALE', "
                    + "t.amount, s.receipt_number, NULL, 'clerk', s.completed_at, 'CASH' FROM sale s "
                    + "JOIN sale_tender t ON t.sale_id = s.id JOIN drawer_session ds ON ds.business_date = s.business_date "
                    + "WHERE s.business_date = ? AND t.type = 'CASH'")) {
                ps.setObject(1, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_posting (id, session_id, drawer_id, type, "
                    + "amount, reference, reason, actor, created_at, tender) SELECT RANDOM_UUID(), id, 'D1', ?, ?, NULL, "
                    + "'bench', 'clerk', opened_at, 'CASH' FROM drawer_session WHERE business_date = ?")) {
                for (String[] m : new String[][] {{"PAID_IN", "20.00"}, {"PAID_OUT", "-5.50"}, {"SAFE_DROP", "-500.00"}}) {
                    ps.setString(1, m[0]);
                    ps.setBigDecimal(2, new java.math.BigDecimal(m[1]));
                    ps.setObject(3, day);
                    ps.executeUpdate();
                }
            }
            String returned = "s.business_date = ? AND MOD(s.register_seq, 50) = 0";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_return (id, return_number, receipt_number, "
                    + "store_id, register_id, register_seq, drawer_id, business_date, clerk, completed_at, currency, "
                    + "refund_method, refund_total, cash_rounding) SELECT RANDOM_UUID(), 'RET-' || s.receipt_number, "
                    + "s.receipt_number, 'S001', s.register_id, s.register_seq, 'D1', s.business_date, "
                    + "CASE WHEN MOD(s.register_seq, 100) = 0 THEN 'clerk' ELSE 'clerk2' END, s.completed_at, 'EUR', "
                    + "'ORIGINAL', l.net, 0 FROM sale s JOIN sale_line l ON l.sale_id = s.id AND l.line_no = 1 WHERE " + returned)) {
                ps.setObject(1, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_return_line (return_id, line_no, sku, "
                    + "quantity, reason, restock, refund) SELECT r.id, 1, l.sku, 1, CASE MOD(r.register_seq, 150) "
                    + "WHEN 0 THEN 'DEFECTIVE' WHEN 50 THEN 'WRONG_ITEM' ELSE 'CHANGED_MIND' END, FALSE, r.refund_total "
                    + "FROM sale_return r JOIN sale s ON s.receipt_number = r.receipt_number "
                    + "JOIN sale_line l ON l.sale_id = s.id AND l.line_no = 1 WHERE r.business_date = ?")) {
                ps.setObject(1, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_return_refund (return_id, refund_no, type, "
                    + "amount) SELECT r.id, 1, CASE WHEN MOD(r.register_seq, 3) = 0 THEN 'CARD' ELSE 'CASH' END, "
                    + "r.refund_total FROM sale_return r WHERE r.business_date = ?")) {
                ps.setObject(1, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_void (receipt_number, business_date, "
                    + "register_id, voided_by, approved_by, reason, voided_at, total, cash_back) SELECT s.receipt_number, "
                    + "s.business_date, s.register_id, 'clerk', 'manager', 'bench', s.completed_at, s.total, 0 FROM sale s "
                    + "WHERE s.business_date = ? AND MOD(s.register_seq, 1000) = 7")) {
                ps.setObject(1, day);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_entry (chain, seq, type, occurred_at, "
                    + "actor, reference, payload, prev_hash, hash) SELECT 'BENCH-' || ?, X, 'NO_SALE', ?, 'clerk', "
                    + "CAST(ds.id AS VARCHAR), '{\"reason\":\"bench\"}', REPEAT('0', 64), REPEAT('0', 64) "
                    + "FROM drawer_session ds, SYSTEM_RANGE(1, 10) WHERE ds.business_date = ?")) {
                ps.setString(1, day.toString());
                ps.setObject(2, day.atTime(12, 0).atOffset(ZoneOffset.UTC));
                ps.setObject(3, day);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
