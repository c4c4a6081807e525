package io.storedesk.pos.sale;

import java.util.Map;

/**
 * Price overrides and manual discounts of the sales of some business days (post-voided sales left
 * out): how many were given and the reduction they gave, in all, by reason code and by clerk.
 * Amounts are strings; an override that raised a price counts negative.
 */
public record ManualDiscountTotals(long count, String amount, Map<String, Figures> byReason,
        Map<String, Figures> byClerk) {

    public record Figures(long count, String amount) {
    }
}
