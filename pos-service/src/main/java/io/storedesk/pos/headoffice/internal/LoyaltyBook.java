package io.storedesk.pos.headoffice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.storedesk.pos.common.ClusterLocks;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authoritative loyalty balances: each card's opening balance plus every LOYALTY_ENTRY any
 * store sent, each entry applied once (by its {@code entryId}), and the change feed stores pull.
 *
 * <h2>Writing: no global lock</h2>
 * A batch's entries change each card they touch under that card's own row lock only (cards in
 * ascending order, so two batches never wait for each other in a cycle): the balance moves, the
 * card's {@code version} becomes version + 1 (so a card's versions never go backwards, whichever
 * node or batch wrote it) and {@code change_no} records the writing transaction: on PostgreSQL its
 * transaction id ({@code pg_current_xact_id()}, 64 bits, never reused). A new card is made with
 * {@code INSERT ... ON CONFLICT DO UPDATE}, so two nodes creating it at once both apply.
 *
 * <h2>Reading: a snapshot watermark</h2>
 * A reader works in one snapshot (REPEATABLE READ, read-only) and takes its watermark
 * {@code W = pg_snapshot_xmin(pg_current_snapshot())}: every transaction with an id below W has
 * finished (committed or rolled back) before the snapshot, and every transaction that had not
 * finished, or starts later, has an id of at least W. The reader returns the rows after its cursor
 * with {@code change_no < W}, ordered by {@code (change_no, account_no)}, a page at a time, and hands
 * back the last row's position or, on the last page, {@code (W, 0)}. Why nothing is skipped: a row
 * state with {@code change_no < W} was committed before the snapshot, so the reader sees it (or a
 * newer committed state of the same card); a state it does not see, or that comes later, was
 * written by a transaction with an id of at least W, so it sits after every cursor handed back from
 * this snapshot and a later page returns it. Pages read in different snapshots chain the same way,
 * because a cursor never passes the watermark of the snapshot that produced it. A reader therefore
 * ends with each card's latest state; in between it may see a card twice (once per change that
 * crossed its cursor), never an older state after a newer one from the same reader, and the
 * per-card {@code version} lets a store that also looks cards up one by one ignore a stale state.
 * A long-running transaction holds W back: the feed is late by that long, never wrong.
 *
 * <h2>H2</h2>
 * On H2 (one node: development, tests) the writer takes the {@code ho_counter 'loyalty'} row
 * FOR UPDATE until commit and uses the next counter value as {@code change_no}: changes become
 * visible in counter order, and the watermark is the committed counter + 1.
 *
 * <h2>Who gets what</h2>
 * An account has a home store (from the seed, else the store that sent its first entry); a store
 * pulls the accounts homed at it or at a store of its region ({@code ho_store.region}), and the
 * cards it showed an interest in ({@code ho_loyalty_interest}: it sent entries for a card homed
 * elsewhere, or looked the card up). A head-office user pulls every account.
 */
@Component
@Profile("head-office")
class LoyaltyBook {

    private static final String COLUMNS = "card, customer_id, holder_name, tier, balance, version, updated_at, home_store";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    LoyaltyBook(JdbcTemplate jdbc, ClusterLocks locks) {
        this.jdbc = jdbc;
        this.postgres = locks.postgres();
    }

    /**
     * @param version   the card's own version: +1 per change, never backwards
     * @param homeStore the store the account belongs to (null until known)
     */
    record Account(String card, String customerId, String holderName, String tier, long balance, long version,
            String asOf, String homeStore) {
    }

    /**
     * A page of the feed.
     *
     * @param cursor where the next page starts (opaque to the store; pass it back as {@code cursor})
     * @param more   whether more accounts are ready right now (ask again with {@code cursor})
     */
    record Feed(String cursor, boolean more, List<Account> accounts) {
    }

    /**
     * A position in the feed: after every account whose {@code (change_no, account_no)} is at most
     * this. Written as {@code 1.<change>.<account>}; anything else (a version number from before the
     * feed had cursors) starts from the beginning.
     */
    record Cursor(long change, long account) implements Comparable<Cursor> {

        static final Cursor START = new Cursor(0, 0);

