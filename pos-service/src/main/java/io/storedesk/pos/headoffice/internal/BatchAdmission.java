package io.storedesk.pos.headoffice.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.storedesk.pos.headoffice.HeadOfficeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Backpressure for store batches: at most {@code pos.head-office.max-concurrent-batches} batches are
 * applied at once on this node (fewer than the connection pool's 16, so report reads, key checks
 * and the cluster jobs still get a connection). A batch that finds no free place within
 * {@code pos.head-office.admission-wait} is refused ({@link Saturated}: 429 with {@code Retry-After})
 * instead of queueing on the pool, where every waiting request holds a thread and the store's
 * request times out anyway; the store sends it again after {@code Retry-After} (docs/sync-protocol.md).
 * A refused batch was not looked at: nothing of it is applied.
 */
@Component
@Profile("head-office")
class BatchAdmission {

    private static final Logger log = LoggerFactory.getLogger(BatchAdmission.class);

    private final Semaphore places;
    private final long waitNanos;
    private final long retryAfterSeconds;

    BatchAdmission(HeadOfficeProperties properties) {
        this.places = new Semaphore(properties.maxConcurrentBatches(), true);
        this.waitNanos = properties.admissionWait().toNanos();
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    /** Runs {@code batch} in one of the places, or throws {@link Saturated} when none frees up in time. */
    <T> T admit(String storeId, Supplier<T> batch) {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            log.debug("Head office saturated: batch of store {} refused, retry after {} s", storeId, retryAfterSeconds);
            throw new Saturated(Duration.ofSeconds(retryAfterSeconds));
        }
        try {
            return batch.get();
        } finally {
            places.release();
        }
    }

    /** No place for the batch now; the store is to send it again after {@link #retryAfter()}. */
    static final class Saturated extends RuntimeException {

        private final transient Duration retryAfter;

        Saturated(Duration retryAfter) {
            super("head office is saturated", null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
