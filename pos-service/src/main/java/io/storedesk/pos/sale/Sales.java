package io.storedesk.pos.sale;

import java.util.List;
import java.util.Optional;

/** The sale module's API for other modules. */
public interface Sales {

    Optional<SaleView> find(String receiptNumber);

    /** The completed sales of one business day, summed by tax rate, tender, department and hour. */
    DayTotals dayTotals(java.time.LocalDate date);

    /**
     * Counts {@code quantity} more units of a sold line as returned, in the caller's (mandatory)
     * transaction. Atomic: concurrent callers never return more than was sold.
     *
     * @throws io.storedesk.pos.common.ProblemException 422 {@code return-quantity-exceeded} naming the line
     *         and what is left, or {@code unknown-sale-line}
     */
    void recordReturn(String receiptNumber, int lineNo, int quantity);

    /** The sales made with this loyalty card, newest first, at most {@code limit}. */
    List<SaleView> findByLoyaltyCard(String loyaltyCard, int limit);
}
