package io.storedesk.pos.payment.internal;

/**
 * Where a card transaction stands; the text of each value is the {@code card_transaction.status} column's.
 * {@code REQUESTED} until the acquirer answers, then {@code APPROVED} or {@code DECLINED}; {@code REVERSED} once a
 * reversal is queued for it (see {@link ReversalStatus}).
 */
enum CardTransactionStatus {
    REQUESTED, APPROVED, DECLINED, REVERSED
}
