package io.storedesk.pos.sale.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.storedesk.pos.common.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One lock per register, held across a sale's whole transaction (lock, begin, commit, unlock).
 * A register's receipt numbers and journal entries are sequential anyway; queueing here rather
 * than on database row locks keeps waiting cheap and far from the database's lock timeout.
 */
@Component
class RegisterLocks {

    private static final long WAIT_SECONDS = 10;

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T withLock(String registerId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(registerId, r -> new ReentrantLock());
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw busy(registerId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(registerId);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ProblemException busy(String registerId) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "register-busy", "Register busy",
                "Register %s is busy with another transaction; nothing was saved. Please try again.".formatted(registerId));
    }
}
