package io.storedesk.pos.headoffice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.ClusterLocks;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Head office's stock per store (issue 26): every STOCK_MOVEMENT a store sends is kept as movement rows
 * and added to {@code ho_stock}, in the batch's transaction under the store's row lock, so each event
 * counts once (the batch applies only events {@code ho_event} does not hold yet). Order does not matter:
 * the quantities are added, and {@code as_of} is the latest movement's time. No row is shared between
 * stores; a batch upserts each of its store's SKUs once, in SKU order.
 */
@Component
@Profile("head-office")
class StockBook {

    record Movement(String eventId, Projected.StockMovement movement) {
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    StockBook(JdbcTemplate jdbc, ClusterLocks locks) {
        this.jdbc = jdbc;
        this.postgres = locks.postgres();
    }

    /** @param writes the batch's statement (PostgreSQL: the movement rows go into it), or null (H2) */
    void apply(String storeId, List<Movement> movements, BatchStatement writes) {
        if (movements.isEmpty()) {
            return;
        }
        Map<String, Integer> sums = new TreeMap<>();
        Map<String, Instant> latest = new TreeMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Movement m : movements) {
            int lineNo = 0;
            for (Projected.StockLine l : m.movement().lines()) {
                rows.add(new Object[] {storeId, m.eventId(), ++lineNo, l.sku(), l.quantity(), m.movement().reason(),
                        Rows.text(m.movement().reasonCode()), Rows.text(m.movement().document()),
                        Timestamp.from(m.movement().occurredAt())});
                sums.merge(l.sku(), l.quantity(), Integer::sum);
                latest.merge(l.sku(), m.movement().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (writes != null) {
            writes.add(BatchStatement.Table.STOCK_MOVEMENT, rows);
        } else {
            Rows.insert(jdbc, "ho_stock_movement", BatchStatement.Table.STOCK_MOVEMENT.columns, rows);
        }
        String upsert = postgres
                ? "INSERT INTO ho_stock (store_id, sku, on_hand, as_of) VALUES (?, ?, ?, ?) ON CONFLICT (store_id, sku) "
                        + "DO UPDATE SET on_hand = ho_stock.on_hand + EXCLUDED.on_hand, "
                        + "as_of = GREATEST(ho_stock.as_of, EXCLUDED.as_of)"
                : "MERGE INTO ho_stock t USING (VALUES (CAST(? AS VARCHAR(32)), CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), "
                        + "CAST(? AS TIMESTAMP WITH TIME ZONE))) AS d (store_id, sku, on_hand, as_of) "
                        + "ON t.store_id = d.store_id AND t.sku = d.sku "
                        + "WHEN MATCHED THEN UPDATE SET on_hand = t.on_hand + d.on_hand, as_of = GREATEST(t.as_of, d.as_of) "
                        + "WHEN NOT MATCHED THEN INSERT (store_id, sku, on_hand, as_of) VALUES (d.store_id, d.sku, d.on_hand, d.as_of)";
        List<Object[]> upserts = new ArrayList<>();
        sums.forEach((sku, q) -> upserts.add(new Object[] {storeId, sku, q,
                latest.get(sku).atOffset(ZoneOffset.UTC)}));
        jdbc.batchUpdate(upsert, upserts);
    }

    /** Every store's on hand of one SKU, by store id. */
    List<Map<String, Object>> stores(String sku) {
        return jdbc.query("SELECT store_id, on_hand, as_of FROM ho_stock WHERE sku = ? ORDER BY store_id", (rs, n) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("storeId", rs.getString(1));
            s.put("onHand", rs.getInt(2));
            s.put("asOf", rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString());
            return s;
        }, sku);
    }

    /**
     * One store's stock report: on hand per SKU, movements by reason from {@code from} to {@code to}
     * (whole days in {@code zone}) and the shrinkage counts found (COUNT movements below zero).
     */
    Map<String, Object> report(String storeId, LocalDate from, LocalDate to, ZoneId zone) {
        ConsolidatedReports.checkRange(from, to);
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("storeId", storeId);
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("onHand", jdbc.query("SELECT sku, on_hand, as_of FROM ho_stock WHERE store_id = ? ORDER BY sku",
                (rs, n) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("sku", rs.getString(1));
                    s.put("onHand", rs.getInt(2));
                    s.put("asOf", rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString());
                    return s;
                }, storeId));
        Map<String, Object> byReason = new TreeMap<>();
        jdbc.query("SELECT reason, COUNT(*), SUM(quantity) FROM ho_stock_movement WHERE store_id = ? AND occurred_at >= ? "
                + "AND occurred_at < ? GROUP BY reason", rs -> {
                    byReason.put(rs.getString(1), Map.of("movements", rs.getLong(2), "quantity", rs.getLong(3)));
                }, storeId, start, end);
        out.put("movementsByReason", byReason);
        Map<String, Object> adjustments = new TreeMap<>();
        jdbc.query("SELECT reason_code, SUM(quantity) FROM ho_stock_movement WHERE store_id = ? AND reason = 'ADJUSTMENT' "
                + "AND occurred_at >= ? AND occurred_at < ? GROUP BY reason_code", rs -> {
                    adjustments.put(rs.getString(1) == null ? "OTHER" : rs.getString(1), rs.getLong(2));
                }, storeId, start, end);
        out.put("adjustmentsByReason", adjustments);
        List<Map<String, Object>> shrunk = jdbc.query("SELECT sku, SUM(quantity) FROM ho_stock_movement WHERE store_id = ? "
                + "AND reason = 'COUNT' AND quantity < 0 AND occurred_at >= ? AND occurred_at < ? GROUP BY sku ORDER BY sku",
                (rs, n) -> Map.<String, Object>of("sku", rs.getString(1), "quantity", -rs.getLong(2)), storeId, start, end);
        out.put("shrinkage", Map.of("quantity", shrunk.stream().mapToLong(m -> (Long) m.get("quantity")).sum(),
                "bySku", shrunk));
        return out;
    }
}
