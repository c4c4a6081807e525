package io.storedesk.pos.returns;

import java.time.LocalDate;

/** The returns module's API for other modules. */
public interface Returns {

    /** A business day's returns: how many and what they refunded in all. */
    DayReturns dayTotals(LocalDate date);

    /** Amounts are strings. */
    record DayReturns(LocalDate date, long count, String refunded) {
    }
}
