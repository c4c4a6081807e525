package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.DayTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sums a business day's sales with a few aggregate queries (the Z report and daily reports use it). */
@Component
class SaleTotals {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    SaleTotals(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    DayTotals of(LocalDate date) {
        Currency currency = store.currency();
        record Head(long count, BigDecimal gross, BigDecimal discounts, BigDecimal net, BigDecimal tax, BigDecimal rounding) {
        }
        Head head = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(subtotal), 0), COALESCE(SUM(discount_total), 0), "
                        + "COALESCE(SUM(total), 0), COALESCE(SUM(tax_total), 0), COALESCE(SUM(cash_rounding), 0) "
                        + "FROM sale WHERE business_date = ?").param(date)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6))).single();
        Map<String, Map<String, String>> taxByRate = new TreeMap<>();
        Map<String, String> byDepartment = new TreeMap<>();
        jdbc.sql("SELECT l.tax_rate, l.department, SUM(l.net), SUM(l.tax) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                        + "WHERE s.business_date = ? GROUP BY l.tax_rate, l.department").param(date)
                .query(rs -> {
                    String rate = rs.getBigDecimal(1).stripTrailingZeros().toPlainString();
                    BigDecimal gross = rs.getBigDecimal(3);
                    BigDecimal tax = rs.getBigDecimal(4);
                    Map<String, String> r = taxByRate.computeIfAbsent(rate, k -> new LinkedHashMap<>(Map.of(
                            "net", "0", "tax", "0", "gross", "0")));
                    r.put("gross", str(new BigDecimal(r.get("gross")).add(gross), currency));
                    r.put("tax", str(new BigDecimal(r.get("tax")).add(tax), currency));
                    r.put("net", str(new BigDecimal(r.get("gross")).subtract(new BigDecimal(r.get("tax"))), currency));
                    byDepartment.merge(rs.getString(2), str(gross, currency),
                            (a, b) -> str(new BigDecimal(a).add(new BigDecimal(b)), currency));
                });
        Map<String, String> tenders = new TreeMap<>();
        jdbc.sql("SELECT t.type, SUM(t.amount) FROM sale_tender t JOIN sale s ON s.id = t.sale_id "
                        + "WHERE s.business_date = ? GROUP BY t.type").param(date)
                .query(rs -> {
                    tenders.put(rs.getString(1), str(rs.getBigDecimal(2), currency));
                });
        Map<Integer, String> byHour = new TreeMap<>();
        ZoneId zone = store.zone();
        jdbc.sql("SELECT completed_at, total FROM sale WHERE business_date = ?").param(date)
                .query(rs -> {
                    int hour = rs.getObject(1, java.time.OffsetDateTime.class).atZoneSameInstant(zone).getHour();
                    byHour.merge(hour, str(rs.getBigDecimal(2), currency),
                            (a, b) -> str(new BigDecimal(a).add(new BigDecimal(b)), currency));
                });
        return new DayTotals(date, currency.getCurrencyCode(), head.count(), str(head.gross(), currency),
                str(head.discounts(), currency), str(head.net(), currency), str(head.tax(), currency),
                str(head.rounding(), currency), taxByRate, tenders, byDepartment, byHour);
    }

    private static String str(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP).toPlainString();
    }
}
