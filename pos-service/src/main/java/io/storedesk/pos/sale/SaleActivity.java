package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Read-only figures about who sold and who voided, over a range of business days (both ends
 * included), for reports. Amounts are money in the store's currency, rounded once when summed.
 */
public interface SaleActivity {

    /** Completed sales that stand (post-voided ones aside) per clerk: how many and their totals. */
    Map<String, ClerkSales> salesByClerk(LocalDate from, LocalDate to);

    /** The post-voids of sales of those business days, oldest first. */
    List<VoidedSale> voids(LocalDate from, LocalDate to);

    /** Price overrides and manual discounts of the sales that stand, by reason and by clerk. */
    ManualDiscountTotals manualDiscounts(LocalDate from, LocalDate to);

    /** Tax-exempt sales that stand, net by exemption reason. */
    TaxExemptTotals taxExempt(LocalDate from, LocalDate to);

    /** A clerk's sales that stand: how many and what they totalled (gift cards sold left out, issue 26). */
    record ClerkSales(long count, Money total) {
    }

    /**
     * @param voidedBy   the user who asked for the void
     * @param approvedBy the manager who approved it
     * @param total      what the voided sale had totalled
     */
    record VoidedSale(String receiptNumber, LocalDate businessDate, String voidedBy, String approvedBy, String reason,
            Money total) {
    }
}