        static Optional<Cursor> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.of(START);
            }
            String[] p = text.strip().split("\\.", -1);
            if (p.length != 3 || !p[0].equals("1")) {
                return Optional.empty();
            }
            try {
                long change = Long.parseLong(p[1]);
                long account = Long.parseLong(p[2]);
                return change < 0 || account < 0 ? Optional.empty() : Optional.of(new Cursor(change, account));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Cursor o) {
            int c = Long.compare(change, o.change);
            return c != 0 ? c : Long.compare(account, o.account);
        }

        @Override
        public String toString() {
            return "1." + change + "." + account;
        }
    }

    /** Applies new ledger entries (in the caller's transaction), finding those the book already has first. */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(String storeId, List<Projected.LoyaltyEntry> entries, Instant now) {
        BatchStatement writes = postgres ? new BatchStatement() : null;
        apply(storeId, entries, Rows.existing(jdbc, "ho_loyalty_entry", null, "entry_id",
                entries.stream().map(Projected.LoyaltyEntry::entryId).toList()), now, writes);
        if (writes != null) {
            writes.run(jdbc);
        }
    }

    /**
     * Applies the batch's new ledger entries (in the batch's transaction).
     *
     * @param known  the entry ids already in the book ({@link Known}, probed in this transaction)
     * @param writes PostgreSQL: the batch's statement, which writes the entries, the cards' balances
     *               and the store's interest (run by the caller); null on H2 (written at once)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(String storeId, List<Projected.LoyaltyEntry> entries, java.util.Set<String> known, Instant now,
            BatchStatement writes) {
        Map<String, Projected.LoyaltyEntry> fresh = new LinkedHashMap<>();
        entries.forEach(e -> fresh.putIfAbsent(e.entryId(), e));
        fresh.keySet().removeAll(known);
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> entryRows = fresh.values().stream().map(e -> new Object[] {e.entryId(), storeId, e.card(),
                e.entryType(), e.points(), at, e.occurredAt() == null ? at : Timestamp.from(e.occurredAt()),
                Rows.text(e.receiptNumber())}).toList();
        Map<String, Long> byCard = new TreeMap<>(); // ascending: row locks always taken in the same order
        fresh.values().forEach(e -> byCard.merge(e.card(), e.points(), Long::sum));
        if (writes != null) {
            writes.add(BatchStatement.Table.LOYALTY_ENTRY, entryRows);
            writes.accounts(storeId, byCard, at);
            return;
        }
        Rows.insert(jdbc, "ho_loyalty_entry", ENTRY_COLUMNS, entryRows);
        long change = changeNo();
        List<Object[]> updates = new ArrayList<>();
        byCard.forEach((card, points) -> updates.add(new Object[] {points, at, change, Rows.text(storeId), card}));
        int[] updated = jdbc.batchUpdate("UPDATE ho_loyalty_account SET balance = balance + ?, version = version + 1, "
                + "updated_at = ?, change_no = ?, home_store = COALESCE(home_store, ?) WHERE card = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] u = updates.get(i);
                inserts.add(new Object[] {u[4], u[0], 1L, at, change, Rows.text(storeId)});
            }
        }
        Rows.insert(jdbc, "ho_loyalty_account", "card, balance, version, updated_at, change_no, home_store", inserts);
        interest(storeId, byCard.keySet(), at);
    }

    private static final String ENTRY_COLUMNS = BatchStatement.Table.LOYALTY_ENTRY.columns;

    /** The store follows these cards from now on, where they are homed elsewhere. */
    private void interest(String storeId, java.util.Collection<String> cards, Timestamp at) {
        List<Object[]> rows = cards.stream().map(c -> new Object[] {storeId, at, c, storeId}).toList();
        String select = " SELECT ?, card, ? FROM ho_loyalty_account WHERE card = ? "
                + "AND (home_store IS NULL OR home_store <> ?)";
        jdbc.batchUpdate(postgres
                ? "INSERT INTO ho_loyalty_interest (store_id, card, since)" + select + " ON CONFLICT DO NOTHING"
                : "MERGE INTO ho_loyalty_interest (store_id, card, since) KEY (store_id, card)" + select, rows);
    }

    /**
     * Seeds the opening balances into an empty book; false when it already had accounts. Two nodes
     * starting together: the second waits for the first (the {@code ho_counter} row, taken once per
     * start, not per batch) and then finds the accounts there.
     */
    @Transactional
    boolean seed(List<Account> accounts, Instant now) {
        jdbc.queryForObject("SELECT counter_value FROM ho_counter WHERE name = 'loyalty' FOR UPDATE", Long.class);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ho_loyalty_account", Long.class);
        if (count != null && count > 0) {
            return false;
        }
        long change = changeNo();
        List<Object[]> rows = new ArrayList<>();
        for (Account a : accounts) {
            rows.add(new Object[] {a.card(), Rows.text(a.customerId()), Rows.text(a.holderName()), Rows.text(a.tier()),
                    a.balance(), 1L, Timestamp.from(now), Rows.text(a.homeStore()), change});
        }
        Rows.insert(jdbc, "ho_loyalty_account", COLUMNS + ", change_no", rows);
        return true;
    }

    /**
     * The accounts {@code storeId} follows (all, for null) changed after {@code after}, in commit
     * order, {@code limit} at a time; see the class comment.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Feed feed(String storeId, Cursor after, int limit) {
        long watermark = watermark();
        List<Object> params = new ArrayList<>(List.of(after.change(), after.account(), watermark));
        String follows = "";
        if (storeId != null) {
            follows = " AND (a.home_store = ? OR a.home_store IN (SELECT r.store_id FROM ho_store r "
                    + "JOIN ho_store s ON r.region = s.region WHERE s.store_id = ?) "
                    + "OR EXISTS (SELECT 1 FROM ho_loyalty_interest i WHERE i.store_id = ? AND i.card = a.card))";
            params.addAll(List.of(storeId, storeId, storeId));
        }
        params.add(limit + 1);
        List<Cursor> positions = new ArrayList<>();
        List<Account> found = jdbc.query("SELECT " + prefixed() + ", a.change_no, a.account_no FROM ho_loyalty_account a "
                + "WHERE (a.change_no, a.account_no) > (?, ?) AND a.change_no < ?" + follows
                + " ORDER BY a.change_no, a.account_no LIMIT ?", (rs, n) -> {
                    positions.add(new Cursor(rs.getLong(9), rs.getLong(10)));
                    return account(rs);
                }, params.toArray());
        boolean more = found.size() > limit;
        Cursor next;
        if (more) {
            found = found.subList(0, limit);
            next = positions.get(limit - 1);
        } else {
            Cursor complete = new Cursor(watermark, 0);
            next = complete.compareTo(after) > 0 ? complete : after;
        }
        return new Feed(next.toString(), more, List.copyOf(found));
    }

    /**
     * One account; a store that looks up a card homed elsewhere follows it from now on (its interest
     * is recorded before the account is read, so a change the read does not see reaches it by the feed).
     */
    @Transactional
    Optional<Account> find(String card, String storeId, Instant now) {
        if (storeId != null) {
            interest(storeId, List.of(card), Timestamp.from(now));
        }
        return jdbc.query("SELECT " + prefixed() + " FROM ho_loyalty_account a WHERE a.card = ?",
                (rs, n) -> account(rs), card).stream().findFirst();
    }

    /** This transaction's change number (PostgreSQL: its id; H2: the next counter value, locked until commit). */
    private long changeNo() {
        if (postgres) {
            Long xid = jdbc.queryForObject("SELECT pg_current_xact_id()::text::bigint", Long.class);
            return xid == null ? 0 : xid;
        }
        Long v = jdbc.queryForObject("SELECT counter_value FROM ho_counter WHERE name = 'loyalty' FOR UPDATE", Long.class);
        long next = (v == null ? 0 : v) + 1;
        jdbc.update("UPDATE ho_counter SET counter_value = ? WHERE name = 'loyalty'", next);
        return next;
    }

    /** Every change numbered below this is committed (or rolled back) and visible to this snapshot. */
    private long watermark() {
        Long w = postgres
                ? jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint", Long.class)
                : jdbc.queryForObject("SELECT counter_value + 1 FROM ho_counter WHERE name = 'loyalty'", Long.class);
        return w == null ? 0 : w;
    }

    private static String prefixed() {
        return "a." + COLUMNS.replace(", ", ", a.");
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString(),
                rs.getString(8));
    }
}
