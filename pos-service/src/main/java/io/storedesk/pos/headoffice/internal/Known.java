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
     * PostgreSQL: the probe. Each key is looked up on its own through its table's primary key: a
     * {@code LATERAL} subquery with {@code LIMIT 1} is not merged into a join, so whatever the planner
     * knows of the tables it stays a lookup per key. Written as {@code store_id = ? AND event_id = ANY
     * (?)} (until session 18), the plan made while the tables were small, as they are when a head
     * office starts, or with one store far bigger than the others, kept the array as a filter over
     * all of the store's rows: 6,000 rows read for 10 keys, and growing with the store's history. A
     * part per kind of key the batch has (a store's usual batches: one or two texts, each prepared
     * once per connection); with no empty array in it, PostgreSQL keeps one generic plan instead of
     * planning every batch again (docs/scaling.md, "Session 18").
     */
    private static final List<Part> PARTS = List.of(new Part("E", "ho_event", "event_id", true),
            new Part("S", "ho_sale", "receipt_number", true), new Part("V", "ho_void", "receipt_number", true),
            new Part("R", "ho_return", "return_number", true), new Part("L", "ho_loyalty_entry", "entry_id", false));
    private static final java.util.concurrent.ConcurrentMap<Integer, String> PROBES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One kind of key of the probe: the keys of an array parameter that {@code table} holds, of the
     * store given next when store-scoped (loyalty entry ids are the chain's).
     */
    private record Part(String tag, String table, String column, boolean storeScoped) {

        String sql() {
            return "SELECT '" + tag + "', k.id FROM unnest(?::text[]) AS k (id) CROSS JOIN LATERAL (SELECT 1 FROM "
                    + table + " t WHERE " + (storeScoped ? "t.store_id = ?::text AND " : "") + "t." + column
                    + " = k.id LIMIT 1) AS found";
        }
    }

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
            List<Set<String>> keys = List.of(eventIds, receipts, voided, returns, entries); // PARTS' order
            List<Object> params = new ArrayList<>();
            int kinds = 0;
            for (int k = 0; k < PARTS.size(); k++) {
                if (!keys.get(k).isEmpty()) {
                    kinds |= 1 << k;
                    params.add(keys.get(k).toArray(String[]::new));
                    if (PARTS.get(k).storeScoped()) {
                        params.add(Rows.text(storeId));
                    }
                }
            }
            if (kinds == 0) {
                return known;
            }
            jdbc.query(PROBES.computeIfAbsent(kinds, Known::probeText), rs -> {
                known.add(rs.getString(1), rs.getString(2));
            }, params.toArray());
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

    /** The probe of the kinds of key in {@code kinds} (bit = index in {@link #PARTS}). */
    private static String probeText(int kinds) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < PARTS.size(); k++) {
            if ((kinds & (1 << k)) != 0) {
                parts.add(PARTS.get(k).sql());
            }
        }
        return String.join(" UNION ALL ", parts);
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
