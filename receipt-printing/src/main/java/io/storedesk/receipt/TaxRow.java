package io.storedesk.receipt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the tax table: net, tax and gross of all lines with the same tax letter.
 *
 * @param letter the letter printed next to item lines
 * @param rate the rate in percent, e.g. {@code 21} or {@code 12.5}
 * @param net amount without tax
 * @param tax tax amount
 * @param gross amount with tax
 */
public record TaxRow(String letter, BigDecimal rate, BigDecimal net, BigDecimal tax, BigDecimal gross) {

    public TaxRow {
        Objects.requireNonNull(letter, "letter");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(gross, "gross");
    }
}
