package io.storedesk.pos.sale;

import io.storedesk.pos.common.Money;

/**
 * A tender as it settled the sale.
 *
 * @param amount    what this tender paid towards the sale (for cash: tendered minus change)
 * @param tendered  what the customer handed over
 * @param reference the tender's own reference (card transaction, store-credit code...), or null
 * @param card      for card tenders: what may be kept of the card and its approval, else null
 * @param balanceAfter for a gift card redeemed online: what head office left on it (for the receipt), else null
 */
public record AppliedTender(TenderType type, Money amount, Money tendered, String reference, Card card,
        Money balanceAfter) {

    public AppliedTender(TenderType type, Money amount, Money tendered, String reference) {
        this(type, amount, tendered, reference, null, null);
    }

    public AppliedTender(TenderType type, Money amount, Money tendered, String reference, Card card) {
        this(type, amount, tendered, reference, card, null);
    }

    /** Masked PAN (first 6 + last 4), brand, authorisation code and RRN: never the full card number. */
    public record Card(String maskedPan, String brand, String authCode, String rrn) {
    }
}
