package io.storedesk.pos.headoffice.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a batch's new sales, post-voids and returns to the report projections (PostgreSQL: their rows
 * gathered into the batch's {@link BatchStatement}; H2: a multi-row INSERT per table and up to 100
 * rows), and what they change to the per store and day totals ({@link DayTotals}); a Z report to
 * the day closes. A sale, void or return the projection
 * already holds (the same document sent again under another event id) is kept as an event but
 * projected once, so duplicates and resends change no total; a post-void counts the same whether
 * it arrives before or after its sale.
 */
@Component
@Profile("head-office")
class ProjectionWriter {

    private final JdbcTemplate jdbc;
    private final DayTotals totals;

    ProjectionWriter(JdbcTemplate jdbc, DayTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
    }

    /**
     * @param known what head office held of the batch's documents before it ({@link Known}, probed
     *              under the store's lock in this transaction)
     * @param writes the batch's statement (PostgreSQL), or null (H2: rows written at once)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(String storeId, List<StoreEvent> events, Known known, BatchStatement writes) {
        Map<String, Projected.Sale> sales = new LinkedHashMap<>();
        Map<String, Projected.Void> voids = new LinkedHashMap<>();
        Map<String, Projected.Return> returns = new LinkedHashMap<>();
        Map<LocalDate, Projected.DayClose> closes = new TreeMap<>();
        for (StoreEvent e : events) {
            if (e.projection() instanceof Projected.Sale s) {
                sales.putIfAbsent(s.receiptNumber(), s);
            } else if (e.projection() instanceof Projected.Void v) {
                voids.putIfAbsent(v.receiptNumber(), v);
            } else if (e.projection() instanceof Projected.Return r) {
                returns.putIfAbsent(r.returnNumber(), r);
            } else if (e.projection() instanceof Projected.DayClose z) {
                closes.merge(z.businessDate(), z, (a, b) -> b.zNumber() >= a.zNumber() ? b : a);
            }
        }
        Map<LocalDate, DayDelta> days = new TreeMap<>();
        writeSales(storeId, sales, known, days, writes);
        writeVoids(storeId, voids, known, days, writes);
        writeReturns(storeId, returns, known, days, writes);
        totals.add(storeId, days, writes);
        writeCloses(storeId, closes);
    }

    /** The rows go into the batch's statement (PostgreSQL), or are inserted now (H2). */
    private void append(BatchStatement writes, BatchStatement.Table table, List<Object[]> rows) {
        if (writes != null) {
            writes.add(table, rows);
        } else {
            Rows.insert(jdbc, table.table, table.columns, rows);
        }
    }

    private static DayDelta day(Map<LocalDate, DayDelta> days, LocalDate date, String currency) {
        return days.computeIfAbsent(date, d -> new DayDelta(currency));
    }

    /**
     * New sales go to the detail tables, and to their day's totals unless their post-void came
     * first (then they never stood).
     */
    private void writeSales(String storeId, Map<String, Projected.Sale> sales, Known known,
            Map<LocalDate, DayDelta> days, BatchStatement writes) {
        sales.keySet().removeAll(known.receipts);
        if (sales.isEmpty()) {
            return;
        }
        Set<String> voidedFirst = known.voids;
        sales.values().stream().filter(s -> !voidedFirst.contains(s.receiptNumber()))
                .forEach(s -> day(days, s.businessDate(), s.currency()).sale(s));
        List<Object[]> heads = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> tenders = new ArrayList<>();
        List<Object[]> discounts = new ArrayList<>(); // per sale and reason: the detail of the MD_ figures
        List<Object[]> exempt = new ArrayList<>();
        List<Object[]> giftCards = new ArrayList<>();
        for (Projected.Sale s : sales.values()) {
            discounts.addAll(perKey(storeId, s, s.discounts(), Projected.ManualDiscount::reason,
                    Projected.ManualDiscount::amount));
            if (s.exemption() != null) { // the detail of the TAX_EXEMPT figures, for rebuild and post-voids
                exempt.add(new Object[] {storeId, s.receiptNumber(), Date.valueOf(s.businessDate()),
                        s.exemption().reason(), s.exemption().lineNos().stream().map(String::valueOf)
                                .collect(java.util.stream.Collectors.joining(",")), s.exemption().net()});
            }
            // the detail of the GIFT_CARD figures
            giftCards.addAll(perKey(storeId, s, s.giftCards(), Projected.GiftCardLine::kind,
                    Projected.GiftCardLine::amount));
            heads.add(new Object[] {storeId, s.receiptNumber(), Date.valueOf(s.businessDate()), s.hour(),
                    Rows.text(s.registerId()), Rows.text(s.clerk()), s.currency(), s.subtotal(), s.discountTotal(),
                    s.total(), s.taxTotal(), s.cashRounding(), Rows.text(s.loyaltyCard())});
            Set<Integer> lineNos = new java.util.HashSet<>();
            for (Projected.Line l : s.lines()) {
                if (lineNos.add(l.lineNo())) {
                    lines.add(new Object[] {storeId, s.receiptNumber(), l.lineNo(), Rows.text(l.sku()), l.department(),
                            l.quantity(), Rows.decimal(l.unitPrice()), Rows.decimal(l.discount()), l.net(), l.tax(),
                            l.taxRate(), Date.valueOf(s.businessDate())});
                }
            }
            int n = 0;
            for (Projected.Tender t : s.tenders()) {
                tenders.add(new Object[] {storeId, s.receiptNumber(), ++n, t.type(), t.amount(),
                        Date.valueOf(s.businessDate())});
            }
        }
        append(writes, BatchStatement.Table.SALE, heads);
        append(writes, BatchStatement.Table.SALE_LINE, lines);
        append(writes, BatchStatement.Table.SALE_TENDER, tenders);
        append(writes, BatchStatement.Table.SALE_DISCOUNT, discounts);
        append(writes, BatchStatement.Table.SALE_EXEMPT, exempt);
        append(writes, BatchStatement.Table.SALE_GIFT_CARD, giftCards);
    }

