package io.storedesk.pos.report;

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
}
