package io.storedesk.pos.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one owner of "done at a peer first, then recorded" (docs/locking.md, "Money moved before the
 * transaction"): a card charged or refunded, or a gift card redeemed or loaded, before the document's
 * transaction is undone when the recording fails, and when the recording only replayed the answer of an
 * earlier request with the same Idempotency-Key (that request's money stands; this one's goes back).
 * An undo whose outcome is unknown is retried by its owner (the payment module's reversal retrier, the
 * sync outbox for head-office gift-card operations), never here.
 */
public final class Compensated {

    private Compensated() {
    }

    /**
     * @param document  what is recorded, for the undo's reason ("sale", "return" ...)
     * @param undo      undoes what was done at the peer, given the reason
     * @param recording the idempotent transaction that records the document
     */
    public static <T> IdempotentResult<T> record(String document, Consumer<String> undo,
            Supplier<IdempotentResult<T>> recording) {
        IdempotentResult<T> result;
        try {
            result = recording.get();
        } catch (RuntimeException e) {
            undo.accept(document + " not completed");
            throw e;
        }
        if (result.replayed()) {
            undo.accept("duplicate " + document + " request");
        }
        return result;
    }
}
