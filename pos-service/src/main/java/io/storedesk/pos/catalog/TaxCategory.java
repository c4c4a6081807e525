package io.storedesk.pos.catalog;

import java.math.BigDecimal;

/**
 * A VAT category: its code (e.g. {@code STANDARD}), rate in percent and the letter printed
 * next to lines on the receipt.
 */
public record TaxCategory(String code, BigDecimal rate, String letter) {
}
