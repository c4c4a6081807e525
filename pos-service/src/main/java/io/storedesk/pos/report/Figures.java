package io.storedesk.pos.report;

import java.util.Map;

/**
 * Figures the report documents ({@link ZReport}, {@link DailyReport}) take from the sale module, as the documents
 * write them: amounts are strings with the currency's minor digits ("12.30"), formatted once when the document is
 * made from the sale module's money. Their JSON is that of the sale module's records the documents embedded before,
 * so Z reports stored then read back into them.
 */
public final class Figures {

    private Figures() {
    }

    /** A count and an amount. */
    public record Counted(long count, String amount) {
    }

    /**
     * Gift cards sold and reloaded (issue 26), apart from the sales: money held for the customers (a liability), not
     * revenue. {@code count} cards and their {@code amount}, split into new cards ({@code activations}) and
     * {@code reloads}.
     */
    public record GiftCards(long count, String amount, Counted activations, Counted reloads) {
    }

    /**
     * Price overrides and manual discounts of the sales that stand: how many were given and the reduction they gave,
     * in all, by reason code and by clerk; an override that raised a price counts negative.
     */
    public record ManualDiscounts(long count, String amount, Map<String, Counted> byReason,
            Map<String, Counted> byClerk) {
    }

    /**
     * Tax-exempt sales that stand: how many and the net of their exempt lines (no tax was charged on them), in all and
     * by exemption reason.
     */
    public record TaxExempt(long count, String net, Map<String, Exempt> byReason) {
    }

    /** How many tax-exempt sales and the net of their exempt lines. */
    public record Exempt(long count, String net) {
    }
}
