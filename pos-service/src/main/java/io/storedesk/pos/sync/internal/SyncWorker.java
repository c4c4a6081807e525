package io.storedesk.pos.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.storedesk.pos.common.RetryDelays;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one sync worker thread: pushes the outbox in id order, batch after batch until it is
 * empty, each batch marked pushed (one UPDATE, with the loyalty entries it holds marked synced)
 * only after head office's 200; then, when due or asked for, pulls. Any failure leaves the events
 * pending and waits 1 s, doubling up to {@code pos.sync.max-backoff}, before the next attempt.
 * A 429 from head office (saturated, nothing taken) is not a failure: the worker waits what its
 * {@code Retry-After} says (plus up to a quarter more, so stores told the same do not all come back
 * in the same second), without the error back-off, without an error in the status and with head
 * office still reachable, then goes on from the first unacknowledged event (nothing lost; what head
 * office may already hold it counts as duplicates by event id). Sales never wait for it: they only
 * insert outbox rows.
 */
class SyncWorker {

    private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final SyncProperties properties;
    private final HeadOfficeClient client;
    private final HeadOfficePull pull;
    private final Outbox outbox;
    private final SyncState state;
    private final LoyaltyAccounts loyalty;
    private final HeadOfficeGiftCards giftCards;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    /** Spring's scheduler with one thread: cycles never overlap, and a run on demand queues behind the one running. */
    private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();

    private ScheduledFuture<?> next; // touched by the worker thread only
    private volatile Instant nextAttemptAt;
    private volatile Boolean reachable;
    private volatile int failures; // consecutive failed cycles: the wait is RetryDelays.after(failures, 1 s, max-backoff)
    private volatile Instant lastPullAttempt;
    private boolean pullFailing; // worker thread only: the last pull failed, so its error stays shown until a pull works

    SyncWorker(SyncProperties properties, HeadOfficeClient client, HeadOfficePull pull, Outbox outbox, SyncState state,
            LoyaltyAccounts loyalty, HeadOfficeGiftCards giftCards, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.giftCards = giftCards;
        this.properties = properties;
        this.client = client;
        this.pull = pull;
        this.outbox = outbox;
        this.state = state;
        this.loyalty = loyalty;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        thread.setPoolSize(1);
        thread.setThreadNamePrefix("sync-worker-");
        thread.setDaemon(true);
    }

    void start() {
        thread.initialize();
        nextAttemptAt = clock.instant();
        thread.execute(() -> cycle(false)); // each cycle schedules the next one (field next: worker thread only)
    }

    void stop() {
        thread.shutdown();
    }

    /** Pushes and pulls now (ahead of any back-off) and waits for it, up to {@code wait}. */
    void runNow(Duration wait) {
        try {
            thread.submit(() -> cycle(true)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.info("Sync run still busy after {}", wait);
        } catch (ExecutionException e) {
            log.warn("Sync run failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Boolean reachable() {
        return reachable;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    private void cycle(boolean forcePull) {
        if (next != null) {
            next.cancel(false); // a run on demand replaces the scheduled one (no-op when it is this one)
        }
        Duration delay;
        boolean pulling = false;
        try {
            pushAll();
            Instant now = clock.instant();
            if (forcePull || lastPullAttempt == null || !now.isBefore(lastPullAttempt.plus(properties.pullInterval()))) {
                lastPullAttempt = now;
                pulling = true;
                pull.run();
                reachable = true;
                pullFailing = false;
            }
            failures = 0;
            if (!pullFailing && state.get(SyncState.LAST_ERROR).isPresent()) {
                state.put(SyncState.LAST_ERROR, null);
            }
            delay = properties.pushInterval();
        } catch (HeadOfficeClient.HeadOfficeBusy busy) {
            reachable = true; // it answered: up, only saturated
            failures = 0;
            if (pulling) {
                lastPullAttempt = null; // pull again at the next cycle
            }
            Duration wait = busy.retryAfter();
            delay = wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 4 + 1));
            if (delay.compareTo(properties.pushInterval()) < 0) {
                delay = properties.pushInterval();
            }
            log.info("Head office is busy (429): next attempt in {} ms", delay.toMillis());
        } catch (RuntimeException e) {
            pullFailing |= pulling;
            boolean unreachable = e instanceof HeadOfficeClient.HeadOfficeException;
            if (unreachable) {
                reachable = false;
            }
            Duration backoff = RetryDelays.after(++failures, FIRST_BACKOFF, properties.maxBackoff());
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("Head-office sync failed (next attempt in {}): {}", backoff, message);
            try {
                state.put(SyncState.LAST_ERROR, message.length() > 3900 ? message.substring(0, 3900) : message);
                state.put(SyncState.LAST_ERROR_AT, clock.instant());
            } catch (RuntimeException stateFailure) {
                log.warn("Could not record the sync error", stateFailure);
            }
            delay = backoff;
        }
        nextAttemptAt = clock.instant().plus(delay);
        if (!thread.getScheduledExecutor().isShutdown()) {
            next = thread.schedule(() -> cycle(false), thread.getClock().instant().plus(delay));
        }
    }

    /** Batch after batch in id order until nothing is left unacknowledged. */
    private void pushAll() {
        while (true) {
            List<Outbox.Row> rows = outbox.unpushed(properties.batchSize());
            if (rows.isEmpty()) {
                return;
            }
            client.postEvents(body(rows));
            reachable = true;
            Instant at = clock.instant();
            List<UUID> ids = new ArrayList<>(rows.size());
            List<String> loyaltyEntries = new ArrayList<>();
            for (Outbox.Row r : rows) {
                ids.add(r.eventId());
                if ("LOYALTY_ENTRY".equals(r.type())) {
                    loyaltyEntries.add(json.readTree(r.payload()).path("entryId").asString());
                }
            }
            tx.executeWithoutResult(s -> {
                outbox.acknowledged(ids);
                loyalty.markSynced(loyaltyEntries, at);
                giftCards.acknowledged(rows); // offline redemptions applied: off this store's offline spend
                state.put(SyncState.LAST_PUSH_AT, at);
            });
        }
    }

    /** {"events": [{eventId, sequence, type, occurredAt, payload}, ...]}; payloads are stored JSON already. */
    private static String body(List<Outbox.Row> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 600).append("{\"events\":[");
        for (int i = 0; i < rows.size(); i++) {
            Outbox.Row r = rows.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"eventId\":\"").append(r.eventId()).append("\",\"sequence\":").append(r.id())
                    .append(",\"type\":\"").append(r.type()).append("\",\"occurredAt\":\"").append(r.occurredAt())
                    .append("\",\"payload\":").append(r.payload()).append('}');
        }
        return b.append("]}").toString();
    }

}
