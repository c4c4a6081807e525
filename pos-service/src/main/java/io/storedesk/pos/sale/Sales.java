package io.storedesk.pos.sale;

import java.util.Optional;

/** The sale module's API for other modules. */
public interface Sales {

    Optional<SaleView> find(String receiptNumber);

    /** The completed sales of one business day, summed by tax rate, tender, department and hour. */
    DayTotals dayTotals(java.time.LocalDate date);
}
