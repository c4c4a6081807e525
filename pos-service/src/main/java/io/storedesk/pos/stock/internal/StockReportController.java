package io.storedesk.pos.stock.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's stock report: on hand per SKU now, the movements by reason and the adjustments by
 * reason code from {@code from} to {@code to} (whole days in the store's zone; default today), and
 * the shrinkage counts found (COUNT movements below zero, per SKU).
 */
@RestController
class StockReportController implements io.storedesk.pos.stock.StockReports {

    static final int MAX_RANGE_DAYS = 366;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final StoreProperties store;
    private final Clock clock;

    StockReportController(JdbcClient jdbc, Catalog catalog, StoreProperties store, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @GetMapping("/api/v1/reports/stock")
    public Map<String, Object> report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = store.today(clock);
        LocalDate first = from == null ? today : from;
        LocalDate last = to == null ? today : to;
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
            throw ProblemException.badRequest("invalid-range", "Invalid range",
                    "from must not be after to, and a range spans at most %d days.".formatted(MAX_RANGE_DAYS))
                    .with("from", first.toString()).with("to", last.toString());
        }
        OffsetDateTime start = store.startOf(first);
        OffsetDateTime end = store.startOf(last.plusDays(1));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("storeId", store.id());
        out.put("from", first.toString());
        out.put("to", last.toString());
        out.put("onHand", jdbc.sql("SELECT sku, on_hand FROM stock_on_hand ORDER BY sku").query((rs, n) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("sku", rs.getString(1));
            s.put("name", catalog.find(rs.getString(1)).map(CatalogItem::name).orElse(null));
            s.put("onHand", rs.getInt(2));
            return s;
        }).list());
        Map<String, Object> byReason = new TreeMap<>();
        jdbc.sql("SELECT reason, COUNT(*), SUM(quantity) FROM stock_movement WHERE occurred_at >= ? AND occurred_at < ? "
                + "GROUP BY reason").params(start, end).query(rs -> {
                    byReason.put(rs.getString(1), Map.of("movements", rs.getLong(2), "quantity", rs.getLong(3)));
                });
        out.put("movementsByReason", byReason);
        Map<String, Object> adjustments = new TreeMap<>();
        jdbc.sql("SELECT reason_code, SUM(quantity) FROM stock_movement WHERE reason = 'ADJUSTMENT' AND occurred_at >= ? "
                + "AND occurred_at < ? GROUP BY reason_code").params(start, end).query(rs -> {
                    adjustments.put(rs.getString(1) == null ? "OTHER" : rs.getString(1), rs.getLong(2));
                });
        out.put("adjustmentsByReason", adjustments);
        List<Map<String, Object>> shrunk = jdbc.sql("SELECT sku, SUM(quantity) FROM stock_movement WHERE reason = 'COUNT' "
                + "AND quantity < 0 AND occurred_at >= ? AND occurred_at < ? GROUP BY sku ORDER BY sku")
                .params(start, end)
                .query((rs, n) -> Map.<String, Object>of("sku", rs.getString(1), "quantity", -rs.getLong(2))).list();
        out.put("shrinkage", Map.of("quantity", shrunk.stream().mapToLong(m -> (Long) m.get("quantity")).sum(),
                "bySku", shrunk));
        return out;
    }
}
