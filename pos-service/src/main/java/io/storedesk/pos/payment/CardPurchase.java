package io.storedesk.pos.payment;

import java.util.Objects;

import io.storedesk.pos.common.Money;

/**
 * A purchase to authorise. The card is either keyed ({@code pan} + {@code expiry} as YYMM) or
 * swiped ({@code track2}, {@code PAN=YYMM...}). Card data lives only in memory: it is never
 * stored or logged, and {@link #toString()} masks it.
 *
 * @param registerId     the register taking the payment; selects the terminal id
 * @param saleReference  the caller's reference for the journal, e.g. a basket id; may be null
 */
public record CardPurchase(String registerId, Money amount, String pan, String expiry, String track2,
        String saleReference) {

    public CardPurchase {
        Objects.requireNonNull(registerId, "registerId");
        Objects.requireNonNull(amount, "amount");
    }

    public static CardPurchase keyed(String registerId, Money amount, String pan, String expiry, String saleReference) {
        return new CardPurchase(registerId, amount, pan, expiry, null, saleReference);
    }

    public static CardPurchase swiped(String registerId, Money amount, String track2, String saleReference) {
        return new CardPurchase(registerId, amount, null, null, track2, saleReference);
    }

    public boolean isSwiped() {
        return track2 != null;
    }

    @Override
    public String toString() {
        return "CardPurchase[registerId=%s, amount=%s %s, card=%s, saleReference=%s]".formatted(registerId,
                amount, amount.currency(), isSwiped() ? "track2 ****" : "keyed ****", saleReference);
    }
}
