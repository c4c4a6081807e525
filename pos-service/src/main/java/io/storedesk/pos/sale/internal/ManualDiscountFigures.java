package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.ManualDiscountTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sums the manual discounts of business days by reason and by clerk, post-voided sales left out. */
@Component
class ManualDiscountFigures {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    ManualDiscountFigures(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    ManualDiscountTotals of(LocalDate from, LocalDate to) {
        Map<String, Object[]> byReason = new TreeMap<>();
        Map<String, Object[]> byClerk = new TreeMap<>();
        Object[] all = {0L, BigDecimal.ZERO};
        jdbc.sql("SELECT d.reason, s.clerk, COUNT(*), SUM(d.amount) FROM sale_discount d "
                        + "JOIN sale s ON s.receipt_number = d.receipt_number "
                        + "WHERE s.business_date >= ? AND s.business_date <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number) "
                        + "GROUP BY d.reason, s.clerk")
                .params(from, to)
                .query(rs -> {
                    long count = rs.getLong(3);
                    BigDecimal amount = rs.getBigDecimal(4);
                    add(byReason.computeIfAbsent(rs.getString(1), k -> new Object[] {0L, BigDecimal.ZERO}), count, amount);
                    add(byClerk.computeIfAbsent(rs.getString(2), k -> new Object[] {0L, BigDecimal.ZERO}), count, amount);
                    add(all, count, amount);
                });
        return new ManualDiscountTotals((Long) all[0], money((BigDecimal) all[1]), figures(byReason), figures(byClerk));
    }

    private static void add(Object[] sum, long count, BigDecimal amount) {
        sum[0] = (Long) sum[0] + count;
        sum[1] = ((BigDecimal) sum[1]).add(amount);
    }

    private Map<String, ManualDiscountTotals.Figures> figures(Map<String, Object[]> sums) {
        Map<String, ManualDiscountTotals.Figures> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, new ManualDiscountTotals.Figures((Long) v[0], money((BigDecimal) v[1]))));
        return out;
    }

    private Money money(BigDecimal amount) {
        return Money.rounded(amount, store.currency());
    }
}
