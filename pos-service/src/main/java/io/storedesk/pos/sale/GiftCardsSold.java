package io.storedesk.pos.sale;

/**
 * Gift cards sold at the till (issue 26), apart from the sales: money held for the customers (a liability, its tax due
 * when a card is spent), not revenue. {@code count} cards (gift-card lines) and their {@code amount}, split into new
 * cards ({@code activations}) and {@code reloads}. Amounts are strings ("25.00").
 */
public record GiftCardsSold(long count, String amount, Figure activations, Figure reloads) {

    /** A count and an amount. */
    public record Figure(long count, String amount) {
    }

    /** Nothing sold, amounts written with {@code zero} ("0.00"). */
    public static GiftCardsSold none(String zero) {
        return new GiftCardsSold(0, zero, new Figure(0, zero), new Figure(0, zero));
    }
}
