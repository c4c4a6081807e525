package io.storedesk.pos.loyalty;

import java.time.Instant;

/**
 * An entry was added to a card's points ledger (EARN, EARN_REVERSED, REDEEM, REDEEM_RETURNED or
 * EXPIRE); published in the transaction that added it, for head-office sync.
 *
 * @param points signed: what the entry adds to (or takes from) the balance
 */
public record LoyaltyEntryPosted(String entryId, String card, String type, long points, String receiptNumber,
        String document, Instant occurredAt) {
}
