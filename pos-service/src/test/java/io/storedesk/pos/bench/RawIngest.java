package io.storedesk.pos.bench;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The floor under head-office ingest: the rows a batch of 3-line sales makes (the events as
 * received, the sales, lines and tenders, the day and month totals and figures, the store row), written with
 * plain JDBC, one transaction per batch, one thread per store, into the service's own database
 * through its own pool (same commit settings), at the service's guarantees: the store's row locked
 * first, each event inserted once per (store, event id) ({@code ON CONFLICT DO NOTHING RETURNING}),
 * each receipt projected once (probed, as are post-voids that came first), totals summed in the JVM
 * and upserted once per row. No HTTP, no JSON parsing, no Spring. The benchmark's sales carry no tax exemption,
 * gift card or manual discount, so neither engine writes {@code ho_sale_exempt}, {@code ho_sale_gift_card} or
 * {@code ho_sale_discount} rows nor their figures (the service's statement holds their CTEs with empty arrays).
 */
final class RawIngest {

    private static final int MAX_PARAMS = 32_000;
    private static final BigDecimal[] NET = {new BigDecimal("3.00"), new BigDecimal("4.00"), new BigDecimal("5.00")};
    private static final BigDecimal[] TAX = {new BigDecimal("0.32"), new BigDecimal("0.69"), new BigDecimal("0.87")};
    private static final String[] RATE = {"12", "21", "21"};
    private static final BigDecimal TOTAL = new BigDecimal("12.00");
    private static final BigDecimal TAX_TOTAL = new BigDecimal("1.88");

    private final DataSource dataSource;
    private final boolean copy;

    /**
     * @param copy the events and detail rows with COPY (after an event-id probe) instead of multi-row
     *             INSERTs (the events with {@code ON CONFLICT DO NOTHING RETURNING})
     */
    RawIngest(DataSource dataSource, boolean copy) {
        this.dataSource = dataSource;
        this.copy = copy;
    }

    /** Events/s for {@code events} sales from {@code stores} threads in batches of {@code batch}. */
    double run(int stores, int events, int batch, int round) throws Exception {
        int perStore = events / stores;
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        long t = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                String store = HeadOfficeIngestBenchmark.store(s);
                done.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        for (int from = 0; from < perStore; from += batch) {
                            batch(c, store, round * 100_000 + from, Math.min(batch, perStore - from));
                        }
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

    /**
     * The small-batch workload of the benchmark's phase 3 at the same guarantees: {@code stores} threads each
     * write a batch of {@code batch} sales in one transaction on a connection from the pool (waiting for one
     * as a request waits for a place), then again after a random pause of 0 to 2 x {@code pauseMs}, for
     * {@code seconds}.
     *
     * @return each batch's time from asking for a connection to its commit, in nanoseconds, sorted
     */
    /**
     * {@code stores} threads each write {@code batches} batches of {@code batch} sales one after the other, a
     * transaction each on a connection from the pool; answers the CPU time of those threads in nanoseconds.
     */
    long sequential(int stores, int batches, int batch, int first) throws Exception {
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                String store = HeadOfficeIngestBenchmark.store(s);
                done.add(pool.submit(() -> {
                    long t = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    for (int b = 0; b < batches; b++) {
                        try (Connection c = dataSource.getConnection()) {
                            c.setAutoCommit(false);
                            batch(c, store, first + b * batch, batch);
                        }
                    }
                    cpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return cpu.get();
    }

    /** CPU time of the small batches' threads from asking for a connection to the commit, in nanoseconds. */
    final java.util.concurrent.atomic.AtomicLong smallCpu = new java.util.concurrent.atomic.AtomicLong();

    List<Long> small(int stores, int batch, int seconds, int pauseMs, int first) throws Exception {
        List<Long> took = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                String store = HeadOfficeIngestBenchmark.store(s);
                done.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        try (Connection c = dataSource.getConnection()) {
                            c.setAutoCommit(false);
                            batch(c, store, first + n, batch);
                        }
                        took.add(System.nanoTime() - t);
                        smallCpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean()
                                .getCurrentThreadCpuTime() - cpu);
                        n += batch;
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(2L * pauseMs + 1));
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
        List<Long> sorted = new ArrayList<>(took);
        Collections.sort(sorted);
        return sorted;
    }

    private void batch(Connection c, String store, int first, int count) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        List<String> ids = new ArrayList<>(count);
        List<Object[]> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = first + i;
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(new Object[] {store, id, null, "SALE_COMPLETED",
                    Timestamp.from(HeadOfficeIngestBenchmark.date(n).atTime(9, 15, 2).toInstant(java.time.ZoneOffset.UTC)),
                    HeadOfficeIngestBenchmark.payload(store, n), now});
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT store_id FROM ho_store WHERE store_id = ? FOR UPDATE")) {
            ps.setString(1, store);
            ps.executeQuery().close();
        }
        Set<String> applied = new HashSet<>();
        String eventColumns = "store_id, event_id, sequence_no, type, occurred_at, payload, received_at";
        if (copy) {
            Set<String> known = probe(c, "ho_event", "event_id", store, ids);
            List<Object[]> fresh = new ArrayList<>();
            for (Object[] e : events) {
                if (!known.contains((String) e[1]) && applied.add((String) e[1])) {
                    fresh.add(e);
                }
            }
            copy(c, "ho_event", eventColumns, fresh);
        } else {
            insert(c, "ho_event", eventColumns, events, " ON CONFLICT DO NOTHING RETURNING event_id", applied);
        }
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (applied.contains(ids.get(i))) {
                receipts.add(store + "-R01-" + (first + i));
            }
        }
        Set<String> known = probe(c, "ho_sale", "receipt_number", store, receipts);
        Set<String> voided = probe(c, "ho_void", "receipt_number", store, receipts);
        List<Object[]> heads = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> tenders = new ArrayList<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        Map<List<Object>, Object[]> figures = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (int i = 0; i < count; i++) {
            int n = first + i;
            String receipt = store + "-R01-" + n;
            if (!applied.contains(ids.get(i)) || known.contains(receipt)) {
                continue;
            }
            LocalDate date = HeadOfficeIngestBenchmark.date(n);
            Date day = Date.valueOf(date);
            String hour = "%02d".formatted(8 + n % 12);
            String clerk = "clerk" + n % 6;
            String tender = n % 3 == 0 ? "CASH" : "CARD";
            heads.add(new Object[] {store, receipt, day, hour, "R01", clerk, "EUR", TOTAL, BigDecimal.ZERO, TOTAL,
                    TAX_TOTAL, BigDecimal.ZERO, null});
            String[] depts = {"D" + n % 10, "D" + (n + 3) % 10, "D" + (n + 7) % 10};
            for (int l = 0; l < 3; l++) {
                lines.add(new Object[] {store, receipt, l + 1, "LV-10%02d".formatted(n % 20), depts[l], 1, NET[l],
                        BigDecimal.ZERO, NET[l], TAX[l], RATE[l], day});
            }
            tenders.add(new Object[] {store, receipt, 1, tender, TOTAL, day});
            if (voided.contains(receipt)) {
                continue;
            }
            days.computeIfAbsent(date, d -> new long[1])[0]++;
            for (int l = 0; l < 3; l++) {
                figure(figures, day, "RATE", RATE[l], NET[l], TAX[l]);
                figure(figures, day, "DEPARTMENT", depts[l], NET[l], BigDecimal.ZERO);
            }
            figure(figures, day, "TENDER", tender, TOTAL, BigDecimal.ZERO);
            figure(figures, day, "HOUR", hour, TOTAL, BigDecimal.ZERO);
            figure(figures, day, "CLERK", clerk, TOTAL, BigDecimal.ZERO);
        }
        detail(c, "ho_sale", "store_id, receipt_number, business_date, sale_hour, register_id, clerk, currency, "
                + "subtotal, discount_total, total, tax_total, cash_rounding, loyalty_card", heads);
        detail(c, "ho_sale_line", "store_id, receipt_number, line_no, sku, department, quantity, unit_price, "
                + "discount, net, tax, tax_rate, business_date", lines);
        detail(c, "ho_sale_tender", "store_id, receipt_number, tender_no, type, amount, business_date", tenders);
        List<Object[]> totals = new ArrayList<>();
        days.forEach((date, d) -> {
            BigDecimal k = BigDecimal.valueOf(d[0]);
            totals.add(new Object[] {store, Date.valueOf(date), "EUR", d[0], TOTAL.multiply(k), BigDecimal.ZERO,
                    TOTAL.multiply(k), TAX_TOTAL.multiply(k), BigDecimal.ZERO, 0L, BigDecimal.ZERO, 0L, BigDecimal.ZERO});
        });
        insert(c, "ho_day_total", "store_id, business_date, currency, sales_count, gross_sales, discounts, "
                + "sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount", totals,
                " ON CONFLICT (store_id, business_date) DO UPDATE SET sales_count = ho_day_total.sales_count + "
                        + "EXCLUDED.sales_count, gross_sales = ho_day_total.gross_sales + EXCLUDED.gross_sales, "
                        + "discounts = ho_day_total.discounts + EXCLUDED.discounts, sales_total = "
                        + "ho_day_total.sales_total + EXCLUDED.sales_total, tax_total = ho_day_total.tax_total + "
                        + "EXCLUDED.tax_total, cash_rounding = ho_day_total.cash_rounding + EXCLUDED.cash_rounding, "
                        + "void_count = ho_day_total.void_count + EXCLUDED.void_count, void_amount = "
                        + "ho_day_total.void_amount + EXCLUDED.void_amount, returns_count = "
                        + "ho_day_total.returns_count + EXCLUDED.returns_count, returns_amount = "
                        + "ho_day_total.returns_amount + EXCLUDED.returns_amount", null);
        List<Object[]> figureRows = new ArrayList<>();
        figures.forEach((k, v) -> figureRows.add(new Object[] {store, k.get(0), k.get(1), k.get(2), v[0], v[1], v[2]}));
        insert(c, "ho_day_figure", "store_id, business_date, kind, figure_key, amount, tax, detail_rows", figureRows,
                " ON CONFLICT (store_id, business_date, kind, figure_key) DO UPDATE SET amount = ho_day_figure.amount "
                        + "+ EXCLUDED.amount, tax = ho_day_figure.tax + EXCLUDED.tax, detail_rows = "
                        + "ho_day_figure.detail_rows + EXCLUDED.detail_rows", null);
        // the month rollup the service keeps beside the days (ho_month_total, ho_month_figure): the same sums
        Map<LocalDate, long[]> months = new TreeMap<>();
        days.forEach((date, d) -> months.computeIfAbsent(date.withDayOfMonth(1), m -> new long[1])[0] += d[0]);
        List<Object[]> monthTotals = new ArrayList<>();
        months.forEach((month, d) -> {
            BigDecimal k = BigDecimal.valueOf(d[0]);
            monthTotals.add(new Object[] {store, Date.valueOf(month), "EUR", d[0], TOTAL.multiply(k), BigDecimal.ZERO,
                    TOTAL.multiply(k), TAX_TOTAL.multiply(k), BigDecimal.ZERO, 0L, BigDecimal.ZERO, 0L, BigDecimal.ZERO});
        });
        insert(c, "ho_month_total", "store_id, month_start, currency, sales_count, gross_sales, discounts, "
                + "sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount",
                monthTotals, " ON CONFLICT (store_id, month_start) DO UPDATE SET sales_count = "
                        + "ho_month_total.sales_count + EXCLUDED.sales_count, gross_sales = ho_month_total.gross_sales "
                        + "+ EXCLUDED.gross_sales, discounts = ho_month_total.discounts + EXCLUDED.discounts, "
                        + "sales_total = ho_month_total.sales_total + EXCLUDED.sales_total, tax_total = "
                        + "ho_month_total.tax_total + EXCLUDED.tax_total, cash_rounding = ho_month_total.cash_rounding "
                        + "+ EXCLUDED.cash_rounding, void_count = ho_month_total.void_count + EXCLUDED.void_count, "
                        + "void_amount = ho_month_total.void_amount + EXCLUDED.void_amount, returns_count = "
                        + "ho_month_total.returns_count + EXCLUDED.returns_count, returns_amount = "
                        + "ho_month_total.returns_amount + EXCLUDED.returns_amount", null);
        Map<List<Object>, Object[]> monthFigures = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        figures.forEach((k, v) -> {
            Object[] f = monthFigures.computeIfAbsent(List.of(Date.valueOf(((Date) k.get(0)).toLocalDate()
                    .withDayOfMonth(1)), k.get(1), k.get(2)), x -> new Object[] {BigDecimal.ZERO, BigDecimal.ZERO, 0L});
            f[0] = ((BigDecimal) f[0]).add((BigDecimal) v[0]);
            f[1] = ((BigDecimal) f[1]).add((BigDecimal) v[1]);
            f[2] = (Long) f[2] + (Long) v[2];
        });
        List<Object[]> monthFigureRows = new ArrayList<>();
        monthFigures.forEach((k, v) -> monthFigureRows.add(new Object[] {store, k.get(0), k.get(1), k.get(2), v[0], v[1],
                v[2]}));
        insert(c, "ho_month_figure", "store_id, month_start, kind, figure_key, amount, tax, detail_rows",
                monthFigureRows, " ON CONFLICT (store_id, month_start, kind, figure_key) DO UPDATE SET amount = "
                        + "ho_month_figure.amount + EXCLUDED.amount, tax = ho_month_figure.tax + EXCLUDED.tax, "
                        + "detail_rows = ho_month_figure.detail_rows + EXCLUDED.detail_rows", null);
        try (PreparedStatement ps = c.prepareStatement("UPDATE ho_store SET events = events + ?, last_batch_at = ?, "
                + "currency = 'EUR' WHERE store_id = ?")) {
            ps.setLong(1, applied.size());
            ps.setTimestamp(2, now);
            ps.setString(3, store);
            ps.executeUpdate();
        }
        c.commit();
    }

    private static void figure(Map<List<Object>, Object[]> figures, Date day, String kind, String key, BigDecimal amount,
            BigDecimal tax) {
        Object[] f = figures.computeIfAbsent(List.of(day, kind, key), k -> new Object[] {BigDecimal.ZERO,
                BigDecimal.ZERO, 0L});
        f[0] = ((BigDecimal) f[0]).add(amount);
        f[1] = ((BigDecimal) f[1]).add(tax);
        f[2] = (Long) f[2] + 1;
    }

    private void detail(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        if (copy) {
            copy(c, table, columns, rows);
        } else {
            insert(c, table, columns, rows, "", null);
        }
    }

    /** COPY ... FROM STDIN in the text format (the values here need no escaping). */
    private static void copy(Connection c, String table, String columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                text.append(i == 0 ? "" : "\t").append(v == null ? "\\N" : v instanceof BigDecimal d ? d.toPlainString()
                        : v instanceof Timestamp t ? t.toInstant().toString() : v.toString().replace("\\", "\\\\"));
            }
            text.append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN",
                    new java.io.StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static Set<String> probe(Connection c, String table, String column, String store, List<String> keys)
            throws SQLException {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> receipts = keys;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table
                + " WHERE store_id = ? AND " + column + " = ANY(?)")) {
            Array array = c.createArrayOf("varchar", receipts.toArray());
            ps.setString(1, store);
            ps.setArray(2, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Multi-row INSERT statements, as many rows each as the protocol's parameter limit allows. */
    private static void insert(Connection c, String table, String columns, List<Object[]> rows, String tail,
            Set<String> returned) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.get(0).length;
        int per = MAX_PARAMS / width;
        String one = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        for (int from = 0; from < rows.size(); from += per) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + per));
            String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), one)) + tail;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                for (Object[] row : chunk) {
                    for (Object v : row) {
                        if (v == null) {
                            ps.setNull(p++, java.sql.Types.NULL);
                        } else {
                            ps.setObject(p++, v);
                        }
                    }
                }
                if (returned != null) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            returned.add(rs.getString(1));
                        }
                    }
                } else {
                    ps.executeUpdate();
                }
            }
        }
    }
}
