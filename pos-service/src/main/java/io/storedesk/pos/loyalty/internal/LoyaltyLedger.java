package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.loyalty.LoyaltyEntryPosted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and the append-only points ledger, by plain JDBC. The balance is never stored: it is
 * the account's snapshot plus the entries not yet in it. Changes that must see a stable balance
 * lock the account row first ({@link #lock}).
 */
@Component
class LoyaltyLedger {

    private static final String ENTRY_COLUMNS = "id, card, type, points, amount, currency, receipt_number, document, "
            + "redemption_id, occurred_at, expires_at, actor";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LoyaltyLedger(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Account> account(String card) {
        return jdbc.sql("SELECT card, customer_id, holder_name, tier, snapshot_balance, snapshot_at "
                        + "FROM loyalty_account WHERE card = ?")
                .param(card).query(LoyaltyLedger::account).optional();
    }

    /** The account, its row locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Account> lock(String card) {
        // lock 7 of docs/locking.md (loyalty account)
        return jdbc.sql("SELECT card, customer_id, holder_name, tier, snapshot_balance, snapshot_at "
                        + "FROM loyalty_account WHERE card = ? FOR UPDATE")
                .param(card).query(LoyaltyLedger::account).optional();
    }

    /** Whether the store holds the card only from its own seed file (no snapshot from head office yet). */
    boolean fromLocalSeedOnly(String card) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_account WHERE card = ? AND ho_version = 0").param(card)
                .query(Long.class).single() > 0;
    }

    List<String> cardsOf(String customerId) {
        return jdbc.sql("SELECT card FROM loyalty_account WHERE customer_id = ? ORDER BY card").param(customerId)
                .query(String.class).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_account").query(Long.class).single();
    }

    /**
     * Creates the account or replaces its snapshot, remembering head office's version of it; unless
     * {@code always}, a snapshot older than the one held changes nothing (false).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean saveSnapshot(Account a, long hoVersion, boolean always) {
        int updated = jdbc.sql("UPDATE loyalty_account SET customer_id = ?, holder_name = ?, tier = ?, "
                        + "snapshot_balance = ?, snapshot_at = ?, ho_version = ? WHERE card = ?"
                        + (always ? "" : " AND ho_version <= ?"))
                .params(always
                        ? java.util.Arrays.asList(a.customerId(), a.holderName(), a.tier(), a.snapshotBalance(),
                                utc(a.snapshotAt()), hoVersion, a.card())
                        : java.util.Arrays.asList(a.customerId(), a.holderName(), a.tier(), a.snapshotBalance(),
                                utc(a.snapshotAt()), hoVersion, a.card(), hoVersion))
                .update();
        if (updated > 0) {
            return true;
        }
        if (!always && account(a.card()).isPresent()) {
            return false; // the store holds a newer snapshot
        }
        jdbc.sql("INSERT INTO loyalty_account (card, customer_id, holder_name, tier, snapshot_balance, snapshot_at, "
                        + "ho_version) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(a.card(), a.customerId(), a.holderName(), a.tier(), a.snapshotBalance(),
                        utc(a.snapshotAt()), hoVersion)
                .update();
        return true;
    }

    /** Entries head office acknowledged by {@code acknowledgedBy} are part of the card's new snapshot. */
    @Transactional(propagation = Propagation.MANDATORY)
    int markInSnapshot(String card, Instant acknowledgedBy) {
        return jdbc.sql("UPDATE loyalty_entry SET in_snapshot = TRUE WHERE card = ? AND in_snapshot = FALSE "
                        + "AND synced_at IS NOT NULL AND synced_at <= ?")
                .params(card, utc(acknowledgedBy)).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int markSynced(List<UUID> ids, Instant at) {
        return jdbc.sql("UPDATE loyalty_entry SET synced_at = :at WHERE id IN (:ids) AND synced_at IS NULL")
                .param("at", utc(at)).param("ids", ids).update();
    }

    List<String> cardsAwaitingSnapshot(Instant acknowledgedBy) {
        return jdbc.sql("SELECT DISTINCT card FROM loyalty_entry WHERE in_snapshot = FALSE AND synced_at IS NOT NULL "
                        + "AND synced_at <= ? ORDER BY card")
                .param(utc(acknowledgedBy)).query(String.class).list();
    }

    /** Snapshot plus the local entries not in it yet. */
    long balance(Account a) {
        return a.snapshotBalance() + jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry "
                        + "WHERE card = ? AND in_snapshot = FALSE")
                .param(a.card()).query(Long.class).single();
    }

    /** Points redeemed here, net of what was given back, not yet synced to head office. */
    long pendingRedemptions(String card) {
        return -jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry "
                        + "WHERE card = ? AND type IN ('REDEEM', 'REDEEM_RETURNED') AND synced_at IS NULL")
                .param(card).query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Entry append(Entry e) {
        jdbc.sql("INSERT INTO loyalty_entry (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.card(), e.type().name(), e.points(), e.amount(), e.currency(), e.receiptNumber(),
                        e.document(), e.redemptionId(), utc(e.occurredAt()), utc(e.expiresAt()), e.actor())
                .update();
        events.publishEvent(new LoyaltyEntryPosted(e.id().toString(), e.card(), e.type().name(), e.points(),
                e.receiptNumber(), e.document(), e.occurredAt()));
        return e;
    }

    Optional<Entry> entry(UUID id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_entry WHERE id = ?").param(id)
                .query(LoyaltyLedger::entry).optional();
    }

    /** The entries of one sale (by receipt number), of the given kinds, oldest first. */
    List<Entry> ofSale(String receiptNumber, EntryType... types) {
        List<String> names = java.util.Arrays.stream(types).map(Enum::name).toList();
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_entry WHERE receipt_number = :receipt "
                        + "AND type IN (:types) ORDER BY occurred_at, id")
                .param("receipt", receiptNumber).param("types", names)
                .query(LoyaltyLedger::entry).list();
    }

    /** What has been given back of one redemption so far (points, positive). */
    long givenBack(UUID redemptionId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE redemption_id = ?")
                .param(redemptionId).query(Long.class).single();
    }

    /** A card's entries, newest first. */
    List<Entry> entries(String card, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM loyalty_entry WHERE card = ? "
                        + "ORDER BY occurred_at DESC, id FETCH FIRST ? ROWS ONLY")
                .params(card, limit).query(LoyaltyLedger::entry).list();
    }

    /**
     * Cards with earned points that have expired by {@code now} and that head office has not
     * acknowledged (head office expires what it holds: docs/head-office.md, "Who expires what").
     */
    List<String> cardsWithPointsDue(Instant now) {
        return jdbc.sql("SELECT DISTINCT card FROM loyalty_entry WHERE type = 'EARN' AND expires_at <= ? "
                        + "AND synced_at IS NULL ORDER BY card")
                .param(utc(now)).query(String.class).list();
    }

    /**
     * Sums by kind for the expiry of one card, over the entries head office has not acknowledged:
     * earned points (net of reversals) due by {@code now}, points redeemed (net of give-backs) and
     * points expired so far, all positive, and what these entries add to the balance (signed).
     */
    ExpiryFigures expiryFigures(String card, Instant now) {
        return jdbc.sql("SELECT "
                        + "COALESCE(SUM(CASE WHEN type IN ('EARN', 'EARN_REVERSED') AND expires_at <= ? THEN points END), 0), "
                        + "COALESCE(SUM(CASE WHEN type IN ('REDEEM', 'REDEEM_RETURNED') THEN -points END), 0), "
                        + "COALESCE(SUM(CASE WHEN type = 'EXPIRE' THEN -points END), 0), "
                        + "COALESCE(SUM(points), 0) "
                        + "FROM loyalty_entry WHERE card = ? AND synced_at IS NULL")
                .params(utc(now), card)
                .query((rs, n) -> new ExpiryFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** @param unsynced what the entries head office has not acknowledged add to the balance */
    record ExpiryFigures(long earnedDue, long redeemed, long expired, long unsynced) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                instant(rs, 6));
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(5);
        return new Entry(rs.getObject(1, UUID.class), rs.getString(2), EntryType.valueOf(rs.getString(3)),
                rs.getLong(4), amount, rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, UUID.class), instant(rs, 10), instant(rs, 11), rs.getString(12));
    }
}
