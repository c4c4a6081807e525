package io.storedesk.pos.sale;

import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * Tax-exempt sales that stand (post-voided ones aside) over business days: how many and what their exempt
 * lines totalled (net: no tax was charged on them), in all and by exemption reason, each net rounded to the
 * currency once when summed.
 */
public record TaxExemptTotals(long count, Money net, Map<String, Figures> byReason) {

    /** How many exempt sales and the net of their exempt lines. */
    public record Figures(long count, Money net) {
    }
}
