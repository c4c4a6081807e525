package io.storedesk.pos.headoffice.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.ClusterLocks;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per store and business day totals ({@code ho_day_total}, {@code ho_day_figure}) and their
 * per store and calendar month sums ({@code ho_month_total}, {@code ho_month_figure}) the
 * consolidated reports read. Changed only in a batch's transaction under the store's row lock
 * ({@link EventIngest}), by adding what the batch changes to the day rows and the month rows alike:
 * upserts (PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE}, all of a batch's rows in one
 * statement; H2 {@code MERGE}), no global row. Derived from the detail rows, which stay:
 * {@link #rebuild} sums a store's day again from them, and its month from its days.
 */
@Component
@Profile("head-office")
class DayTotals {

    private static final String[] TOTAL_KEYS = {"store_id", "business_date"};
    private static final String[] TOTAL_ADDED = {"sales_count", "gross_sales", "discounts", "sales_total", "tax_total",
            "cash_rounding", "void_count", "void_amount", "returns_count", "returns_amount"};
    private static final String[] FIGURE_KEYS = {"store_id", "business_date", "kind", "figure_key"};
    private static final String[] FIGURE_ADDED = {"amount", "tax", "detail_rows"};
    private static final String STANDING = " AND NOT EXISTS (SELECT 1 FROM ho_void v "
            + "WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)";

    private static final String[] TOTAL_KEPT = {"currency"};
    private static final String[] TOTAL_TYPES = {"VARCHAR(32)", "DATE", "VARCHAR(3)", "BIGINT", "NUMERIC(19,4)",
            "NUMERIC(19,4)", "NUMERIC(19,4)", "NUMERIC(19,4)", "NUMERIC(19,4)", "BIGINT", "NUMERIC(19,4)", "BIGINT",
            "NUMERIC(19,4)"};
    private static final String[] FIGURE_TYPES = {"VARCHAR(32)", "DATE", "VARCHAR(12)", "VARCHAR(200)",
            "NUMERIC(19,4)", "NUMERIC(19,4)", "BIGINT"};
    private static final String[] MONTH_TOTAL_KEYS = {"store_id", "month_start"};
    private static final String[] MONTH_FIGURE_KEYS = {"store_id", "month_start", "kind", "figure_key"};

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final String upsertTotal;
    private final String upsertFigure;
    private final String upsertMonthTotal;
    private final String upsertMonthFigure;

    DayTotals(JdbcTemplate jdbc, ClusterLocks locks) {
        this.jdbc = jdbc;
        this.postgres = locks.postgres();
        this.upsertTotal = merge("ho_day_total", TOTAL_KEYS, TOTAL_KEPT, TOTAL_ADDED, TOTAL_TYPES);
        this.upsertFigure = merge("ho_day_figure", FIGURE_KEYS, new String[0], FIGURE_ADDED, FIGURE_TYPES);
        this.upsertMonthTotal = merge("ho_month_total", MONTH_TOTAL_KEYS, TOTAL_KEPT, TOTAL_ADDED,
                TOTAL_TYPES);
        this.upsertMonthFigure = merge("ho_month_figure", MONTH_FIGURE_KEYS, new String[0], FIGURE_ADDED,
                FIGURE_TYPES);
    }

    /**
     * Adds each business day's change to the store's day totals and to its month's totals (the caller
     * holds the store's lock). PostgreSQL: the upserts go into the batch's {@link BatchStatement} (one
     * statement of fixed text; each row once: the batch's changes are summed per day, month, kind and
     * key first); H2: a JDBC batch of MERGEs per table.
     *
     * @param writes the batch's statement (PostgreSQL), or null (H2)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(String storeId, Map<LocalDate, DayDelta> days, BatchStatement writes) {
        Map<LocalDate, DayDelta> months = new TreeMap<>();
        days.forEach((date, d) -> months.computeIfAbsent(date.withDayOfMonth(1), m -> new DayDelta(d.currency))
                .add(d, 1));
        List<Object[]> totals = new ArrayList<>();
        List<Object[]> figures = new ArrayList<>();
        rows(storeId, days, totals, figures);
        List<Object[]> monthTotals = new ArrayList<>();
        List<Object[]> monthFigures = new ArrayList<>();
        rows(storeId, months, monthTotals, monthFigures);
        if (writes != null) {
            writes.add(BatchStatement.Table.DAY_TOTAL, totals);
            writes.add(BatchStatement.Table.DAY_FIGURE, figures);
            writes.add(BatchStatement.Table.MONTH_TOTAL, monthTotals);
            writes.add(BatchStatement.Table.MONTH_FIGURE, monthFigures);
        } else {
            batch(upsertTotal, totals);
            batch(upsertFigure, figures);
            batch(upsertMonthTotal, monthTotals);
            batch(upsertMonthFigure, monthFigures);
        }
        List<Date> emptiedDays = new ArrayList<>();
        days.forEach((date, d) -> {
            if (d.subtracted) {
                emptiedDays.add(Date.valueOf(date));
            }
        });
        if (emptiedDays.isEmpty()) {
            return;
        }
        // keyed figures whose detail rows were all post-voided go, as in a report from the rows
        List<Date> emptiedMonths = emptiedDays.stream().map(d -> Date.valueOf(d.toLocalDate().withDayOfMonth(1)))
                .distinct().toList();
        if (writes != null) {
            writes.run(jdbc); // the upserts first: these deletes read what they leave
            jdbc.update("WITH emptied AS (DELETE FROM ho_day_figure WHERE store_id = ?::text AND detail_rows = 0 "
                    + "AND business_date = ANY (?::date[])) DELETE FROM ho_month_figure WHERE store_id = ?::text "
                    + "AND detail_rows = 0 AND month_start = ANY (?::date[])", Rows.text(storeId),
                    emptiedDays.stream().map(Date::toString).toArray(String[]::new), Rows.text(storeId),
                    emptiedMonths.stream().map(Date::toString).toArray(String[]::new));
            return;
        }
        List<Object> daysParams = new ArrayList<>(List.of(storeId));
        daysParams.addAll(emptiedDays);
        List<Object> monthParams = new ArrayList<>(List.of(storeId));
        monthParams.addAll(emptiedMonths);
        jdbc.update("DELETE FROM ho_day_figure WHERE store_id = ? AND detail_rows = 0 AND business_date IN ("
                + marks(emptiedDays.size()) + ")", daysParams.toArray());
        jdbc.update("DELETE FROM ho_month_figure WHERE store_id = ? AND detail_rows = 0 AND month_start IN ("
                + marks(emptiedMonths.size()) + ")", monthParams.toArray());
    }

    /** The totals and figure rows of {@code deltas} (per day or per month), parameters as the upserts take them. */
    private static void rows(String storeId, Map<LocalDate, DayDelta> deltas, List<Object[]> totals,
            List<Object[]> figures) {
        deltas.forEach((date, d) -> {
            Date day = Date.valueOf(date);
            totals.add(new Object[] {storeId, day, d.currency, d.salesCount, d.grossSales, d.discounts, d.salesTotal,
                    d.taxTotal, d.cashRounding, d.voidCount, d.voidAmount, d.returnsCount, d.returns});
            d.figures.forEach((k, f) -> figures.add(new Object[] {storeId, day, k.get(0), k.get(1), f.amount, f.tax,
                    f.rows}));
        });
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * Sums the store's business day again from the detail rows and replaces its totals with that;
     * answers whether they had differed. Takes the store's row lock, as a batch does.
     */
    @Transactional
    boolean rebuild(String storeId, LocalDate date) {
        if (jdbc.queryForList("SELECT store_id FROM ho_store WHERE store_id = ? FOR UPDATE", String.class, storeId)
                .isEmpty()) {
            return false;
        }
        Date day = Date.valueOf(date);
        List<Map<String, Object>> before = snapshot(storeId, day);
        jdbc.update("DELETE FROM ho_day_figure WHERE store_id = ? AND business_date = ?", storeId, day);
        jdbc.update("DELETE FROM ho_day_total WHERE store_id = ? AND business_date = ?", storeId, day);
        Map<LocalDate, DayDelta> fresh = new TreeMap<>();
        fromSales(storeId, "s.business_date = ?" + STANDING, List.of(day), fresh);
        jdbc.query("SELECT business_date, currency, COUNT(*), SUM(total) FROM ho_void WHERE store_id = ? "
                + "AND business_date = ? GROUP BY business_date, currency", rs -> {
                    DayDelta d = day(fresh, rs.getDate(1).toLocalDate(), rs.getString(2));
                    d.voidCount += rs.getLong(3);
                    d.voidAmount = d.voidAmount.add(rs.getBigDecimal(4));
                }, storeId, day);
        jdbc.query("SELECT business_date, currency, COUNT(*), SUM(refund_total) FROM ho_return WHERE store_id = ? "
                + "AND business_date = ? GROUP BY business_date, currency", rs -> {
                    DayDelta d = day(fresh, rs.getDate(1).toLocalDate(), rs.getString(2));
                    d.returnsCount += rs.getLong(3);
                    d.returns = d.returns.add(rs.getBigDecimal(4));
                }, storeId, day);
        jdbc.query("SELECT r.business_date, r.currency, f.type, COUNT(*), SUM(f.amount) FROM ho_return_refund f "
                + "JOIN ho_return r ON r.store_id = f.store_id AND r.return_number = f.return_number "
                + "WHERE r.store_id = ? AND r.business_date = ? GROUP BY r.business_date, r.currency, f.type", rs -> {
                    day(fresh, rs.getDate(1).toLocalDate(), rs.getString(2)).figure(DayDelta.REFUND, rs.getString(3),
                            rs.getLong(4), rs.getBigDecimal(5), java.math.BigDecimal.ZERO);
                }, storeId, day);
        BatchStatement writes = postgres ? new BatchStatement() : null;
        add(storeId, fresh, writes);
        if (writes != null) {
            writes.run(jdbc);
        }
        resumMonth(storeId, date.withDayOfMonth(1));
        return !before.equals(snapshot(storeId, day));
    }

    /**
     * Replaces the store's month rows with the sums of its day rows of that month (after a day was
     * rebuilt; also puts right a month row that had drifted from its days).
     */
    private void resumMonth(String storeId, LocalDate month) {
        Date first = Date.valueOf(month);
        Date last = Date.valueOf(month.plusMonths(1).minusDays(1));
        jdbc.update("DELETE FROM ho_month_figure WHERE store_id = ? AND month_start = ?", storeId, first);
        jdbc.update("DELETE FROM ho_month_total WHERE store_id = ? AND month_start = ?", storeId, first);
        jdbc.update("INSERT INTO ho_month_total (store_id, month_start, currency, sales_count, gross_sales, discounts, "
                + "sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, returns_amount) "
                + "SELECT store_id, ?, MIN(currency), SUM(sales_count), SUM(gross_sales), SUM(discounts), "
                + "SUM(sales_total), SUM(tax_total), SUM(cash_rounding), SUM(void_count), SUM(void_amount), "
                + "SUM(returns_count), SUM(returns_amount) FROM ho_day_total "
                + "WHERE store_id = ? AND business_date BETWEEN ? AND ? GROUP BY store_id", first, storeId, first, last);
        jdbc.update("INSERT INTO ho_month_figure (store_id, month_start, kind, figure_key, amount, tax, detail_rows) "
                + "SELECT store_id, ?, kind, figure_key, SUM(amount), SUM(tax), SUM(detail_rows) FROM ho_day_figure "
                + "WHERE store_id = ? AND business_date BETWEEN ? AND ? GROUP BY store_id, kind, figure_key", first,
                storeId, first, last);
    }

    /**
     * The figures of the store's received sales with the given receipt numbers, per business day
     * (what a post-void arriving after them takes away).
     */
    Map<LocalDate, DayDelta> salesOf(String storeId, Collection<String> receipts) {
        Map<LocalDate, DayDelta> out = new TreeMap<>();
        if (receipts.isEmpty()) {
            return out;
        }
        if (postgres) { // one text for any number of receipts
            fromSales(storeId, "s.receipt_number = ANY (?::text[])", List.of((Object) receipts.toArray(String[]::new)),
                    out);
        } else {
            fromSales(storeId, "s.receipt_number IN (" + String.join(",", Collections.nCopies(receipts.size(), "?"))
                    + ")", new ArrayList<>(receipts), out);
        }
        return out;
    }

    /** Adds the figures of the store's sales matching {@code where} (over {@code ho_sale s}). */
    private void fromSales(String storeId, String where, List<?> whereParams, Map<LocalDate, DayDelta> into) {
        List<Object> p = new ArrayList<>();
        p.add(storeId);
        p.addAll(whereParams);
        Object[] params = p.toArray();
        String filter = " WHERE s.store_id = ? AND " + where;
        jdbc.query("SELECT s.business_date, s.currency, COUNT(*), SUM(s.subtotal), SUM(s.discount_total), "
                + "SUM(s.total), SUM(s.tax_total), SUM(s.cash_rounding) FROM ho_sale s" + filter
                + " GROUP BY s.business_date, s.currency", rs -> {
                    DayDelta d = day(into, rs.getDate(1).toLocalDate(), rs.getString(2));
                    d.salesCount += rs.getLong(3);
                    d.grossSales = d.grossSales.add(rs.getBigDecimal(4));
                    d.discounts = d.discounts.add(rs.getBigDecimal(5));
                    d.salesTotal = d.salesTotal.add(rs.getBigDecimal(6));
                    d.taxTotal = d.taxTotal.add(rs.getBigDecimal(7));
                    d.cashRounding = d.cashRounding.add(rs.getBigDecimal(8));
                }, params);
        String lines = " FROM ho_sale_line l JOIN ho_sale s ON s.store_id = l.store_id "
                + "AND s.receipt_number = l.receipt_number AND s.business_date = l.business_date" + filter;
        keyed("SELECT s.business_date, s.currency, l.tax_rate, COUNT(*), SUM(l.net), SUM(l.tax)" + lines
                + " GROUP BY s.business_date, s.currency, l.tax_rate", DayDelta.RATE, params, into);
        keyed("SELECT s.business_date, s.currency, l.department, COUNT(*), SUM(l.net), 0" + lines
                + " GROUP BY s.business_date, s.currency, l.department", DayDelta.DEPARTMENT, params, into);
        keyed("SELECT s.business_date, s.currency, t.type, COUNT(*), SUM(t.amount), 0 FROM ho_sale_tender t "
                + "JOIN ho_sale s ON s.store_id = t.store_id AND s.receipt_number = t.receipt_number "
                + "AND s.business_date = t.business_date" + filter
                + " GROUP BY s.business_date, s.currency, t.type", DayDelta.TENDER, params, into);
        keyed("SELECT s.business_date, s.currency, s.sale_hour, COUNT(*), SUM(s.total), 0 FROM ho_sale s" + filter
                + " GROUP BY s.business_date, s.currency, s.sale_hour", DayDelta.HOUR, params, into);
        keyed("SELECT s.business_date, s.currency, s.clerk, COUNT(*), SUM(s.total), 0 FROM ho_sale s" + filter
                + " AND s.clerk IS NOT NULL GROUP BY s.business_date, s.currency, s.clerk", DayDelta.CLERK, params,
                into);
        keyed("SELECT s.business_date, s.currency, e.reason, COUNT(*), SUM(e.net), 0 FROM ho_sale_exempt e "
                + "JOIN ho_sale s ON s.store_id = e.store_id AND s.receipt_number = e.receipt_number "
                + "AND s.business_date = e.business_date" + filter
                + " GROUP BY s.business_date, s.currency, e.reason", DayDelta.TAX_EXEMPT, params, into);
        keyed("SELECT s.business_date, s.currency, g.kind, SUM(g.cards), SUM(g.amount), 0 FROM ho_sale_gift_card g "
                + "JOIN ho_sale s ON s.store_id = g.store_id AND s.receipt_number = g.receipt_number "
                + "AND s.business_date = g.business_date" + filter
                + " GROUP BY s.business_date, s.currency, g.kind", DayDelta.GIFT_CARD, params, into);
        String discounts = " FROM ho_sale_discount d JOIN ho_sale s ON s.store_id = d.store_id "
                + "AND s.receipt_number = d.receipt_number AND s.business_date = d.business_date" + filter;
        keyed("SELECT s.business_date, s.currency, d.reason, SUM(d.discounts), SUM(d.amount), 0" + discounts
                + " GROUP BY s.business_date, s.currency, d.reason", DayDelta.DISCOUNT_REASON, params, into);
        keyed("SELECT s.business_date, s.currency, s.clerk, SUM(d.discounts), SUM(d.amount), 0" + discounts
                + " AND s.clerk IS NOT NULL GROUP BY s.business_date, s.currency, s.clerk", DayDelta.DISCOUNT_CLERK,
                params, into);
    }

    private void keyed(String sql, String kind, Object[] params, Map<LocalDate, DayDelta> into) {
        jdbc.query(sql, rs -> {
            day(into, rs.getDate(1).toLocalDate(), rs.getString(2)).figure(kind, rs.getString(3), rs.getLong(4),
                    rs.getBigDecimal(5), rs.getBigDecimal(6));
        }, params);
    }

    private static DayDelta day(Map<LocalDate, DayDelta> days, LocalDate date, String currency) {
        return days.computeIfAbsent(date, d -> new DayDelta(currency));
    }

    /** The day's rows and its month's rows. */
    private List<Map<String, Object>> snapshot(String storeId, Date day) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT sales_count, gross_sales, "
                + "discounts, sales_total, tax_total, cash_rounding, void_count, void_amount, returns_count, "
                + "returns_amount FROM ho_day_total WHERE store_id = ? AND business_date = ?", storeId, day));
        rows.addAll(jdbc.queryForList("SELECT kind, figure_key, amount, tax, detail_rows FROM ho_day_figure "
                + "WHERE store_id = ? AND business_date = ? ORDER BY kind, figure_key", storeId, day));
        Date month = Date.valueOf(day.toLocalDate().withDayOfMonth(1));
        rows.addAll(jdbc.queryForList("SELECT sales_count, gross_sales, discounts, sales_total, tax_total, "
                + "cash_rounding, void_count, void_amount, returns_count, returns_amount FROM ho_month_total "
                + "WHERE store_id = ? AND month_start = ?", storeId, month));
        rows.addAll(jdbc.queryForList("SELECT kind, figure_key, amount, tax, detail_rows FROM ho_month_figure "
                + "WHERE store_id = ? AND month_start = ? ORDER BY kind, figure_key", storeId, month));
        return rows;
    }

    /**
     * H2: a {@code MERGE INTO ... USING} adding {@code added} to the row of {@code keys} (PostgreSQL:
     * the upserts of {@link BatchStatement}). Parameters in the order keys, kept, added.
     */
    private static String merge(String table, String[] keys, String[] kept, String[] added, String[] types) {
        List<String> columns = new ArrayList<>(List.of(keys));
        columns.addAll(List.of(kept));
        columns.addAll(List.of(added));
        String list = String.join(", ", columns);
        StringBuilder sql = new StringBuilder();
        sql.append("MERGE INTO ").append(table).append(" t USING (VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(types[i]).append(')');
        }
        sql.append(")) AS d (").append(list).append(") ON ");
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : " AND ").append("t.").append(keys[i]).append(" = d.").append(keys[i]);
        }
        sql.append(" WHEN MATCHED THEN UPDATE SET ");
        for (int i = 0; i < added.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(added[i]).append(" = t.").append(added[i]).append(" + d.")
                    .append(added[i]);
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(list).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("d.").append(columns.get(i));
        }
        return sql.append(')').toString();
    }
}
