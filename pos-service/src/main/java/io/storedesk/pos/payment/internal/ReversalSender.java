package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.storedesk.pos.common.RetryDelays;
import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.ReversalQueue.Reversal;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues reversals and makes one attempt at a time. Queueing commits the reversal (and marks
 * the transaction REVERSED, journaled) before anything is sent. An attempt first claims itself
 * in the database (counted, next attempt pushed back by the timeout plus a doubling back-off),
 * then sends 0400 if it is the first attempt and 0401 otherwise - whether or not an earlier
 * attempt reached the acquirer, as the terminal cannot know. Any 0410 acknowledges; a refund's
 * reserved amount goes back to its purchase when the acquirer confirms (00) or has no record
 * of it (12, 25).
 */
@StoreOnly
@Component
class ReversalSender {

    private static final Logger log = LoggerFactory.getLogger(ReversalSender.class);
    private static final Set<String> UNDONE = Set.of("00", "12", "25");

    private final ReversalQueue queue;
    private final CardTransactions transactions;
    private final StanSequence stans;
    private final IsoMessages messages;
    private final JposLink link;
    private final PaymentJournal journal;
    private final PaymentProperties properties;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    ReversalSender(ReversalQueue queue, CardTransactions transactions, StanSequence stans, IsoMessages messages,
            JposLink link, PaymentJournal journal, PaymentProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.queue = queue;
        this.transactions = transactions;
        this.stans = stans;
        this.messages = messages;
        this.link = link;
        this.journal = journal;
        this.properties = properties;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Queues the reversal of a requested or approved transaction and commits it.
     *
     * @return the queued reversal (the existing one if it was queued before), or null when there
     *         is nothing to reverse (declined)
     */
    Reversal queue(String reference, String reason) {
        CardTransaction current = transactions.find(reference).orElseThrow();
        String stan = stans.next(current.terminalId());
        return newTransaction.execute(s -> enqueue(reference, reason, stan));
    }

    /** As {@link #queue}, in the caller's transaction: the reversal commits with the caller's change or not at all. */
    Reversal queueInCurrentTransaction(String reference, String reason) {
        CardTransaction current = transactions.find(reference).orElseThrow();
        return enqueue(reference, reason, stans.next(current.terminalId()));
    }

    private Reversal enqueue(String reference, String reason, String stan) {
        CardTransaction t = transactions.lock(reference).orElseThrow();
        if (!transactions.markReversed(reference)) {
            return queue.forTransaction(reference).orElse(null);
        }
        Reversal r = queue.enqueue(t, stan, reason);
        journal.record(PaymentJournal.REVERSAL_QUEUED, t, Map.of("reason", r.reason(), "reversalStan", stan));
        log.info("Reversal of {} {} (STAN {}) queued: {}", t.kind(), t.reference(), t.stan(), reason);
        return r;
    }

    /** Makes the next attempt of a reversal unless one is running; true when it was acknowledged. */
    boolean attempt(Reversal r) {
        if (!inFlight.add(r.id())) {
            return false;
        }
        try {
            Instant next = clock.instant().plus(properties.timeout()).plus(backoff(r.attempts() + 1));
            if (!Boolean.TRUE.equals(newTransaction.execute(s -> queue.claim(r, next)))) {
                return false;
            }
            if (!link.connected()) {
                log.info("Reversal of {} waits for the acquirer link (attempt {})", r.transactionRef(), r.attempts() + 1);
                return false;
            }
            String mti = r.attempts() == 0 ? "0400" : "0401";
            newTransaction.executeWithoutResult(s -> queue.markSent(r.id()));
            ISOMsg reply = link.request(messages.reversal(mti, r).message(), properties.timeout());
            if (reply == null) {
                log.warn("Reversal {} of {} unanswered (attempt {}); will repeat", mti, r.transactionRef(),
                        r.attempts() + 1);
                return false;
            }
            acknowledge(r, reply.getString(39));
            return true;
        } finally {
            inFlight.remove(r.id());
        }
    }

    private void acknowledge(Reversal r, String responseCode) {
        newTransaction.executeWithoutResult(s -> {
            if (!queue.acknowledge(r.id(), responseCode)) {
                return;
            }
            CardTransaction t = transactions.find(r.transactionRef()).orElseThrow();
            if (t.isRefund() && UNDONE.contains(responseCode)) {
                transactions.releaseRefund(t.originalReference(), t.amount());
            }
            journal.record(PaymentJournal.REVERSAL_ACKNOWLEDGED, t,
                    Map.of("responseCode", String.valueOf(responseCode), "reversalStan", r.stan()));
        });
        if ("00".equals(responseCode)) {
            log.info("Reversal of {} acknowledged", r.transactionRef());
        } else {
            log.warn("Reversal of {} acknowledged with response code {}", r.transactionRef(), responseCode);
        }
    }

    Duration backoff(int attempt) {
        return RetryDelays.after(attempt, properties.reversal().retryDelay(), properties.reversal().maxRetryDelay());
    }
}
