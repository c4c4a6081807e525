package io.storedesk.pos.sale;

import io.storedesk.pos.common.Money;

/**
 * A tender as the request named it, for the modules that keep a tender in their own books.
 *
 * @param amount what the tender should pay, or null for "as much as it can towards what is due"
 * @param code   store-credit code (STORE_CREDIT), else null
 * @param points points to redeem (LOYALTY_POINTS), else null
 * @param loyaltyCard the sale's loyalty card, or null
 */
public record TenderRequest(TenderType type, Money amount, String code, Integer points, String loyaltyCard) {
}
