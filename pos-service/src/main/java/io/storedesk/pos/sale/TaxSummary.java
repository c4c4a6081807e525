package io.storedesk.pos.sale;

import java.math.BigDecimal;

import io.storedesk.pos.common.Money;

/** Totals for one tax rate, as the receipt's tax table shows them. */
public record TaxSummary(BigDecimal rate, String letter, Money net, Money tax, Money gross) {
}
