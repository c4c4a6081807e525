package io.storedesk.pos.returns;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.common.Money;

/** The returns module's API for other modules. */
public interface Returns {

    /** A business day's returns: how many and what they refunded in all. */
    DayReturns dayTotals(LocalDate date);

    /** The returns taken against these receipts, newest first. */
    List<ReturnView> ofSales(Collection<String> receiptNumbers);

    /** A completed return by its number, as {@code GET /api/v1/returns/{number}} shows it. */
    Optional<ReturnView> find(String returnNumber);

    /** {@code count} returns of the day and what they {@code refunded} in all, rounded once when summed. */
    record DayReturns(LocalDate date, long count, Money refunded) {
    }
}
