package io.storedesk.pos.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * The floor under the service: the same rows a cash sale writes (idempotency look-up and
 * record, receipt counter, drawer session and posting, sale, five lines, tender, journal head
 * and entry, the day's totalizers, the outbox event), written with plain JDBC statements in one
 * transaction per sale, one thread per register, into the same database the service uses, with
 * the same durability settings (H2 {@code WRITE_DELAY=0}; PostgreSQL {@code fsync} and
 * {@code synchronous_commit} on).
 */
final class RawJdbc {

    record Result(int threads, long sales, double seconds) {
        double perSecond() {
            return sales / seconds;
        }
    }

    private final DataSource dataSource;
    private final String payload;

    RawJdbc(DataSource dataSource, String samplePayload) {
        this.dataSource = dataSource;
        this.payload = samplePayload == null ? "{}" : samplePayload;
    }

    Result run(int threads, int seconds) throws Exception {
        AtomicLong sales = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String register = "RAW" + t;
            futures.add(pool.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    UUID session = openSession(c, register);
                    long seq = 0;
                    while (System.nanoTime() < end) {
                        sale(c, register, session, ++seq);
                        sales.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Result(threads, sales.get(), (System.nanoTime() - start) / 1e9);
    }

    private static UUID openSession(Connection c, String register) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_session (id, drawer_id, register_id, "
                + "open_marker, status, currency, business_date, opened_by, opened_at, opening_float, float_counts, "
                + "expected_cash, posting_count) VALUES (?, ?, ?, ?, 'OPEN', 'EUR', ?, 'bench', ?, 0, '{}', 0, 0)")) {
            ps.setObject(1, id);
            ps.setString(2, register);
            ps.setString(3, register);
            ps.setString(4, register);
            ps.setObject(5, LocalDate.now());
            ps.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
        update(c, "INSERT INTO register_counter (register_id, counter, last_value) VALUES (?, 'RECEIPT', 0)", register);
        update(c, "INSERT INTO journal_chain (chain, last_seq, last_hash) VALUES (?, 0, '" + "0".repeat(64) + "')", register);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO day_totalizer (business_date, register_id, kind, tkey, "
                + "amount1, amount2, amount3, cnt) VALUES (?, ?, ?, ?, 0, 0, 0, 0)")) {
            for (String[] key : TOTALIZERS) {
                ps.setObject(1, LocalDate.now());
                ps.setString(2, register);
                ps.setString(3, key[0]);
                ps.setString(4, key[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        return id;
    }

    /** The day totalizer rows a 5-line cash sale of one department and two tax rates adds to. */
    private static final String[][] TOTALIZERS = {{"DAY", ""}, {"ROUNDING", ""}, {"RATE", "12"}, {"RATE", "21"},
        {"DEPT", "FOOD"}, {"TENDER", "CASH"}, {"HOUR", "12"}};

    private void sale(Connection c, String register, UUID session, long seq) throws SQLException {
        String key = register + "-" + seq;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        query(c, "SELECT request_hash, response_body FROM idempotency_record WHERE scope = 'sale' AND idem_key = ?", key);
        update(c, "UPDATE register_counter SET last_value = last_value + 1 WHERE register_id = ? AND counter = 'RECEIPT'", register);
        query(c, "SELECT last_value FROM register_counter WHERE register_id = ? AND counter = 'RECEIPT'", register);
        String receipt = "RAW-" + register + "-" + seq;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE drawer_session SET posting_count = posting_count + 1, expected_cash = expected_cash + ? WHERE open_marker = ?")) {
            ps.setBigDecimal(1, new BigDecimal("12.35"));
            ps.setString(2, register);
            ps.executeUpdate();
        }
        query(c, "SELECT id FROM drawer_session WHERE open_marker = ?", register);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drawer_posting (id, session_id, drawer_id, type, "
                + "amount, reference, reason, actor, created_at) VALUES (?, ?, ?, 'SALE', ?, ?, NULL, 'bench', ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, session);
            ps.setString(3, register);
            ps.setBigDecimal(4, new BigDecimal("12.35"));
            ps.setString(5, receipt);
            ps.setObject(6, now);
            ps.executeUpdate();
        }
        UUID saleId = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale (id, receipt_number, store_id, register_id, "
                + "register_seq, drawer_id, business_date, clerk, completed_at, currency, subtotal, discount_total, "
                + "tax_total, total, cash_rounding, change_given, loyalty_card) "
                + "VALUES (?, ?, 'S001', ?, ?, ?, ?, 'bench', ?, 'EUR', 12.37, 0, 2.10, 12.37, -0.02, 487.65, NULL)")) {
            ps.setObject(1, saleId);
            ps.setString(2, receipt);
            ps.setString(3, register);
            ps.setLong(4, seq);
            ps.setString(5, register);
            ps.setObject(6, LocalDate.now());
            ps.setObject(7, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_line (sale_id, line_no, sku, name, department, "
                + "quantity, unit_price, line_value, discount, net, tax, tax_rate, tax_letter) "
                + "VALUES (?, ?, 'LV-1001', 'Rupjmaize', 'FOOD', 1, 2.47, 2.47, 0, 2.47, 0.26, 12, 'B')")) {
            for (int line = 1; line <= 5; line++) {
                ps.setObject(1, saleId);
                ps.setInt(2, line);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sale_tender (sale_id, tender_no, type, amount, "
                + "tendered, reference) VALUES (?, 1, 'CASH', 12.35, 500.00, NULL)")) {
            ps.setObject(1, saleId);
            ps.executeUpdate();
        }
        update(c, "UPDATE journal_chain SET last_seq = last_seq + 1 WHERE chain = ?", register);
        query(c, "SELECT last_seq, last_hash FROM journal_chain WHERE chain = ?", register);
        String hash = Long.toHexString(seq) + "0".repeat(64 - Long.toHexString(seq).length());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal_entry (chain, seq, type, occurred_at, actor, "
                + "reference, payload, prev_hash, hash) VALUES (?, ?, 'SALE_COMPLETED', ?, 'bench', ?, ?, ?, ?)")) {
            ps.setString(1, register);
            ps.setLong(2, seq);
            ps.setObject(3, now);
            ps.setString(4, receipt);
            ps.setString(5, payload);
            ps.setString(6, hash);
            ps.setString(7, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE journal_chain SET last_hash = ? WHERE chain = ?")) {
            ps.setString(1, hash);
            ps.setString(2, register);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE day_totalizer SET amount1 = amount1 + ?, amount2 = "
                + "amount2 + ?, amount3 = amount3 + ?, cnt = cnt + ? WHERE business_date = ? AND register_id = ? AND "
                + "kind = ? AND tkey = ?")) {
            for (String[] totalizer : TOTALIZERS) {
                ps.setBigDecimal(1, new BigDecimal("12.37"));
                ps.setBigDecimal(2, new BigDecimal("2.10"));
                ps.setBigDecimal(3, BigDecimal.ZERO);
                ps.setLong(4, 1);
                ps.setObject(5, LocalDate.now());
                ps.setString(6, register);
                ps.setString(7, totalizer[0]);
                ps.setString(8, totalizer[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_outbox (event_id, type, occurred_at, payload) "
                + "VALUES (?, 'SALE_COMPLETED', ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, now);
            ps.setString(3, payload);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_record (scope, idem_key, request_hash, "
                + "response_body, created_at) VALUES ('sale', ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, hash);
            ps.setString(3, payload);
            ps.setObject(4, now);
            ps.executeUpdate();
        }
        c.commit();
    }

    private static void update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            ps.executeUpdate();
        }
    }

    private static void query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }
}
