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
 * @param tax the tax included in {@code amount} as the service computed it, or {@code null} when the
 *        document does not show tax per line (only invoices do)
 */
public record ReceiptLine(String name, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
        BigDecimal amount, String taxLetter, BigDecimal tax) {

    /** A line without its own tax figure (roll receipts show tax per rate only). */
    public ReceiptLine(String name, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount, BigDecimal amount,
            String taxLetter) {
        this(name, quantity, unitPrice, discount, amount, taxLetter, null);
    }

    public ReceiptLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        discount = discount == null ? BigDecimal.ZERO : discount;
        taxLetter = taxLetter == null ? "" : taxLetter;
    }

    /** Whether the line carries its own tax figure. */
    public boolean hasTax() {
        return tax != null;
    }

    /** Amount without tax, or {@code null} when the line carries no tax figure. */
    public BigDecimal netOfTax() {
        return tax == null ? null : amount.subtract(tax);
    }

    /** Whether a discount line is printed under this item. */
    public boolean hasDiscount() {
        return discount.signum() != 0;
    }
}
