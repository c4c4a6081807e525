package io.storedesk.receipt;

/**
 * Loyalty points printed on the receipt. Points are whole numbers, not money.
 *
 * @param earned points earned with this document (negative when a return takes them back)
 * @param balance the account balance after this document, as the store knows it
 */
public record LoyaltyPoints(long earned, long balance) {
}
