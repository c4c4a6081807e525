package io.storedesk.pos.headoffice.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What head office already holds of a batch, found in one query (one round trip) after the store's
 * row lock is taken, in the batch's transaction: the event ids ({@code ho_event}), the receipts
 * ({@code ho_sale}), the post-voids ({@code ho_void}: of the batch's sales, a post-void that came
 * first; of its voids, one already counted), the return numbers ({@code ho_return}) and the loyalty
 * entry ids ({@code ho_loyalty_entry}, chain-wide). Asked for every document of the batch, also
 * those of events that turn out to be duplicates (a superset of what is decided: the answer for each
 * key is the same). Later writes of the batch see their own rows; these sets are what stood before it.
 */
final class Known {

    final Set<String> events = new HashSet<>();
    final Set<String> receipts = new HashSet<>();
    final Set<String> voids = new HashSet<>();
    final Set<String> returns = new HashSet<>();
    final Set<String> loyaltyEntries = new HashSet<>();

    private Known() {
    }

    /**
     * PostgreSQL: the probe, one text whatever the batch holds (each key set one array parameter), so
     * it is prepared once per connection (docs/scaling.md, "Fixed statement shapes").
     */
    private static final String PROBE = "SELECT 'E', event_id FROM ho_event WHERE store_id = ?::text "
            + "AND event_id = ANY (?::text[]) "
            + "UNION ALL SELECT 'S', receipt_number FROM ho_sale WHERE store_id = ?::text "
            + "AND receipt_number = ANY (?::text[]) "
            + "UNION ALL SELECT 'V', receipt_number FROM ho_void WHERE store_id = ?::text "
            + "AND receipt_number = ANY (?::text[]) "
            + "UNION ALL SELECT 'R', return_number FROM ho_return WHERE store_id = ?::text "
            + "AND return_number = ANY (?::text[]) "
            + "UNION ALL SELECT 'L', entry_id FROM ho_loyalty_entry WHERE entry_id = ANY (?::text[])";

    /**
     * Probes everything the batch's events refer to, in one statement (the caller holds the store's
     * lock): on PostgreSQL with array parameters, on H2 with a list of parameters per key set.
     */
    static Known probe(JdbcTemplate jdbc, String storeId, Collection<StoreEvent> batch, boolean postgres) {
        Set<String> eventIds = new LinkedHashSet<>();
        Set<String> receipts = new LinkedHashSet<>();
        Set<String> voided = new LinkedHashSet<>();
        Set<String> returns = new LinkedHashSet<>();
        Set<String> entries = new LinkedHashSet<>();
        for (StoreEvent e : batch) {
            eventIds.add(e.eventId());
            if (e.projection() instanceof Projected.Sale s) {
                receipts.add(s.receiptNumber());
                voided.add(s.receiptNumber());
            } else if (e.projection() instanceof Projected.Void v) {
                voided.add(v.receiptNumber());
            } else if (e.projection() instanceof Projected.Return r) {
                returns.add(r.returnNumber());
            } else if (e.projection() instanceof Projected.LoyaltyEntry l) {
                entries.add(l.entryId());
            }
        }
        Known known = new Known();
        if (postgres) {
            jdbc.query(PROBE, rs -> {
                known.add(rs.getString(1), rs.getString(2));
            }, Rows.text(storeId), eventIds.toArray(String[]::new), Rows.text(storeId), receipts.toArray(String[]::new),
                    Rows.text(storeId), voided.toArray(String[]::new), Rows.text(storeId),
                    returns.toArray(String[]::new), entries.toArray(String[]::new));
            return known;
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        part(parts, params, "E", "event_id", "ho_event", storeId, eventIds);
        part(parts, params, "S", "receipt_number", "ho_sale", storeId, receipts);
        part(parts, params, "V", "receipt_number", "ho_void", storeId, voided);
        part(parts, params, "R", "return_number", "ho_return", storeId, returns);
        part(parts, params, "L", "entry_id", "ho_loyalty_entry", null, entries);
        if (parts.isEmpty()) {
            return known;
        }
        jdbc.query(String.join(" UNION ALL ", parts), rs -> {
            known.add(rs.getString(1), rs.getString(2));
        }, params.toArray());
        return known;
    }

    private void add(String tag, String key) {
        switch (tag) {
            case "E" -> events.add(key);
            case "S" -> receipts.add(key);
            case "V" -> voids.add(key);
            case "R" -> returns.add(key);
            default -> loyaltyEntries.add(key);
        }
    }

    private static void part(List<String> parts, List<Object> params, String tag, String column, String table,
            String storeId, Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        parts.add("SELECT '" + tag + "', " + column + " FROM " + table + " WHERE "
                + (storeId == null ? "" : "store_id = ? AND ") + column + " IN ("
                + String.join(",", Collections.nCopies(keys.size(), "?")) + ")");
        if (storeId != null) {
            params.add(storeId);
        }
        params.addAll(keys);
    }
}
