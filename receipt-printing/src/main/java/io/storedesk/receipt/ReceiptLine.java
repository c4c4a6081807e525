package io.storedesk.receipt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One sold (or returned) item line, with the amounts the service computed. Nothing is recomputed
 * here: {@code amount} is printed as given.
 *
 * @param name item name, wrapped when it is longer than the paper is wide
 * @param quantity quantity with the scale to print (e.g. {@code 2} or {@code 0.750}); negative on returns
 * @param unitPrice price per unit, tax included unless the store prices net
 * @param discount discount taken off this line as a positive amount, or zero
 * @param amount amount of the line after its discount
 * @param taxLetter the letter that links the line to a row of the tax table (e.g. "A")
 */
public record ReceiptLine(String name, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
        BigDecimal amount, String taxLetter) {

    public ReceiptLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        discount = discount == null ? BigDecimal.ZERO : discount;
        taxLetter = taxLetter == null ? "" : taxLetter;
    }

    /** Whether a discount line is printed under this item. */
    public boolean hasDiscount() {
        return discount.signum() != 0;
    }
}
