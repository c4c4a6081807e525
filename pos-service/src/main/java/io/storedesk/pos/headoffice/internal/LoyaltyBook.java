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

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authoritative loyalty balances: each card's opening balance plus every LOYALTY_ENTRY any
 * store sent, each entry applied once (by its {@code entryId}). Every change gives the card the
 * next global version (one counter row, locked until commit, so versions become visible in
 * order); stores pull the accounts changed since the version they last saw.
 */
@Component
@Profile("head-office")
class LoyaltyBook {

    private static final String COLUMNS = "card, customer_id, holder_name, tier, balance, version, updated_at";

    private final JdbcTemplate jdbc;

    LoyaltyBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Account(String card, String customerId, String holderName, String tier, long balance, long version,
            String asOf) {
    }

    record Delta(long version, boolean more, List<Account> accounts) {
    }

    /** Applies the batch's new ledger entries (in the batch's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(String storeId, List<Projected.LoyaltyEntry> entries, Instant now) {
        Map<String, Projected.LoyaltyEntry> fresh = new LinkedHashMap<>();
        entries.forEach(e -> fresh.putIfAbsent(e.entryId(), e));
        fresh.keySet().removeAll(Rows.existing(jdbc, "ho_loyalty_entry", null, "entry_id", fresh.keySet()));
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        Rows.insert(jdbc, "ho_loyalty_entry", "entry_id, store_id, card, entry_type, points, applied_at", fresh.values().stream()
                        .map(e -> new Object[] {e.entryId(), storeId, e.card(), e.entryType(), e.points(), at}).toList());
        Map<String, Long> byCard = new LinkedHashMap<>();
        fresh.values().forEach(e -> byCard.merge(e.card(), e.points(), Long::sum));
        long version = lockVersion();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<String, Long> c : byCard.entrySet()) {
            updates.add(new Object[] {c.getValue(), ++version, at, c.getKey()});
        }
        int[] updated = jdbc.batchUpdate(
                "UPDATE ho_loyalty_account SET balance = balance + ?, version = ?, updated_at = ? WHERE card = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Object[] u = updates.get(i);
                inserts.add(new Object[] {u[3], Rows.text(null), Rows.text(null), Rows.text(null), u[0], u[1], at});
            }
        }
        Rows.insert(jdbc, "ho_loyalty_account", COLUMNS, inserts);
        jdbc.update("UPDATE ho_counter SET counter_value = ? WHERE name = 'loyalty'", version);
    }

    /** Seeds the opening balances into an empty book; false when it already had accounts. */
    @Transactional
    boolean seed(List<Account> accounts, Instant now) {
        long version = lockVersion();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM ho_loyalty_account", Long.class);
        if (count != null && count > 0) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Account a : accounts) {
            rows.add(new Object[] {a.card(), Rows.text(a.customerId()), Rows.text(a.holderName()), Rows.text(a.tier()),
                    a.balance(), ++version, Timestamp.from(now)});
        }
        Rows.insert(jdbc, "ho_loyalty_account", COLUMNS, rows);
        jdbc.update("UPDATE ho_counter SET counter_value = ? WHERE name = 'loyalty'", version);
        return true;
    }

    /** The accounts changed after {@code since}, ascending by version, {@code limit} at a time. */
    @Transactional(readOnly = true)
    Delta since(long since, int limit) {
        List<Account> found = jdbc.query("SELECT " + COLUMNS + " FROM ho_loyalty_account WHERE version > ? "
                + "ORDER BY version LIMIT ?", (rs, n) -> account(rs), since, limit + 1);
        boolean more = found.size() > limit;
        List<Account> page = more ? found.subList(0, limit) : found;
        long version = page.isEmpty() ? Math.min(since, current()) : page.get(page.size() - 1).version();
        return new Delta(version, more, List.copyOf(page));
    }

    @Transactional(readOnly = true)
    Optional<Account> find(String card) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ho_loyalty_account WHERE card = ?", (rs, n) -> account(rs), card)
                .stream().findFirst();
    }

    private long current() {
        Long v = jdbc.queryForObject("SELECT counter_value FROM ho_counter WHERE name = 'loyalty'", Long.class);
        return v == null ? 0 : v;
    }

    private long lockVersion() {
        Long v = jdbc.queryForObject("SELECT counter_value FROM ho_counter WHERE name = 'loyalty' FOR UPDATE", Long.class);
        return v == null ? 0 : v;
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(7, OffsetDateTime.class);
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString());
    }
}
