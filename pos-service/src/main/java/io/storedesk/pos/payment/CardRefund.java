package io.storedesk.pos.payment;

import io.storedesk.pos.common.Money;

/**
 * An approved refund to the card of an earlier purchase.
 *
 * @param reference         our id of the refund transaction (can itself be reversed)
 * @param originalReference the purchase it refunds
 * @param remaining         what can still be refunded from the purchase afterwards
 */
public record CardRefund(String reference, String originalReference, String maskedPan, String brand,
        String authCode, String rrn, String stan, Money amount, Money remaining) {
}