    /** A sale's items summed per key: rows {store, receipt, business date, key, count, amount}, keys in order. */
    private static <T> java.util.Collection<Object[]> perKey(String storeId, Projected.Sale s, List<T> items,
            java.util.function.Function<T, String> key, java.util.function.Function<T, java.math.BigDecimal> amount) {
        Map<String, Object[]> byKey = new TreeMap<>();
        for (T item : items) {
            Object[] row = byKey.computeIfAbsent(key.apply(item), k -> new Object[] {storeId, s.receiptNumber(),
                    Date.valueOf(s.businessDate()), k, 0, java.math.BigDecimal.ZERO});
            row[4] = (Integer) row[4] + 1;
            row[5] = ((java.math.BigDecimal) row[5]).add(amount.apply(item));
        }
        return byKey.values();
    }

    /**
     * New post-voids count on their own day; a sale already received (in an earlier batch or
     * earlier in this one) is taken out of its day's sales figures.
     */
    private void writeVoids(String storeId, Map<String, Projected.Void> voids, Known known,
            Map<LocalDate, DayDelta> days, BatchStatement writes) {
        voids.keySet().removeAll(known.voids);
        if (voids.isEmpty()) {
            return;
        }
        voids.values().forEach(v -> day(days, v.businessDate(), v.currency()).voided(v));
        if (writes != null) {
            writes.run(jdbc); // the sales gathered so far are read back with those of earlier batches
        }
        totals.salesOf(storeId, voids.keySet()).forEach((date, sold) -> day(days, date, sold.currency).add(sold, -1));
        append(writes, BatchStatement.Table.VOID, voids.values().stream().map(v -> new Object[] {storeId, v.receiptNumber(),
                        Date.valueOf(v.businessDate()), v.currency(), v.total(), Rows.text(v.voidedBy())}).toList());
    }

    private void writeReturns(String storeId, Map<String, Projected.Return> returns, Known known,
            Map<LocalDate, DayDelta> days, BatchStatement writes) {
        returns.keySet().removeAll(known.returns);
        if (returns.isEmpty()) {
            return;
        }
        returns.values().forEach(r -> day(days, r.businessDate(), r.currency()).returned(r));
        List<Object[]> refunds = new ArrayList<>();
        for (Projected.Return r : returns.values()) {
            int n = 0;
            for (Projected.Tender t : r.refunds()) {
                refunds.add(new Object[] {storeId, r.returnNumber(), ++n, t.type(), t.amount()});
            }
        }
        append(writes, BatchStatement.Table.RETURN, returns.values().stream()
                        .map(r -> new Object[] {storeId, r.returnNumber(), Rows.text(r.receiptNumber()),
                                Date.valueOf(r.businessDate()), r.currency(), r.refundTotal(), r.cashRounding()})
                        .toList());
        append(writes, BatchStatement.Table.RETURN_REFUND, refunds);
    }

    /** A store's Z report: the counters of its closed day (a later Z of the same day replaces it). */
    private void writeCloses(String storeId, Map<LocalDate, Projected.DayClose> closes) {
        closes.values().forEach(z -> {
            Date day = Date.valueOf(z.businessDate());
            Long known = jdbc.query("SELECT z_number FROM ho_day_close WHERE store_id = ? AND business_date = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, storeId, day);
            if (known != null && known > z.zNumber()) {
                return;
            }
            jdbc.update("DELETE FROM ho_day_close WHERE store_id = ? AND business_date = ?", storeId, day);
            jdbc.update("INSERT INTO ho_day_close (store_id, business_date, z_number, currency, closed_at, sales_count, "
                    + "sales_total, void_count, void_amount, returns_count, returns_amount, net_sales) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", storeId, day, z.zNumber(), z.currency(),
                    java.sql.Timestamp.from(z.closedAt()), z.salesCount(), Rows.decimal(z.salesTotal()),
                    new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.BIGINT, z.voidCount()),
                    Rows.decimal(z.voidAmount()),
                    new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.BIGINT, z.returnsCount()),
                    Rows.decimal(z.returns()), z.netSales());
        });
    }
}
