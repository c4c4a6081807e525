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

    /** Probes everything the batch's events refer to, in one statement (the caller holds the store's lock). */
    static Known probe(JdbcTemplate jdbc, String storeId, Collection<StoreEvent> batch) {
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
            String key = rs.getString(2);
            switch (rs.getString(1)) {
                case "E" -> known.events.add(key);
                case "S" -> known.receipts.add(key);
                case "V" -> known.voids.add(key);
                case "R" -> known.returns.add(key);
                default -> known.loyaltyEntries.add(key);
            }
        }, params.toArray());
        return known;
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
