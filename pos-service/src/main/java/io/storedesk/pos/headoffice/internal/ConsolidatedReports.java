package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.headoffice.HeadOfficeReports;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consolidated reports, read from the per store and business day totals kept at ingest
 * ({@link DayTotals}): per store with the store daily report's figures and meanings (a
 * post-voided sale leaves every sales figure and counts under voids on the void's business date;
 * returns count on the return's business date), and those summed per currency. Every store that
 * has sent a sale or a return is listed, with zeros on a day it had nothing. A range report sums
 * the days; the completeness view sets each store's day against its Z report.
 *
 * <p>One store and all stores are read by separate SQL (a plan for each, no {@code ? IS NULL OR}).
 */
@Service
@Profile("head-office")
class ConsolidatedReports implements HeadOfficeReports {

    /** The longest range a report covers, in days (inclusive). */
    static final int MAX_RANGE_DAYS = 366;

    private static final String TOTAL_COLUMNS = "sales_count, gross_sales, discounts, sales_total, tax_total, "
            + "cash_rounding, void_count, void_amount, returns_count, returns_amount";
    private static final String FIGURE_COLUMNS = "amount, tax, detail_rows";
    private static final String ONE_STORE = " AND store_id = ?";

    enum Status { COMPLETE, WAITING_FOR_Z, INCOMPLETE }

    private final JdbcTemplate jdbc;

    ConsolidatedReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> daily(LocalDate date, String storeId) {
        Map<String, Figures> stores = figures(date, date, storeId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", date.toString());
        report.put("storeId", storeId);
        write(stores, report, false);
        return report;
    }

    /** The days {@code from} to {@code to} (inclusive) summed; shaped as the daily report. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> range(LocalDate from, LocalDate to, String storeId) {
        checkRange(from, to);
        Map<String, Figures> stores = figures(from, to, storeId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", from.toString());
        report.put("to", to.toString());
        report.put("storeId", storeId);
        write(stores, report, true);
        return report;
    }

    /**
     * Per store and business day in the range that has figures or a Z report: COMPLETE (Z received
     * and the received figures equal its counters), WAITING_FOR_Z, or INCOMPLETE (with what the Z
     * expects and what was received).
     */
    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> completeness(LocalDate from, LocalDate to, String storeId) {
        checkRange(from, to);
        Map<String, Map<String, Object>> days = new TreeMap<>();
        String one = storeId == null ? "" : ONE_STORE;
        Object[] params = params(from, to, storeId);
        jdbc.query("SELECT store_id, business_date, currency, sales_count, sales_total, void_count, void_amount, "
                + "returns_count, returns_amount FROM ho_day_total WHERE business_date BETWEEN ? AND ?" + one, rs -> {
                    Map<String, Object> day = day(days, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3));
                    day.put("received", counters(rs.getLong(4), rs.getBigDecimal(5), rs.getLong(6),
                            rs.getBigDecimal(7), rs.getLong(8), rs.getBigDecimal(9)));
                }, params);
        jdbc.query("SELECT store_id, business_date, currency, sales_count, sales_total, void_count, void_amount, "
                + "returns_count, returns_amount, net_sales, z_number FROM ho_day_close "
                + "WHERE business_date BETWEEN ? AND ?" + one, rs -> {
                    Map<String, Object> day = day(days, rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3));
                    Map<String, Object> expected = counters(rs.getLong(4), rs.getBigDecimal(5),
                            (Long) rs.getObject(6, Long.class), rs.getBigDecimal(7),
                            (Long) rs.getObject(8, Long.class), rs.getBigDecimal(9));
                    expected.put("netSales", rs.getBigDecimal(10));
                    day.put("zNumber", rs.getLong(11));
                    day.put("expected", expected);
                }, params);
        List<Map<String, Object>> out = new ArrayList<>();
        days.values().forEach(day -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) day.get("expected");
            @SuppressWarnings("unchecked")
            Map<String, Object> received = (Map<String, Object>) day.computeIfAbsent("received",
                    k -> counters(0L, BigDecimal.ZERO, 0L, BigDecimal.ZERO, 0L, BigDecimal.ZERO));
            received.put("netSales", ((BigDecimal) received.get("salesTotal"))
                    .subtract((BigDecimal) received.get("returns")));
            Status status = expected == null ? Status.WAITING_FOR_Z
                    : matches(expected, received) ? Status.COMPLETE : Status.INCOMPLETE;
            day.put("status", status.name());
            String currency = (String) day.get("currency");
            Figures money = new Figures(currency);
            if (expected != null) {
                expected.replaceAll((k, v) -> v instanceof BigDecimal b ? money.str(b) : v);
            }
            received.replaceAll((k, v) -> v instanceof BigDecimal b ? money.str(b) : v);
            day.remove("expected");
            day.remove("received");
            day.put("expected", expected);
            day.put("received", received);
            out.add(day);
        });
        return out;
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ProblemException.badRequest("invalid-range", "Invalid range",
                    "from must not be after to, and a range spans at most %d days.".formatted(MAX_RANGE_DAYS))
                    .with("from", from.toString()).with("to", to.toString());
        }
    }

    /** Every counter the Z sent (a null one was not sent and is not compared) equals what was received. */
    private static boolean matches(Map<String, Object> expected, Map<String, Object> received) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object want = e.getValue();
            Object got = received.get(e.getKey());
            if (want == null) {
                continue;
            }
            boolean same = want instanceof BigDecimal w ? got instanceof BigDecimal g && w.compareTo(g) == 0
                    : want.equals(got);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> counters(Long sales, BigDecimal salesTotal, Long voids, BigDecimal voidAmount,
            Long returns, BigDecimal returnsAmount) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("salesCount", sales);
        c.put("salesTotal", salesTotal);
        c.put("voidsCount", voids);
        c.put("voids", voidAmount);
        c.put("returnsCount", returns);
        c.put("returns", returnsAmount);
        return c;
    }

    private static Map<String, Object> day(Map<String, Map<String, Object>> days, String store, LocalDate date,
            String currency) {
        return days.computeIfAbsent(store + "|" + date, k -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("storeId", store);
            d.put("businessDate", date.toString());
            d.put("currency", currency);
            return d;
        });
    }

    private static Object[] params(LocalDate from, LocalDate to, String storeId) {
        return storeId == null ? new Object[] {Date.valueOf(from), Date.valueOf(to)}
                : new Object[] {Date.valueOf(from), Date.valueOf(to), storeId};
    }

    /** Each store's figures over the days, from the totals. */
    private Map<String, Figures> figures(LocalDate from, LocalDate to, String storeId) {
        Map<String, Figures> stores = new TreeMap<>();
        if (storeId == null) {
            jdbc.query("SELECT store_id, currency FROM ho_store WHERE currency IS NOT NULL",
                    rs -> {
                        stores.put(rs.getString(1), new Figures(rs.getString(2)));
                    });
        } else {
            jdbc.query("SELECT store_id, currency FROM ho_store WHERE currency IS NOT NULL AND store_id = ?",
                    rs -> {
                        stores.put(rs.getString(1), new Figures(rs.getString(2)));
                    }, storeId);
        }
        Sources sources = Sources.of(from, to);
        List<Object> totalParams = new ArrayList<>();
        String totals = sources.sql("store_id, currency", TOTAL_COLUMNS, "ho_day_total", "ho_month_total", storeId,
                totalParams);
        jdbc.query("SELECT store_id, MIN(currency), SUM(sales_count), SUM(gross_sales), SUM(discounts), "
                + "SUM(sales_total), SUM(tax_total), SUM(cash_rounding), SUM(void_count), SUM(void_amount), "
                + "SUM(returns_count), SUM(returns_amount) FROM (" + totals + ") t GROUP BY store_id", rs -> {
            if (!stores.containsKey(rs.getString(1)) && sources.subtracts()) {
                boolean none = true; // a store with no day in the range, only in its month rows
                for (int i = 3; i <= 12 && none; i++) {
                    none = rs.getBigDecimal(i).signum() == 0;
                }
                if (none) {
                    return;
                }
            }
            Figures f = stores.computeIfAbsent(rs.getString(1), k -> new Figures(text(rs, 2)));
            f.salesCount += rs.getLong(3);
            f.grossSales = f.grossSales.add(rs.getBigDecimal(4));
            f.discounts = f.discounts.add(rs.getBigDecimal(5));
            f.salesTotal = f.salesTotal.add(rs.getBigDecimal(6));
            f.taxTotal = f.taxTotal.add(rs.getBigDecimal(7));
            f.cashRounding = f.cashRounding.add(rs.getBigDecimal(8));
            f.voidCount += rs.getLong(9);
            f.voidAmount = f.voidAmount.add(rs.getBigDecimal(10));
            f.returnsCount += rs.getLong(11);
            f.returns = f.returns.add(rs.getBigDecimal(12));
        }, totalParams.toArray());
        List<Object> figureParams = new ArrayList<>();
        String figures = sources.sql("store_id, kind, figure_key", FIGURE_COLUMNS, "ho_day_figure", "ho_month_figure",
                storeId, figureParams);
        jdbc.query("SELECT store_id, kind, figure_key, SUM(amount), SUM(tax), SUM(detail_rows) FROM (" + figures
                + ") t GROUP BY store_id, kind, figure_key" + (sources.subtracts() ? " HAVING SUM(detail_rows) > 0" : ""),
                rs -> {
            Figures f = stores.get(rs.getString(1));
            if (f == null) {
                return;
            }
            String key = rs.getString(3);
            BigDecimal amount = rs.getBigDecimal(4);
            switch (rs.getString(2)) {
                case DayDelta.RATE -> f.rate(key, amount, rs.getBigDecimal(5));
                case DayDelta.DEPARTMENT -> f.byDepartment.merge(key, amount, BigDecimal::add);
                case DayDelta.TENDER -> f.tenders.merge(key, amount, BigDecimal::add);
                case DayDelta.HOUR -> f.byHour.merge(key, amount, BigDecimal::add);
                case DayDelta.CLERK -> f.byClerk.merge(key, amount, BigDecimal::add);
                case DayDelta.REFUND -> f.refundsByTender.merge(key, amount, BigDecimal::add);
                case DayDelta.TAX_EXEMPT -> f.exempt(key, rs.getLong(6), amount);
                case DayDelta.GIFT_CARD -> f.giftCards(key, rs.getLong(6), amount);
                case DayDelta.DISCOUNT_REASON -> f.discountByReason(key, rs.getLong(6), amount);
                case DayDelta.DISCOUNT_CLERK -> f.discountByClerk(key, rs.getLong(6), amount);
                default -> {
                    // a kind this version does not show
                }
            }
        }, figureParams.toArray());
        return stores;
    }

    /**
     * Where a report's days are read from: whole months from the month rows, the days of a partial
     * month from the day rows or, when that reads fewer rows, the partial month as its month row
     * minus its days outside the range (a month row is the sum of its day rows, kept in the same
     * transactions). Exact: amounts are summed as NUMERIC, never rounded in between; a keyed figure
     * is shown when the detail rows it sums in the range are more than none, as when the days are
     * summed. Each pair of tables is read in one statement (one snapshot).
     */
    record Sources(LocalDate monthsFrom, LocalDate monthsTo, List<LocalDate[]> added, List<LocalDate[]> subtracted) {

        static Sources of(LocalDate from, LocalDate to) {
            LocalDate monthsFrom = null;
            LocalDate monthsTo = null;
            List<LocalDate[]> added = new ArrayList<>();
            List<LocalDate[]> subtracted = new ArrayList<>();
            for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
                LocalDate last = month.plusMonths(1).minusDays(1);
                LocalDate in = from.isAfter(month) ? from : month;
                LocalDate out = to.isBefore(last) ? to : last;
                long inside = ChronoUnit.DAYS.between(in, out) + 1;
                long outside = month.lengthOfMonth() - inside;
                if (outside > 0 && outside + 1 >= inside) { // the days themselves
                    added.add(new LocalDate[] {in, out});
                    continue;
                }
                // whole months, and partial ones as the month minus its days outside the range; only
                // the first and the last month can be partial, so these months are consecutive
                monthsFrom = monthsFrom == null ? month : monthsFrom;
                monthsTo = month;
                if (in.isAfter(month)) {
                    subtracted.add(new LocalDate[] {month, in.minusDays(1)});
                }
                if (out.isBefore(last)) {
                    subtracted.add(new LocalDate[] {out.plusDays(1), last});
                }
            }
            return new Sources(monthsFrom, monthsTo, added, subtracted);
        }

        boolean subtracts() {
            return !subtracted.isEmpty();
        }

        /** {@code SELECT keys, columns} of every source, the subtracted days negated, as one UNION ALL. */
        String sql(String keys, String columns, String dayTable, String monthTable, String storeId,
                List<Object> params) {
            String one = storeId == null ? "" : ONE_STORE;
            List<String> parts = new ArrayList<>();
            for (LocalDate[] days : added) {
                parts.add("SELECT " + keys + ", " + columns + " FROM " + dayTable
                        + " WHERE business_date BETWEEN ? AND ?" + one);
                bind(params, days[0], days[1], storeId);
            }
            if (monthsFrom != null) {
                parts.add("SELECT " + keys + ", " + columns + " FROM " + monthTable
                        + " WHERE month_start BETWEEN ? AND ?" + one);
                bind(params, monthsFrom, monthsTo, storeId);
            }
            String negated = "-" + columns.replace(", ", ", -");
            for (LocalDate[] days : subtracted) {
                parts.add("SELECT " + keys + ", " + negated + " FROM " + dayTable
                        + " WHERE business_date BETWEEN ? AND ?" + one);
                bind(params, days[0], days[1], storeId);
            }
            return String.join(" UNION ALL ", parts);
        }

        private static void bind(List<Object> params, LocalDate from, LocalDate to, String storeId) {
            params.add(Date.valueOf(from));
            params.add(Date.valueOf(to));
            if (storeId != null) {
                params.add(storeId);
            }
        }
    }

    private static void write(Map<String, Figures> stores, Map<String, Object> report, boolean withClerks) {
        Map<String, Figures> currencies = new TreeMap<>();
        Map<String, Object> byStore = new LinkedHashMap<>();
        stores.forEach((id, f) -> {
            currencies.computeIfAbsent(f.currency, Figures::new).add(f);
            byStore.put(id, f.toJson(true, withClerks));
        });
        Map<String, Object> byCurrency = new LinkedHashMap<>();
        currencies.forEach((c, f) -> byCurrency.put(c, f.toJson(false, withClerks)));
        report.put("stores", new ArrayList<>(stores.keySet()));
        report.put("currencies", byCurrency);
        report.put("byStore", byStore);
    }

    private static String text(java.sql.ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
