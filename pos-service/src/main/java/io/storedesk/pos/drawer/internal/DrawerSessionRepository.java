package io.storedesk.pos.drawer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and stores {@link DrawerSession}s, with JDBC only (ADR 0006): the one writer of {@code drawer_session}.
 * Lock 2 of docs/locking.md is taken by loading the open session {@code FOR UPDATE} ({@link #lockOpen}); every
 * change is decided by the aggregate on the session loaded under that lock and written back by its id. The
 * conditions in the UPDATEs (the session is still open) are a second fence: under the lock they always hold.
 * Reports read the table with their own queries (they change nothing).
 */
@Repository
class DrawerSessionRepository {

    private static final String COLUMNS = "id, drawer_id, register_id, open_marker, status, currency, business_date, "
            + "opened_by, opened_at, opening_float, float_counts, expected_cash, posting_count, closed_by, closed_at, "
            + "counted_cash, counted_counts, closing_expected, variance, result, approved_by, refused_counts";

    private final JdbcClient jdbc;

    DrawerSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The drawer's open session, without a lock. */
    Optional<DrawerSession> findOpen(String drawerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drawer_session WHERE open_marker = ?").param(drawerId)
                .query(DrawerSessionRepository::session).optional();
    }

    /**
     * The open session, locked until the transaction ends (lock 2 of docs/locking.md,
     * {@code SELECT ... FOR UPDATE}): postings wait, so the count is final.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<DrawerSession> lockOpen(String drawerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drawer_session WHERE open_marker = ? FOR UPDATE").param(drawerId)
                .query(DrawerSessionRepository::session).optional();
    }

    /** The sessions of one business day, by drawer and opening time. */
    List<DrawerSession> ofDay(LocalDate businessDate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM drawer_session WHERE business_date = ? "
                        + "ORDER BY drawer_id, opened_at").param(businessDate)
                .query(DrawerSessionRepository::session).list();
    }

    /** A new session; fails on the unique open marker when the drawer is open already. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(DrawerSession s) {
        jdbc.sql("INSERT INTO drawer_session (id, drawer_id, register_id, open_marker, status, currency, business_date, "
                        + "opened_by, opened_at, opening_float, float_counts, expected_cash, posting_count, refused_counts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.drawerId(), s.registerId(), s.openMarker(), s.status().name(), s.currency(),
                        s.businessDate(), s.openedBy(), utc(s.openedAt()), s.openingFloat(), s.floatCounts(),
                        s.expectedCash(), s.postingCount(), s.refusedCounts())
                .update();
    }

    /** The expected cash and posting count after {@link DrawerSession#post}: one UPDATE per posting. */
    @Transactional(propagation = Propagation.MANDATORY)
    void storePosting(DrawerSession s) {
        requireOne(jdbc.sql("UPDATE drawer_session SET expected_cash = ?, posting_count = ? "
                        + "WHERE id = ? AND open_marker IS NOT NULL")
                .params(s.expectedCash(), s.postingCount(), s.id()).update(), s);
    }

    /** A refused blind count ({@link DrawerSession#refuseCount}). */
    @Transactional(propagation = Propagation.MANDATORY)
    void storeRefusedCount(DrawerSession s) {
        requireOne(jdbc.sql("UPDATE drawer_session SET refused_counts = ? WHERE id = ? AND open_marker IS NOT NULL")
                .params(s.refusedCounts(), s.id()).update(), s);
    }

    /** The close ({@link DrawerSession#close}): the count, the expected cash it was held against, the result. */
    @Transactional(propagation = Propagation.MANDATORY)
    void storeClose(DrawerSession s) {
        requireOne(jdbc.sql("UPDATE drawer_session SET status = ?, open_marker = ?, counted_cash = ?, counted_counts = ?, "
                        + "closing_expected = ?, variance = ?, result = ?, closed_by = ?, closed_at = ?, approved_by = ? "
                        + "WHERE id = ? AND open_marker IS NOT NULL")
                .params(s.status().name(), s.openMarker(), s.countedCash(), s.countedCounts(), s.closingExpected(),
                        s.variance(), s.result(), s.closedBy(), utc(s.closedAt()), s.approvedBy(), s.id())
                .update(), s);
    }

    private static void requireOne(int updated, DrawerSession s) {
        if (updated != 1) {
            throw new IllegalStateException("drawer session " + s.id() + " was closed under its lock");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static DrawerSession session(ResultSet rs, int n) throws SQLException {
        return new DrawerSession(rs.getObject("id", UUID.class), rs.getString("drawer_id"),
                rs.getString("register_id"), rs.getString("open_marker"),
                DrawerSession.Status.valueOf(rs.getString("status")), rs.getString("currency"),
                rs.getObject("business_date", LocalDate.class), rs.getString("opened_by"), instant(rs, "opened_at"),
                rs.getBigDecimal("opening_float"), rs.getString("float_counts"), rs.getBigDecimal("expected_cash"),
                rs.getLong("posting_count"), rs.getString("closed_by"), instant(rs, "closed_at"), rs.getBigDecimal("counted_cash"),
                rs.getString("counted_counts"), rs.getBigDecimal("closing_expected"), rs.getBigDecimal("variance"),
                rs.getString("result"), rs.getString("approved_by"), rs.getInt("refused_counts"));
    }
}
