package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.storedesk.pos.headoffice.HeadOfficeReports;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consolidated daily report, built from the received events only: per store with the store
 * daily report's figures and meanings (a post-voided sale leaves every sales figure and counts
 * under voids on the void's business date; returns count on the return's business date), and
 * those summed per currency. Every store that has sent a sale or a return is listed, with zeros
 * on a day it had nothing.
 */
@Service
@Profile("head-office")
class ConsolidatedReports implements HeadOfficeReports {

    private static final String STANDING = " s.business_date = ? AND (? IS NULL OR s.store_id = ?) AND NOT EXISTS "
            + "(SELECT 1 FROM ho_void v WHERE v.store_id = s.store_id AND v.receipt_number = s.receipt_number)";
    private static final String DAY = " business_date = ? AND (? IS NULL OR store_id = ?)";

    private final JdbcTemplate jdbc;

    ConsolidatedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> daily(LocalDate date, String storeId) {
        Object[] params = {Date.valueOf(date), Rows.text(storeId), Rows.text(storeId)};
        Map<String, Figures> stores = new TreeMap<>();
        jdbc.query("SELECT store_id, currency FROM ho_store WHERE currency IS NOT NULL AND (? IS NULL OR store_id = ?)",
                rs -> {
                    stores.put(rs.getString(1), new Figures(rs.getString(2)));
                }, Rows.text(storeId), Rows.text(storeId));
        jdbc.query("SELECT s.store_id, s.currency, COUNT(*), SUM(s.subtotal), SUM(s.discount_total), SUM(s.total), "
                + "SUM(s.tax_total), SUM(s.cash_rounding) FROM ho_sale s WHERE" + STANDING
                + " GROUP BY s.store_id, s.currency", rs -> {
                    Figures f = stores.computeIfAbsent(rs.getString(1), k -> new Figures(currency(rs)));
                    f.salesCount += rs.getLong(3);
                    f.grossSales = f.grossSales.add(rs.getBigDecimal(4));
                    f.discounts = f.discounts.add(rs.getBigDecimal(5));
                    f.salesTotal = f.salesTotal.add(rs.getBigDecimal(6));
                    f.taxTotal = f.taxTotal.add(rs.getBigDecimal(7));
                    f.cashRounding = f.cashRounding.add(rs.getBigDecimal(8));
                }, params);
        jdbc.query("SELECT s.store_id, l.tax_rate, SUM(l.net), SUM(l.tax) FROM ho_sale_line l JOIN ho_sale s "
                + "ON s.store_id = l.store_id AND s.receipt_number = l.receipt_number WHERE" + STANDING
                + " GROUP BY s.store_id, l.tax_rate", rs -> {
                    stores.get(rs.getString(1)).rate(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
                }, params);
        keyed("SELECT s.store_id, l.department, SUM(l.net) FROM ho_sale_line l JOIN ho_sale s "
                + "ON s.store_id = l.store_id AND s.receipt_number = l.receipt_number WHERE" + STANDING
                + " GROUP BY s.store_id, l.department", params, stores, (f, e) -> f.byDepartment.putAll(e));
        keyed("SELECT s.store_id, t.type, SUM(t.amount) FROM ho_sale_tender t JOIN ho_sale s "
                + "ON s.store_id = t.store_id AND s.receipt_number = t.receipt_number WHERE" + STANDING
                + " GROUP BY s.store_id, t.type", params, stores, (f, e) -> f.tenders.putAll(e));
        keyed("SELECT s.store_id, s.sale_hour, SUM(s.total) FROM ho_sale s WHERE" + STANDING
                + " GROUP BY s.store_id, s.sale_hour", params, stores, (f, e) -> f.byHour.putAll(e));
        jdbc.query("SELECT store_id, currency, COUNT(*), SUM(total) FROM ho_void WHERE" + DAY
                + " GROUP BY store_id, currency", rs -> {
                    Figures f = stores.computeIfAbsent(rs.getString(1), k -> new Figures(currency(rs)));
                    f.voidCount += rs.getLong(3);
                    f.voidAmount = f.voidAmount.add(rs.getBigDecimal(4));
                }, params);
        jdbc.query("SELECT store_id, currency, COUNT(*), SUM(refund_total) FROM ho_return WHERE" + DAY
                + " GROUP BY store_id, currency", rs -> {
                    Figures f = stores.computeIfAbsent(rs.getString(1), k -> new Figures(currency(rs)));
                    f.returnsCount += rs.getLong(3);
                    f.returns = f.returns.add(rs.getBigDecimal(4));
                }, params);
        keyed("SELECT r.store_id, f.type, SUM(f.amount) FROM ho_return_refund f JOIN ho_return r "
                + "ON r.store_id = f.store_id AND r.return_number = f.return_number WHERE r.business_date = ? "
                + "AND (? IS NULL OR r.store_id = ?) GROUP BY r.store_id, f.type", params, stores,
                (f, e) -> f.refundsByTender.putAll(e));

        Map<String, Figures> currencies = new TreeMap<>();
        Map<String, Object> byStore = new LinkedHashMap<>();
        stores.forEach((id, f) -> {
            currencies.computeIfAbsent(f.currency, Figures::new).add(f);
            byStore.put(id, f.toJson(true));
        });
        Map<String, Object> byCurrency = new LinkedHashMap<>();
        currencies.forEach((c, f) -> byCurrency.put(c, f.toJson(false)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", date.toString());
        report.put("storeId", storeId);
        report.put("stores", new ArrayList<>(stores.keySet()));
        report.put("currencies", byCurrency);
        report.put("byStore", byStore);
        return report;
    }

    /** Rows of (store, key, amount) added to each store's figures. */
    private void keyed(String sql, Object[] params, Map<String, Figures> stores,
            BiConsumer<Figures, Map<String, BigDecimal>> into) {
        Map<String, Map<String, BigDecimal>> found = new TreeMap<>();
        jdbc.query(sql, rs -> {
            found.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(rs.getString(2), rs.getBigDecimal(3),
                    BigDecimal::add);
        }, params);
        found.forEach((store, entries) -> {
            Figures f = stores.get(store);
            if (f != null) {
                into.accept(f, entries);
            }
        });
    }

    private static String currency(java.sql.ResultSet rs) {
        try {
            return rs.getString(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
