package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.ManualDiscountTotals;
import io.storedesk.pos.sale.SaleActivity;
import io.storedesk.pos.sale.TaxExemptTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads sales per clerk and post-voids for reports; never writes. */
@Service
class SaleActivityReader implements SaleActivity {

    private final JdbcClient jdbc;
    private final StoreProperties store;
    private final ManualDiscountFigures discounts;

    private final TaxExemptFigures exempt;

    SaleActivityReader(JdbcClient jdbc, StoreProperties store, ManualDiscountFigures discounts, TaxExemptFigures exempt) {
        this.exempt = exempt;
        this.jdbc = jdbc;
        this.store = store;
        this.discounts = discounts;
    }

    @Override
    @Transactional(readOnly = true)
    public ManualDiscountTotals manualDiscounts(LocalDate from, LocalDate to) {
        return discounts.of(from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public TaxExemptTotals taxExempt(LocalDate from, LocalDate to) {
        return exempt.of(from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ClerkSales> salesByClerk(LocalDate from, LocalDate to) {
        // every sale of the days per clerk (from the index alone), less the few that were post-voided
        Map<String, Object[]> sums = new TreeMap<>();
        jdbc.sql("SELECT clerk, COUNT(*), SUM(total) FROM sale WHERE business_date BETWEEN ? AND ? GROUP BY clerk")
                .params(from, to)
                .query(rs -> {
                    sums.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
                });
        jdbc.sql("SELECT s.clerk, COUNT(*), SUM(s.total) FROM sale_void v JOIN sale s ON s.receipt_number = v.receipt_number "
                        + "WHERE v.business_date BETWEEN ? AND ? GROUP BY s.clerk")
                .params(from, to)
                .query(rs -> {
                    Object[] sum = sums.get(rs.getString(1));
                    sum[0] = (Long) sum[0] - rs.getLong(2);
                    sum[1] = ((BigDecimal) sum[1]).subtract(rs.getBigDecimal(3));
                });
        // gift cards sold are a liability, not the clerk's sales (issue 26); a sale with one is never post-voided
        jdbc.sql("SELECT s.clerk, SUM(l.net) FROM sale_line l JOIN sale s ON s.id = l.sale_id "
                        + "WHERE s.business_date BETWEEN ? AND ? AND l.gift_card_kind IS NOT NULL GROUP BY s.clerk")
                .params(from, to)
                .query(rs -> {
                    Object[] sum = sums.get(rs.getString(1));
                    if (sum != null) {
                        sum[1] = ((BigDecimal) sum[1]).subtract(rs.getBigDecimal(2));
                    }
                });
        Map<String, ClerkSales> clerks = new TreeMap<>();
        sums.forEach((clerk, sum) -> {
            if ((Long) sum[0] > 0) {
                clerks.put(clerk, new ClerkSales((Long) sum[0], money((BigDecimal) sum[1])));
            }
        });
        return clerks;
    }

    @Override
    @Transactional(readOnly = true)
    public List<VoidedSale> voids(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT receipt_number, business_date, voided_by, approved_by, reason, total FROM sale_void "
                        + "WHERE business_date BETWEEN ? AND ? ORDER BY voided_at, receipt_number")
                .params(from, to)
                .query((rs, n) -> new VoidedSale(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), money(rs.getBigDecimal(6))))
                .list();
    }

    private Money money(BigDecimal amount) {
        return Money.rounded(amount, store.currency());
    }
}
