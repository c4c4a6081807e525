package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.util.Map;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.CardDeclinedException;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.IsoMessages.Request;
import io.storedesk.pos.payment.internal.Terminals.Terminal;
import org.springframework.stereotype.Component;

/**
 * Refunds to the card of an approved purchase: a 0200 with processing code 200000 that names
 * the purchase by its RRN and carries no card data. The amount is reserved on the purchase in
 * the same transaction that records the refund, so refunds never add up to more than was
 * paid; a decline gives the reservation back at once, a reversal when it is acknowledged.
 */
@StoreOnly
@Component
class CardRefunds {

    private final Terminals terminals;
    private final StanSequence stans;
    private final IsoMessages messages;
    private final CardTransactions transactions;
    private final PaymentJournal journal;
    private final CardExchange exchange;

    CardRefunds(Terminals terminals, StanSequence stans, IsoMessages messages, CardTransactions transactions,
            PaymentJournal journal, CardExchange exchange) {
        this.terminals = terminals;
        this.stans = stans;
        this.messages = messages;
        this.transactions = transactions;
        this.journal = journal;
        this.exchange = exchange;
    }

    private record Prepared(Request iso, CardTransaction transaction) {
    }

    CardRefund refund(String originalReference, Money amount, String registerId, String returnReference) {
        CardTransaction original = refundable(originalReference, amount);
        Terminal terminal = terminals.forRegister(registerId);
        exchange.requireLink();
        // the reservation, the STAN and the REQUESTED row in one durable commit, before the 0200 leaves
        Prepared prepared = exchange.commitBeforeSending(() -> {
            if (!transactions.reserveRefund(originalReference, amount)) {
                return null;
            }
            Request iso = messages.refund(terminal, stans.nextInTransaction(terminal.terminalId()), amount,
                    original.rrn());
            CardTransaction t = CardExchange.requested("REFUND", IsoMessages.REFUND, terminal, iso, amount,
                    original.maskedPan(), original.brand(), null, originalReference, returnReference);
            transactions.insertRequested(t);
            return new Prepared(iso, t);
        });
        if (prepared == null) {
            Money remaining = transactions.find(originalReference).orElseThrow().remaining();
            throw ProblemException.rule("card-refund-exceeds-remaining", "Refund exceeds the card payment",
                    "At most %s can still be refunded to this card.".formatted(remaining))
                    .with("remaining", remaining.toString());
        }
        CardTransaction t = prepared.transaction();
        AcquirerReply reply = exchange.send(prepared.iso(), t);
        switch (reply.kind()) {
            case APPROVED -> exchange.commitApproval(t, () -> {
                transactions.approve(t.reference(), reply.authCode(), reply.rrn());
                journal.record(PaymentJournal.REFUNDED, t, Map.of("authCode", reply.authCode(), "rrn", reply.rrn()));
            });
            case DECLINED -> {
                exchange.commit(() -> {
                    transactions.decline(t.reference(), reply.responseCode());
                    transactions.releaseRefund(originalReference, amount);
                    journal.record(PaymentJournal.REFUND_DECLINED, t, Map.of("responseCode", reply.responseCode()));
                });
                throw new CardDeclinedException(reply.responseCode(), AcquirerReply.reason(reply.responseCode()),
                        t.reference());
            }
            default -> throw exchange.outcomeUnknown(t, reply.problem());
        }
        Money remaining = transactions.find(originalReference).orElseThrow().remaining();
        return new CardRefund(t.reference(), originalReference, t.maskedPan(), t.brand(), reply.authCode(),
                reply.rrn(), t.stan(), amount, remaining);
    }

    private CardTransaction refundable(String reference, Money amount) {
        CardTransaction original = transactions.find(reference)
                .orElseThrow(() -> ProblemException.notFound("Card payment", reference));
        if (original.isRefund() || original.status() != CardTransactionStatus.APPROVED) {
            throw ProblemException.rule("card-refund-not-possible", "Card refund not possible",
                    "Card payment %s is %s; only an approved purchase can be refunded to the card."
                            .formatted(reference, original.isRefund() ? "a refund" : original.status()));
        }
        if (!amount.currency().equals(original.amount().currency())) {
            throw ProblemException.rule("currency-mismatch", "Currency mismatch",
                    "The refund must be in %s.".formatted(original.amount().currency()));
        }
        if (!amount.isPositive()) {
            throw ProblemException.rule("invalid-amount", "Invalid amount", "A card amount must be more than zero.");
        }
        return original;
    }
}
