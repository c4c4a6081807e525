package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One points-ledger entry. Entries are only ever inserted: corrections are new entries.
 *
 * @param points       signed change of the balance
 * @param amount       money value: of a redemption, or the eligible net an earn (or its reversal) covers
 * @param redemptionId for REDEEM_RETURNED, the redemption given back
 * @param expiresAt    for EARN and EARN_REVERSED, when the earned points expire
 */
record Entry(UUID id, String card, EntryType type, long points, BigDecimal amount, String currency,
        String receiptNumber, String document, UUID redemptionId, Instant occurredAt, Instant expiresAt,
        String actor) {
}
