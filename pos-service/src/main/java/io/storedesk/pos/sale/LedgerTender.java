package io.storedesk.pos.sale;

import io.storedesk.pos.common.Money;

/**
 * A tender the store keeps in its own books (store credit, loyalty points), implemented by the
 * module that owns those books. Sales redeem it in the sale's own database transaction, so a
 * sale and its redemption are stored together or not at all; voids and returns give it back.
 */
public interface LedgerTender {

    TenderType type();

    /**
     * What the tender would pay towards {@code due}, without changing anything. An amount the
     * request leaves out means as much as the balance allows, up to {@code due}.
     *
     * @throws io.storedesk.pos.common.ProblemException 422 when the code or card is unknown, or the
     *         balance does not cover what was asked
     */
    Money quote(TenderRequest request, Money due);

    /**
     * Takes {@code amount} from the balance in the caller's (mandatory) transaction, checking the
     * balance again under a lock.
     *
     * @param document the receipt number paid
     * @return the tender as applied; its {@code reference} identifies the balance (e.g. the code)
     */
    AppliedTender redeem(TenderRequest request, Money amount, String document, String user);

    /**
     * Gives {@code amount} back to the balance a redemption took it from, in the caller's
     * (mandatory) transaction.
     *
     * @param reference the {@link AppliedTender#reference()} of the redemption
     * @param document  the return or void that gives it back
     */
    void giveBack(String reference, Money amount, String document, String user);
}
