package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.SaleActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sales per clerk over business days. A closed day's figures are stored when its Z report is
 * taken ({@link #seal}, in the close's transaction) and read back from there, since a closed day
 * takes no more sales or voids; days still open (or closed before this store existed) are read
 * from the sales themselves.
 */
@Component
class ClerkDays {

    private final SaleActivity sales;
    private final JdbcClient jdbc;
    private final StoreProperties store;
    private final Clock clock;

    ClerkDays(SaleActivity sales, JdbcClient jdbc, StoreProperties store, Clock clock) {
        this.sales = sales;
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void seal(LocalDate date) {
        jdbc.sql("INSERT INTO report_day_sealed (business_date, sealed_at) VALUES (?, ?)")
                .params(date, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))).update();
        sales.salesByClerk(date, date).forEach((clerk, s) -> jdbc.sql(
                        "INSERT INTO report_clerk_day (business_date, clerk, sales_count, sales_total) VALUES (?, ?, ?, ?)")
                .params(date, clerk, s.count(), s.total().amount()).update());
    }

    Map<String, SaleActivity.ClerkSales> salesByClerk(LocalDate from, LocalDate to) {
        Set<LocalDate> sealed = new HashSet<>(jdbc.sql("SELECT business_date FROM report_day_sealed "
                + "WHERE business_date BETWEEN ? AND ?").params(from, to).query(LocalDate.class).list());
        Map<String, Object[]> sums = new TreeMap<>();
        if (!sealed.isEmpty()) {
            jdbc.sql("SELECT clerk, SUM(sales_count), SUM(sales_total) FROM report_clerk_day "
                            + "WHERE business_date BETWEEN ? AND ? GROUP BY clerk")
                    .params(from, to)
                    .query(rs -> {
                        add(sums, rs.getString(1), rs.getLong(2), rs.getBigDecimal(3));
                    });
        }
        LocalDate runStart = null;
        for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            boolean live = !d.isAfter(to) && !sealed.contains(d);
            if (live && runStart == null) {
                runStart = d;
            } else if (!live && runStart != null) {
                sales.salesByClerk(runStart, d.minusDays(1)).forEach((clerk, s) ->
                        add(sums, clerk, s.count(), s.total().amount()));
                runStart = null;
            }
        }
        Map<String, SaleActivity.ClerkSales> out = new TreeMap<>();
        sums.forEach((clerk, s) -> out.put(clerk, new SaleActivity.ClerkSales((Long) s[0],
                Money.rounded((BigDecimal) s[1], store.currency()))));
        return out;
    }

    private static void add(Map<String, Object[]> sums, String clerk, long count, BigDecimal total) {
        Object[] s = sums.computeIfAbsent(clerk, k -> new Object[] {0L, BigDecimal.ZERO});
        s[0] = (Long) s[0] + count;
        s[1] = ((BigDecimal) s[1]).add(total);
    }
}
