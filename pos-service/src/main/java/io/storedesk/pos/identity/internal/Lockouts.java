package io.storedesk.pos.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wrong guesses of one kind of secret (passwords, manager PINs) per canonical user name, with a
 * lockout after {@code maxAttempts} in a row. This is the lock of a user's sign-in state (see
 * docs/security.md, "Lockouts"): the check of a secret and the counting of its outcome run under
 * one lock per user, so guesses sent in parallel are checked one after the other and the ones
 * after the limit are refused unchecked. It is the last lock taken: nothing else is locked while
 * it is held, so it cannot take part in a deadlock. A correct secret resets the count, but never
 * lifts an active lockout: it is not even checked then. State is in memory; a restart forgets it.
 * Only configured users are tracked, so guesses at unknown names cannot grow it.
 */
public final class Lockouts {

    /** ACCEPTED: the secret was right; REFUSED: it was wrong; LOCKED: not checked, the user is locked out. */
    public enum Outcome { ACCEPTED, REFUSED, LOCKED }

    /**
     * @param failuresInARow wrong secrets in a row, this one included
     * @param lockedUntil    when the lockout ends, if the user is locked out now, else null
     * @param lockedNow      this attempt started the lockout
     */
    public record Attempt(Outcome outcome, int failuresInARow, Instant lockedUntil, boolean lockedNow) {
    }

    private static final class State {
        final ReentrantLock lock = new ReentrantLock();
        int failures;
        Instant lockedUntil;
    }

    private final int maxAttempts;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentMap<String, State> states = new ConcurrentHashMap<>();

    public Lockouts(int maxAttempts, Duration lockout, Clock clock) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.lockout = lockout;
        this.clock = clock;
    }

    /**
     * Checks a secret of the (canonical, configured) user under the user's lock, unless the user is
     * locked out. {@code check} is the slow comparison (BCrypt) and must take no other lock.
     */
    public Attempt attempt(String user, BooleanSupplier check) {
        State state = states.computeIfAbsent(user, u -> new State());
        state.lock.lock();
        try {
            Instant now = clock.instant();
            if (state.lockedUntil != null) {
                if (now.isBefore(state.lockedUntil)) {
                    return new Attempt(Outcome.LOCKED, state.failures, state.lockedUntil, false);
                }
                state.lockedUntil = null;
                state.failures = 0;
            }
            if (check.getAsBoolean()) {
                state.failures = 0;
                return new Attempt(Outcome.ACCEPTED, 0, null, false);
            }
            state.failures++;
            if (state.failures >= maxAttempts) {
                state.lockedUntil = clock.instant().plus(lockout);
                return new Attempt(Outcome.REFUSED, state.failures, state.lockedUntil, true);
            }
            return new Attempt(Outcome.REFUSED, state.failures, null, false);
        } finally {
            state.lock.unlock();
        }
    }
}
