package io.storedesk.pos.drawer;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;

/**
 * Cash at a drawer in training (ADR 0005, issue 24): the drawer controller asks {@link #activeFor} (the user, or
 * the drawer's register) before a paid-in, paid-out or no-sale and, when it answers yes, hands the request here
 * after the real checks (open drawer in the clerk's charge, type, amount, reason) instead of posting to the drawer.
 * The drawer module cannot reach the training till (the training module may not depend on drawers), so the sale
 * module implements this port with its {@code sale.TrainingTill}; nothing here posts, journals or publishes.
 */
public interface TrainingDrawerCash {

    /** Whether the user or the register is in training (one indexed read). */
    boolean activeFor(String user, String registerId);

    /**
     * A training paid-in or paid-out, numbered {@code TRN-<register>-M<seq>}; the key and fingerprint as the till's.
     * {@code session} runs the real checks (open drawer in the user's charge, enough cash) and answers the drawer's
     * session; it runs only for a new request, under the training till's lock, so a repeat answers what was stored.
     */
    IdempotentResult<Movement> move(DrawerInfo drawer, Supplier<UUID> session, PostingType type, Money amount, String reason,
            String user, String idempotencyKey, String fingerprint);

    /** A training no-sale opening, numbered as a movement; no drawer kick, no journal entry; {@code session} as for a move. */
    IdempotentResult<NoSale> noSale(DrawerInfo drawer, Supplier<UUID> session, String reason, String user,
            String idempotencyKey, String fingerprint);

    /** The real movement's answer, with the training number and {@code training}, always true. */
    record Movement(String drawerId, UUID sessionId, String type, String amount, String reason, String user,
            OffsetDateTime at, String movementNumber, boolean training) {
    }

    /** The real no-sale's answer ({@code journalSequence} null: nothing is journaled), with the training number. */
    record NoSale(String drawerId, UUID sessionId, String reason, String user, Long journalSequence,
            OffsetDateTime at, String movementNumber, boolean training) {
    }
}
