package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.util.function.Supplier;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.payment.AcquirerUnavailableException;
import io.storedesk.pos.payment.CardOutcomeUnknownException;
import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.IsoMessages.Request;
import io.storedesk.pos.payment.internal.ReversalQueue.Reversal;
import io.storedesk.pos.payment.internal.Terminals.Terminal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every 0200 shares, purchase or refund: refuse at once when the link is down,
 * commit our records in transactions of our own (never the caller's), send and classify the
 * reply, and - when the outcome is unknown - commit the reversal to the queue first, try the
 * 0400 once, and report {@link CardOutcomeUnknownException}.
 */
@StoreOnly
@Component
class CardExchange {

    private final JposLink link;
    private final ReversalSender reversals;
    private final PaymentProperties properties;
    private final TransactionTemplate newTransaction;

    CardExchange(JposLink link, ReversalSender reversals, PaymentProperties properties,
            PlatformTransactionManager transactionManager) {
        this.link = link;
        this.reversals = reversals;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void requireLink() {
        if (!link.connected()) {
            throw new AcquirerUnavailableException();
        }
    }

    /** Sends the request of a committed REQUESTED transaction and says what the reply means. */
    AcquirerReply send(Request iso, CardTransaction t) {
        return AcquirerReply.of(link.request(iso.message(), properties.timeout()), t);
    }

    void commit(Runnable work) {
        newTransaction.executeWithoutResult(s -> work.run());
    }

    <T> T commit(Supplier<T> work) {
        return newTransaction.execute(s -> work.get());
    }

    /**
     * Commits the row of a request about to be sent: once the acquirer may have authorised, a
     * crash must not lose the row that lets the service reverse the authorisation after the
     * restart. The commit is durable when it returns (the engine's settings, ADR 0004).
     */
    <T> T commitBeforeSending(Supplier<T> work) {
        try {
            return commit(work);
        } catch (org.springframework.dao.DuplicateKeyException firstUseOfTerminal) {
            return commit(work); // two requests numbered a terminal's first STAN at once: repeat the loser
        }
    }

    /** Commits an approval; if that fails the approval cannot stand, so it is reversed. */
    void commitApproval(CardTransaction t, Runnable approval) {
        try {
            commit(approval);
        } catch (RuntimeException e) {
            throw outcomeUnknown(t, "the approval could not be recorded");
        }
    }

    CardOutcomeUnknownException outcomeUnknown(CardTransaction t, String problem) {
        Reversal r = reversals.queue(t.reference(), problem);
        if (r != null) {
            reversals.attempt(r);
        }
        return new CardOutcomeUnknownException(t.reference(), problem);
    }

    /** A new transaction row, before it is sent. */
    static CardTransaction requested(String kind, String processingCode, Terminal terminal, Request iso,
            Money amount, String maskedPan, String brand, String entryMode, String originalReference,
            String businessReference) {
        return new CardTransaction(Ids.timeOrdered().toString(), kind, CardTransactionStatus.REQUESTED, terminal.registerId(),
                terminal.terminalId(), terminal.merchantId(), "0200", processingCode, iso.message().getString(11),
                iso.transmitted(), amount, Money.zero(amount.currency()), maskedPan, brand, entryMode, null, null, null,
                originalReference, businessReference);
    }
}
