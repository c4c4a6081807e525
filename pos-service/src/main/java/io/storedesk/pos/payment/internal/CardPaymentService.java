package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.payment.CardAuthorization;
import io.storedesk.pos.payment.CardDeclinedException;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.CardPurchase;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.payment.PaymentStatus;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.IsoMessages.Request;
import io.storedesk.pos.payment.internal.ReversalQueue.Reversal;
import io.storedesk.pos.payment.internal.Terminals.Terminal;
import org.springframework.stereotype.Service;

/**
 * The card-payment port. A purchase is checked (amount, card number, expiry, terminal, link)
 * before anything is sent; its row is committed as REQUESTED, with the STAN it carries, before
 * the 0200 leaves, then set to what the acquirer said, with a journal entry in the same
 * transaction: a transaction of its own ({@link #purchase}), or the caller's ({@link #authorize}
 * then {@link #confirm}, so a sale records its approval in the sale's commit). Refunds are
 * {@link CardRefunds}; reversals go through the persistent queue ({@link ReversalSender}).
 */
@StoreOnly
@Service
class CardPaymentService implements CardPayments {

    private final Terminals terminals;
    private final StanSequence stans;
    private final IsoMessages messages;
    private final CardTransactions transactions;
    private final CardExchange exchange;
    private final CardRefunds refunds;
    private final ReversalSender reversals;
    private final ReversalQueue queue;
    private final PaymentJournal journal;
    private final LinkMonitor monitor;
    private final JposLink link;
    private final StoreProperties store;
    private final Clock clock;

    CardPaymentService(Terminals terminals, StanSequence stans, IsoMessages messages, CardTransactions transactions,
            CardExchange exchange, CardRefunds refunds, ReversalSender reversals, ReversalQueue queue,
            PaymentJournal journal, LinkMonitor monitor, JposLink link, StoreProperties store, Clock clock) {
        this.terminals = terminals;
        this.stans = stans;
        this.messages = messages;
        this.transactions = transactions;
        this.exchange = exchange;
        this.refunds = refunds;
        this.reversals = reversals;
        this.queue = queue;
        this.journal = journal;
        this.monitor = monitor;
        this.link = link;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CardAuthorization purchase(CardPurchase request) {
        return purchase(request, true);
    }

    @Override
    public CardAuthorization authorize(CardPurchase request) {
        return purchase(request, false);
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void confirm(CardAuthorization authorization) {
        CardTransaction t = transactions.find(authorization.reference())
                .orElseThrow(() -> ProblemException.notFound("Card payment", authorization.reference()));
        if (!recordApproval(t, authorization.authCode(), authorization.rrn())) {
            throw new IllegalStateException("card transaction %s is %s, not waiting for its approval to be recorded"
                    .formatted(t.reference(), t.status()));
        }
    }

    /** Sets a REQUESTED row APPROVED and journals it, in the current transaction; false if it was no longer REQUESTED. */
    private boolean recordApproval(CardTransaction t, String authCode, String rrn) {
        boolean approved = transactions.approve(t.reference(), authCode, rrn);
        journal.record(PaymentJournal.AUTHORIZED, t, Map.of("authCode", authCode, "rrn", rrn));
        return approved;
    }

    private record Prepared(Request iso, CardTransaction transaction) {
    }

    private CardAuthorization purchase(CardPurchase request, boolean recordApproval) {
        if (!request.amount().isPositive()) {
            throw ProblemException.rule("invalid-amount", "Invalid amount", "A card amount must be more than zero.");
        }
        CardData card = CardData.of(request, store.today(clock));
        Terminal terminal = terminals.forRegister(request.registerId());
        exchange.requireLink();
        // the STAN and the REQUESTED row in one durable commit, before the 0200 leaves
        Prepared prepared = exchange.commitBeforeSending(() -> {
            Request iso = messages.purchase(terminal, stans.nextInTransaction(terminal.terminalId()),
                    request.amount(), card);
            CardTransaction t = CardExchange.requested("PURCHASE", IsoMessages.PURCHASE, terminal, iso,
                    request.amount(), card.maskedPan(), card.brand(), card.entryMode(), null, request.saleReference());
            transactions.insertRequested(t);
            return new Prepared(iso, t);
        });
        CardTransaction t = prepared.transaction();
        AcquirerReply reply = exchange.send(prepared.iso(), t);
        switch (reply.kind()) {
            case APPROVED -> {
                if (recordApproval) {
                    exchange.commitApproval(t, () -> recordApproval(t, reply.authCode(), reply.rrn()));
                }
            }
            case DECLINED -> {
                exchange.commit(() -> {
                    transactions.decline(t.reference(), reply.responseCode());
                    journal.record(PaymentJournal.DECLINED, t, Map.of("responseCode", reply.responseCode()));
                });
                throw new CardDeclinedException(reply.responseCode(), AcquirerReply.reason(reply.responseCode()),
                        t.reference());
            }
            default -> throw exchange.outcomeUnknown(t, reply.problem());
        }
        return new CardAuthorization(t.reference(), t.maskedPan(), t.brand(), reply.authCode(), reply.rrn(), t.stan(),
                request.amount());
    }

    @Override
    public CardRefund refund(String originalReference, Money amount, String registerId, String returnReference) {
        return refunds.refund(originalReference, amount, registerId, returnReference);
    }

    @Override
    public void reverse(CardAuthorization authorization, String reason) {
        reverse(authorization.reference(), reason);
    }

    @Override
    public void reverse(String reference, String reason) {
        CardTransaction t = transactions.find(reference)
                .orElseThrow(() -> ProblemException.notFound("Card payment", reference));
        if (!t.isRefund() && t.refunded().isPositive() && t.status() == CardTransactionStatus.APPROVED) {
            throw ProblemException.conflict("card-already-refunded", "Card payment partly refunded",
                    "Card payment %s has refunds; it can no longer be reversed as a whole.".formatted(reference));
        }
        Reversal r = reversals.queue(reference, reason);
        if (r != null && r.status() != ReversalStatus.ACKNOWLEDGED) {
            reversals.attempt(r);
        }
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void reverseOnCommit(String reference, String reason) {
        CardTransaction t = transactions.find(reference)
                .orElseThrow(() -> ProblemException.notFound("Card payment", reference));
        if (!t.isRefund() && t.refunded().isPositive() && t.status() == CardTransactionStatus.APPROVED) {
            throw ProblemException.conflict("card-already-refunded", "Card payment partly refunded",
                    "Card payment %s has refunds; it can no longer be reversed as a whole.".formatted(reference));
        }
        Reversal r = reversals.queueInCurrentTransaction(reference, reason);
        if (r != null && r.status() != ReversalStatus.ACKNOWLEDGED) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            reversals.attempt(r);
                        }
                    });
        }
    }

    @Override
    public PaymentStatus status() {
        boolean connected = link.connected();
        return new PaymentStatus(connected, connected && monitor.signedOn(),
                monitor.lastEchoAt() == null ? null : monitor.lastEchoAt().atOffset(ZoneOffset.UTC),
                queue.pendingCount(), link.host(), link.port());
    }
}
