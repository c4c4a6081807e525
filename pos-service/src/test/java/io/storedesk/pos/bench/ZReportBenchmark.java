package io.storedesk.pos.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.storedesk.pos.PosApplication;
import io.storedesk.pos.sale.Sales;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Z report benchmark: business days of 20,000 sales (100,000 lines) each, loaded straight
 * into the database, then closed over HTTP ({@code POST /api/v1/business-days/{date}/close},
 * which computes, stores and journals the Z report). Reports each close and the median, and
 * the median of the day's totals computed alone. Target: under 300 ms for such a day.
 * Settings: -Dbench.z.days (5), -Dbench.z.sales (20000).
 */
public final class ZReportBenchmark {

    private static final String[] SKUS = {"LV-1001", "LV-1008", "EL-2002", "CZ-3001", "RU-4007"};
    private static final String[] DEPARTMENTS = {"FOOD", "FOOD", "ELECTRONICS", "DRINKS", "TOYS"};
    private static final String[] RATES = {"12", "21", "21", "21", "21"};

    private ZReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = Integer.getInteger("bench.z.days", 5);
        int salesPerDay = Integer.getInteger("bench.z.sales", 20_000);
        Path dataDir = Path.of("target", "bench-data", "z-" + System.currentTimeMillis());
        ConfigurableApplicationContext app = SpringApplication.run(PosApplication.class, "--server.port=0",
                "--pos.data-dir=" + dataDir, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DataSource ds = app.getBean(DataSource.class);
            LocalDate first = LocalDate.of(2020, 1, 1);
            System.out.printf("Loading %d days x %d sales x 5 lines...%n", days, salesPerDay);
            for (int d = 0; d < days; d++) {
                load(ds, first.plusDays(d), salesPerDay);
            }
            Sales sales = app.getBean(Sales.class);
            List<Long> computeNanos = new ArrayList<>();
            for (int i = 0; i < 3 + days; i++) {
                long t0 = System.nanoTime();
                sales.dayTotals(first.plusDays(i % days));
                computeNanos.add(System.nanoTime() - t0);
            }
            List<Long> closeNanos = new ArrayList<>();
            String auth = "Basic " + Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8));
            try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port, auth)) {
                for (int d = 0; d < days; d++) {
                    long t0 = System.nanoTime();
                    KeepAliveHttp.Response r = http.post("/api/v1/business-days/" + first.plusDays(d) + "/close", "", null);
                    closeNanos.add(System.nanoTime() - t0);
                    if (r.status() != 201 || !r.body().contains("\"salesCount\":" + salesPerDay)) {
                        throw new IllegalStateException("close failed: " + r.status() + " " + r.body());
                    }
                }
            }
            String report = String.format(Locale.ROOT, """

                    === Z report benchmark: business day of %d sales (%d lines), H2 file database ===
                    close over HTTP (compute + store + journal), ms per day: %s; median %.1f ms
                    day totals computed alone (after warm-up), median %.1f ms
                    target       : under 300 ms: %s
                    """, salesPerDay, salesPerDay * 5, closeNanos.stream().map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList(),
                    median(closeNanos) / 1e6, median(computeNanos.subList(3, computeNanos.size())) / 1e6,
                    median(closeNanos) / 1e6 < 300 ? "met" : "MISSED");
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-z.txt"), report);
        } finally {
            app.close();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** One business day: closed drawer sessions and the day's sales, inserted in batches. */
    static void load(DataSource ds, LocalDate day, int count) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            UUID session = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_session (id, drawer_id, register_id, "
                    + "open_marker, status, currency, business_date, opened_by, opened_at, opening_float, float_counts, "
                    + "expected_cash, posting_count, closed_by, counted_cash, closing_expected, variance, result) "
                    + "VALUES (?, 'D1', 'R01', NULL, 'CLOSED', 'EUR', ?, 'clerk', ?, 100, '{}', 100, 0, 'clerk', 100, 100, 0, 'BALANCED')")) {
                ps.setObject(1, session);
                ps.setObject(2, day);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement sale = c.prepareStatement("INSERT INTO sale (id, receipt_number, store_id, register_id, "
                    + "register_seq, drawer_id, business_date, clerk, completed_at, currency, subtotal, discount_total, "
                    + "tax_total, total, cash_rounding, change_given) VALUES (?, ?, 'S001', ?, ?, 'D1', ?, 'clerk', ?, 'EUR', "
                    + "?, 0, ?, ?, 0, 0)");
                 PreparedStatement line = c.prepareStatement("INSERT INTO sale_line (sale_id, line_no, sku, name, department, "
                    + "quantity, unit_price, line_value, discount, net, tax, tax_rate, tax_letter) "
                    + "VALUES (?, ?, ?, 'Item', ?, 1, ?, ?, 0, ?, ?, ?, 'A')");
                 PreparedStatement tender = c.prepareStatement("INSERT INTO sale_tender (sale_id, tender_no, type, amount) "
                    + "VALUES (?, 1, ?, ?)")) {
                String register = "Z" + day.toString().replace("-", "");
                java.util.Map<String, BigDecimal[]> totalizers = new java.util.TreeMap<>();
                for (int i = 1; i <= count; i++) {
                    UUID id = UUID.randomUUID();
                    BigDecimal total = BigDecimal.ZERO;
                    BigDecimal tax = BigDecimal.ZERO;
                    for (int l = 0; l < 5; l++) {
                        BigDecimal price = BigDecimal.valueOf(100 + (i * 7 + l * 13) % 900, 2);
                        BigDecimal lineTax = price.multiply(new BigDecimal(RATES[l])).divide(new BigDecimal(RATES[l]).add(BigDecimal.valueOf(100)), 2, java.math.RoundingMode.HALF_UP);
                        line.setObject(1, id);
                        line.setInt(2, l + 1);
                        line.setString(3, SKUS[l]);
                        line.setString(4, DEPARTMENTS[l]);
                        line.setBigDecimal(5, price);
                        line.setBigDecimal(6, price);
                        line.setBigDecimal(7, price);
                        line.setBigDecimal(8, lineTax);
                        line.setBigDecimal(9, new BigDecimal(RATES[l]));
                        line.addBatch();
                        total = total.add(price);
                        tax = tax.add(lineTax);
                        add(totalizers, "RATE|" + RATES[l], price, lineTax, BigDecimal.ZERO);
                        add(totalizers, "DEPT|" + DEPARTMENTS[l], price, BigDecimal.ZERO, BigDecimal.ZERO);
                    }
                    add(totalizers, "DAY|", total, BigDecimal.ZERO, total);
                    add(totalizers, "ROUNDING|", BigDecimal.ZERO, tax, BigDecimal.ZERO);
                    add(totalizers, "TENDER|" + (i % 3 == 0 ? "CARD" : "CASH"), total, BigDecimal.ZERO, BigDecimal.ZERO);
                    add(totalizers, "HOUR|" + String.format("%02d", 8 + i % 12), total, BigDecimal.ZERO, BigDecimal.ZERO);
                    sale.setObject(1, id);
                    sale.setString(2, register + "-" + i);
                    sale.setString(3, register);
                    sale.setLong(4, i);
                    sale.setObject(5, day);
                    sale.setObject(6, day.atTime(8 + i % 12, i % 60).atOffset(ZoneOffset.UTC));
                    sale.setBigDecimal(7, total);
                    sale.setBigDecimal(8, tax);
                    sale.setBigDecimal(9, total);
                    sale.addBatch();
                    tender.setObject(1, id);
                    tender.setString(2, i % 3 == 0 ? "CARD" : "CASH");
                    tender.setBigDecimal(3, total);
                    tender.addBatch();
                    if (i % 1000 == 0) {
                        sale.executeBatch();
                        line.executeBatch();
                        tender.executeBatch();
                        c.commit();
                    }
                }
                sale.executeBatch();
                line.executeBatch();
                tender.executeBatch();
                try (PreparedStatement t = c.prepareStatement("INSERT INTO day_totalizer (business_date, register_id, kind, "
                        + "tkey, amount1, amount2, amount3, cnt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (var e : totalizers.entrySet()) {
                        String[] k = e.getKey().split("\\|", -1);
                        t.setObject(1, day);
                        t.setString(2, register);
                        t.setString(3, k[0]);
                        t.setString(4, k[1]);
                        t.setBigDecimal(5, e.getValue()[0]);
                        t.setBigDecimal(6, e.getValue()[1]);
                        t.setBigDecimal(7, e.getValue()[2]);
                        t.setLong(8, e.getValue()[3].longValue());
                        t.addBatch();
                    }
                    t.executeBatch();
                }
                c.commit();
            }
        }
    }

    private static void add(java.util.Map<String, BigDecimal[]> totals, String key, BigDecimal a1, BigDecimal a2,
            BigDecimal a3) {
        BigDecimal[] v = totals.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO});
        v[0] = v[0].add(a1);
        v[1] = v[1].add(a2);
        v[2] = v[2].add(a3);
        v[3] = v[3].add(BigDecimal.ONE);
    }
}
