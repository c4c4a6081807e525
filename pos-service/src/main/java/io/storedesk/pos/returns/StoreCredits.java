package io.storedesk.pos.returns;

import java.util.Optional;

import io.storedesk.pos.common.Money;

/**
 * Store credit: a code with a balance, issued by refunds and goodwill, spent as the
 * {@code STORE_CREDIT} tender. Every change is a ledger entry; the balance is their sum.
 */
public interface StoreCredits {

    /**
     * Issues a new store credit in the caller's transaction (or its own when there is none).
     *
     * @param source   what issued it (RETURN, GOODWILL, ...)
     * @param document the return, case or other document that issued it
     * @return the new credit, with its code
     */
    StoreCredit issue(Money amount, String source, String document, String user);

    Optional<StoreCredit> find(String code);

    /** Amounts are strings. */
    record StoreCredit(String code, String balance, String currency, String issued) {
    }
}
