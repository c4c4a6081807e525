package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.returns.ReturnActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sums returns by reason, clerk and refund tender for reports; never writes. */
@Service
class ReturnActivityReader implements ReturnActivity {

    private static final String IN_RANGE = "r.business_date BETWEEN ? AND ?";

    private final JdbcClient jdbc;
    private final StoreProperties store;

    ReturnActivityReader(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public ReturnSummary summary(LocalDate from, LocalDate to) {
        Map<String, ClerkFigures> byClerk = new TreeMap<>();
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
        long[] count = {0};
        jdbc.sql("SELECT r.clerk, COUNT(*), SUM(r.refund_total), SUM(r.cash_rounding) FROM sale_return r WHERE "
                        + IN_RANGE + " GROUP BY r.clerk")
                .params(from, to)
                .query(rs -> {
                    byClerk.put(rs.getString(1), new ClerkFigures(rs.getLong(2), money(rs.getBigDecimal(3))));
                    count[0] += rs.getLong(2);
                    totals[0] = totals[0].add(rs.getBigDecimal(3));
                    totals[1] = totals[1].add(rs.getBigDecimal(4));
                });
        Map<String, ReasonFigures> byReason = new TreeMap<>();
        jdbc.sql("SELECT l.reason, COUNT(*), SUM(l.quantity), SUM(l.refund) FROM sale_return_line l "
                        + "JOIN sale_return r ON r.id = l.return_id WHERE " + IN_RANGE + " GROUP BY l.reason")
                .params(from, to)
                .query(rs -> {
                    byReason.put(rs.getString(1), new ReasonFigures(rs.getLong(2), rs.getLong(3),
                            money(rs.getBigDecimal(4))));
                });
        Map<String, Money> byTender = new TreeMap<>();
        jdbc.sql("SELECT f.type, SUM(f.amount) FROM sale_return_refund f JOIN sale_return r ON r.id = f.return_id "
                        + "WHERE " + IN_RANGE + " GROUP BY f.type")
                .params(from, to)
                .query(rs -> {
                    byTender.put(rs.getString(1), money(rs.getBigDecimal(2)));
                });
        return new ReturnSummary(count[0], money(totals[0]), money(totals[1]), byReason, byClerk, byTender);
    }

    private Money money(BigDecimal amount) {
        return Money.rounded(amount, store.currency());
    }
}
