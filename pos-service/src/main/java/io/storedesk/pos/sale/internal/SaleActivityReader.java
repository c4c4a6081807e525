package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.SaleActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads sales per clerk and post-voids for reports; never writes. */
@Service
class SaleActivityReader implements SaleActivity {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    SaleActivityReader(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, ClerkSales> salesByClerk(LocalDate from, LocalDate to) {
        Map<String, ClerkSales> clerks = new TreeMap<>();
        jdbc.sql("SELECT s.clerk, COUNT(*), SUM(s.total) FROM sale s WHERE s.business_date BETWEEN ? AND ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number) "
                        + "GROUP BY s.clerk")
                .params(from, to)
                .query(rs -> {
                    clerks.put(rs.getString(1), new ClerkSales(rs.getLong(2), str(rs.getBigDecimal(3))));
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
                        rs.getString(4), rs.getString(5), str(rs.getBigDecimal(6))))
                .list();
    }

    private String str(BigDecimal amount) {
        return Money.rounded(amount, store.currency()).toString();
    }
}
