package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.TaxExemptTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums the tax-exempt sales of business days by reason: how many sales and the net of their exempt lines
 * (what those lines were sold for, no tax; a partly exempt sale's taxed lines are not in it), post-voided
 * sales left out.
 */
@Component
class TaxExemptFigures {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    TaxExemptFigures(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    TaxExemptTotals of(LocalDate from, LocalDate to) {
        Map<String, TaxExemptTotals.Figures> byReason = new LinkedHashMap<>();
        long[] count = {0};
        BigDecimal[] net = {BigDecimal.ZERO};
        Map<String, Object[]> sums = new TreeMap<>();
        jdbc.sql("SELECT s.tax_exempt_reason, COUNT(DISTINCT s.id), SUM(l.net) FROM sale s "
                        + "JOIN sale_line l ON l.sale_id = s.id AND l.tax_exempt "
                        + "WHERE s.business_date >= ? AND s.business_date <= ? AND s.tax_exempt_reason IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number) "
                        + "GROUP BY s.tax_exempt_reason")
                .params(from, to)
                .query(rs -> {
                    sums.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
                });
        sums.forEach((reason, v) -> {
            byReason.put(reason, new TaxExemptTotals.Figures((Long) v[0], money((BigDecimal) v[1])));
            count[0] += (Long) v[0];
            net[0] = net[0].add((BigDecimal) v[1]);
        });
        return new TaxExemptTotals(count[0], money(net[0]), byReason);
    }

    private Money money(BigDecimal amount) {
        return Money.rounded(amount, store.currency());
    }
}
