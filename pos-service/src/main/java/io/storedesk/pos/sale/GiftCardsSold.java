package io.storedesk.pos.sale;

import java.util.Currency;

import io.storedesk.pos.common.Money;

/**
 * Gift cards sold at the till (issue 26), apart from the sales: money held for the customers (a liability, its tax due
 * when a card is spent), not revenue. {@code count} cards (gift-card lines) and their {@code amount}, split into new
 * cards ({@code activations}) and {@code reloads}.
 */
public record GiftCardsSold(long count, Money amount, Figure activations, Figure reloads) {

    /** A count and an amount. */
    public record Figure(long count, Money amount) {
    }

    /** Nothing sold, amounts zero in {@code currency}. */
    public static GiftCardsSold none(Currency currency) {
        Money zero = Money.zero(currency);
        return new GiftCardsSold(0, zero, new Figure(0, zero), new Figure(0, zero));
    }
}
