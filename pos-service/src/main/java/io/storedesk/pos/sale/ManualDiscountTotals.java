package io.storedesk.pos.sale;

import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Price overrides and manual discounts of the sales of some business days (post-voided sales left
 * out): how many were given and the reduction they gave, in all, by reason code and by clerk, each
 * amount rounded to the currency once when summed. An override that raised a price counts negative.
 */
public record ManualDiscountTotals(long count, Money amount, Map<String, Figures> byReason,
        Map<String, Figures> byClerk) {

    /** How many discounts and the reduction they gave. */
    public record Figures(long count, Money amount) {
    }
}
