package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.ReversalQueue.Reversal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the store-and-forward queue in the background. On start it first recovers what a
 * previous run left behind: transactions still REQUESTED (the process died waiting for the
 * reply) get a reversal queued, and every unacknowledged reversal becomes due at once. Then,
 * every {@code pos.payment.reversal.poll-interval} while the link is up, it makes the next
 * attempt of each due reversal, oldest first. Starts after and stops before the jPOS link.
 */
@StoreOnly
@Component
class ReversalRetrier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReversalRetrier.class);
    private static final int BATCH = 20;

    private final ReversalQueue queue;
    private final CardTransactions transactions;
    private final ReversalSender sender;
    private final JposLink link;
    private final PaymentProperties properties;
    private volatile ScheduledExecutorService scheduler;

    ReversalRetrier(ReversalQueue queue, CardTransactions transactions, ReversalSender sender, JposLink link,
            PaymentProperties properties) {
        this.queue = queue;
        this.transactions = transactions;
        this.sender = sender;
        this.link = link;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        for (CardTransaction t : transactions.requested()) {
            sender.queue(t.reference(), "no reply recorded before the service stopped");
        }
        int due = queue.makeAllDue();
        if (due > 0) {
            log.info("{} reversal(s) waiting from before the start will be sent when the acquirer link is up", due);
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "payment-reversal-retrier");
            t.setDaemon(true);
            return t;
        });
        long period = properties.reversal().pollInterval().toMillis();
        s.scheduleWithFixedDelay(this::drain, period, period, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    /** One pass over the due reversals; never throws, so the schedule keeps running. */
    void drain() {
        try {
            if (!link.connected()) {
                return;
            }
            for (Reversal r : queue.due(BATCH)) {
                sender.attempt(r);
            }
        } catch (RuntimeException e) {
            log.warn("Reversal retry pass failed; next pass in {}", properties.reversal().pollInterval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return JposLink.PHASE + 10;
    }
}
