package io.storedesk.pos.returns.internal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.Returns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sums a business day's returns for the Z report, and reads single returns for other modules. */
@Service
class ReturnTotals implements Returns {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    private final ReturnStore returns;

    ReturnTotals(JdbcClient jdbc, StoreProperties store, ReturnStore returns) {
        this.jdbc = jdbc;
        this.store = store;
        this.returns = returns;
    }

    @Override
    public Optional<ReturnView> find(String returnNumber) {
        return returns.find(returnNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public DayReturns dayTotals(LocalDate date) {
        int scale = store.currency().getDefaultFractionDigits();
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(refund_total), 0) FROM sale_return WHERE business_date = ?")
                .param(date)
                .query((rs, n) -> new DayReturns(date, rs.getLong(1),
                        rs.getBigDecimal(2).setScale(scale, RoundingMode.HALF_UP).toPlainString()))
                .single();
    }

}
