package io.storedesk.pos.payment;

import io.storedesk.pos.common.Money;

/**
 * The card-payment port. Each call talks to the acquirer and commits its own records (card
 * transaction, reversal queue, journal) in transactions of its own: call it outside a database
 * transaction that holds locks on the same register's journal chain.
 */
public interface CardPayments {

    /**
     * Authorises a purchase (0200, processing code 000000).
     *
     * @return the approval
     * @throws io.storedesk.pos.common.ProblemException 422 {@code invalid-card-number}, {@code card-expired},
     *         {@code invalid-card-expiry}, {@code invalid-track-data}, {@code card-terminal-not-configured}
     * @throws CardDeclinedException        the acquirer declined (402)
     * @throws CardOutcomeUnknownException  no usable answer: a reversal was queued; do not complete the sale (502)
     * @throws AcquirerUnavailableException the link is down: nothing was sent (503)
     */
    CardAuthorization purchase(CardPurchase request);

    /**
     * As {@link #purchase}, but the approval is not recorded: the caller records it with
     * {@link #confirm} in the transaction that stores what the card paid for, so both commit
     * together, or reverses it. Until then the card transaction stays REQUESTED; one still
     * REQUESTED when the service starts is reversed, so an approval whose document was never
     * committed (a crash between the reply and the commit) does not stand.
     */
    CardAuthorization authorize(CardPurchase request);

    /**
     * Records an approval from {@link #authorize} in the caller's (mandatory) transaction, with
     * its journal entry on the register's chain; journal entries are last in the lock order
     * (docs/locking.md). Fails if the transaction is no longer waiting for it.
     */
    void confirm(CardAuthorization authorization);

    /**
     * Refunds part or all of an approved purchase to the same card (0200, processing code
     * 200000, naming the original by its RRN, no card data).
     *
     * @param originalReference {@link CardAuthorization#reference()} of the purchase
     * @param amount            at most what is left of the purchase after earlier refunds
     * @param registerId        the register doing the refund (its terminal id is used)
     * @param returnReference   the caller's business reference, e.g. a return number; may be null
     * @throws io.storedesk.pos.common.ProblemException 404 unknown reference, 422 {@code card-refund-exceeds-remaining}
     *         or {@code card-refund-not-possible}
     */
    CardRefund refund(String originalReference, Money amount, String registerId, String returnReference);

    /**
     * Reverses an approved purchase or refund: after a failed commit of the sale, or on post-void.
     * The reversal is queued persistently before the first 0400 is sent and repeated (0401) until
     * the acquirer acknowledges it, across restarts; this call does not wait for that. Reversing
     * twice is harmless; reversing a declined transaction does nothing.
     */
    void reverse(CardAuthorization authorization, String reason);

    /** As {@link #reverse(CardAuthorization, String)}, by reference. */
    void reverse(String reference, String reason);

    /**
     * Queues the reversal of an approved purchase in the caller's (mandatory) transaction, so it
     * commits together with the caller's change (a post-void) or not at all; the first 0400 is
     * sent after the commit, and retried like any queued reversal, across restarts.
     */
    void reverseOnCommit(String reference, String reason);

    /** Link health: signed on, last echo, reversals waiting. */
    PaymentStatus status();
}
