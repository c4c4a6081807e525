package io.storedesk.receipt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The totals block. Cash rounding is printed only when it is not zero.
 *
 * @param subtotal sum of the lines before basket-level discounts
 * @param discountTotal all discounts of the document as one amount, printed when not zero
 * @param total amount due
 * @param cashRounding difference from rounding the cash tender, zero when none
 * @param totalPaid what the customer paid in all tenders
 */
public record Totals(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total, BigDecimal cashRounding,
        BigDecimal totalPaid) {

    public Totals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(total, "total");
        discountTotal = discountTotal == null ? BigDecimal.ZERO : discountTotal;
        cashRounding = cashRounding == null ? BigDecimal.ZERO : cashRounding;
        totalPaid = totalPaid == null ? total : totalPaid;
    }
}
