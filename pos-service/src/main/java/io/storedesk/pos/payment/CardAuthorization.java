package io.storedesk.pos.payment;

import io.storedesk.pos.common.Money;

/**
 * An approved purchase.
 *
 * @param reference  our id of the card transaction: enough to refund or reverse it, with no card data
 * @param maskedPan  first 6 and last 4 digits, e.g. {@code 476173******0010}
 * @param brand      e.g. {@code VISA}, {@code MASTERCARD}
 * @param authCode   the issuer's authorisation code (field 38)
 * @param rrn        the acquirer's retrieval reference number (field 37)
 * @param stan       our system trace audit number (field 11)
 */
public record CardAuthorization(String reference, String maskedPan, String brand, String authCode, String rrn,
        String stan, Money amount) {
}
