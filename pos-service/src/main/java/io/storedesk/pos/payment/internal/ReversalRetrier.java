package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.CardTransactions.CardTransaction;
import io.storedesk.pos.payment.internal.ReversalQueue.Reversal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Drains the store-and-forward queue in the background. On start it first recovers what a
 * previous run left behind: transactions still REQUESTED (the process died waiting for the
 * reply) get a reversal queued, and every unacknowledged reversal becomes due at once. Then,
 * every {@code pos.payment.reversal.poll-interval} while the link is up, it makes the next
 * attempt of each due reversal, oldest first, on Spring's task scheduler. Starts after and stops
 * before the jPOS link; stopping waits for a pass under way, so no reversal is cut off mid-exchange.
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
    private final TaskScheduler scheduler;
    private final ReentrantLock pass = new ReentrantLock();
    private volatile ScheduledFuture<?> schedule;

    ReversalRetrier(ReversalQueue queue, CardTransactions transactions, ReversalSender sender, JposLink link,
            PaymentProperties properties, TaskScheduler scheduler) {
        this.scheduler = scheduler;
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
        java.time.Duration period = properties.reversal().pollInterval();
        schedule = scheduler.scheduleWithFixedDelay(this::drain, java.time.Instant.now().plus(period), period);
    }

    /** One pass over the due reversals; never throws, so the schedule keeps running. */
    void drain() {
        pass.lock();
        try {
            if (!link.connected()) {
                return;
            }
            for (Reversal r : queue.due(BATCH)) {
                sender.attempt(r);
            }
        } catch (RuntimeException e) {
            log.warn("Reversal retry pass failed; next pass in {}", properties.reversal().pollInterval(), e);
        } finally {
            pass.unlock();
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledFuture<?> s = schedule;
        schedule = null;
        if (s != null) {
            s.cancel(false);
            try {
                if (pass.tryLock(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    pass.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    @Override
    public int getPhase() {
        return JposLink.PHASE + 10;
    }
}
