package io.storedesk.pos.payment.internal;

/**
 * Where a queued reversal stands; the text of each value is the {@code payment_reversal.status} column's:
 * {@code PENDING} (not yet on the wire), {@code SENT} (no 0410 yet), {@code ACKNOWLEDGED} (0410 received).
 */
enum ReversalStatus {
    PENDING, SENT, ACKNOWLEDGED
}
