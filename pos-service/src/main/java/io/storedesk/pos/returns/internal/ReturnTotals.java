package io.storedesk.pos.returns.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.common.Money;
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
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(refund_total), 0) FROM sale_return WHERE business_date = ?")
                .param(date)
                .query((rs, n) -> new DayReturns(date, rs.getLong(1),
                        Money.rounded(rs.getBigDecimal(2), store.currency())))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReturnView> ofSales(Collection<String> receiptNumbers) {
        List<String> numbers = new ArrayList<>();
        for (List<String> chunk : chunks(List.copyOf(receiptNumbers), 500)) {
            numbers.addAll(jdbc.sql("SELECT return_number FROM sale_return WHERE receipt_number IN (:receipts) "
                            + "ORDER BY completed_at DESC")
                    .param("receipts", chunk).query(String.class).list());
        }
        return numbers.stream().map(n -> returns.find(n).orElseThrow())
                .sorted(java.util.Comparator.comparing(ReturnView::completedAt).reversed()).toList();
    }

    private static List<List<String>> chunks(List<String> all, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
