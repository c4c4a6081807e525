package io.storedesk.pos.sale;

import java.util.Map;

/**
 * Tax-exempt sales that stand (post-voided ones aside) over business days: how many and what their exempt
 * lines totalled (net: no tax was charged on them), in all and by exemption reason. Amounts are strings ("12.30").
 */
public record TaxExemptTotals(long count, String net, Map<String, Figures> byReason) {

    public record Figures(long count, String net) {
    }
}
