package io.storedesk.pos.drawer;

import io.storedesk.pos.common.Money;

/**
 * Cash into (positive amount) or out of (negative amount) a drawer.
 *
 * @param reference the business document, e.g. a receipt number
 */
public record CashPosting(PostingType type, Money amount, String reference, String reason, String actor) {
}
