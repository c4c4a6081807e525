package io.storedesk.pos.sale;

import io.storedesk.pos.common.Money;

/**
 * A tender as it settled the sale.
 *
 * @param amount    what this tender paid towards the sale (for cash: tendered minus change)
 * @param tendered  what the customer handed over
 * @param reference the tender's own reference (masked PAN, store-credit code...), or null
 */
public record AppliedTender(TenderType type, Money amount, Money tendered, String reference) {
}
