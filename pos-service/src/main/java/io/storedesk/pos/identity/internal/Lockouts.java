package io.storedesk.pos.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wrong guesses of one kind of secret (passwords, manager PINs) per canonical user name, with a
 * lockout after {@code maxAttempts} in a row. This is the lock of a user's sign-in state (see
 * docs/security.md, "Lockouts"): a check reserves its attempt under the user's lock before the
 * slow comparison and books its outcome under it after, and checks in flight count as possible
 * failures. So at most {@code maxAttempts} minus the failures so far are checked at once (a
 * legitimate user's parallel sign-ins still run side by side); the others wait for an outcome,
 * and once the limit is reached they are refused unchecked: guesses sent in parallel can never
 * be checked more often than the limit allows. The lock is held only to book, never during the
 * comparison, and nothing else is locked under it: it comes last in the lock order. A right
 * secret resets the count but never lifts an active lockout (it is not even checked then, and a
 * right one that finishes after the lockout began is refused too). State is in memory; a restart
 * forgets it. Only configured users are tracked, so guesses at unknown names cannot grow it.
 */
public final class Lockouts {

    /** ACCEPTED: the secret was right; REFUSED: it was wrong; LOCKED: refused, the user is locked out. */
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
        final Condition settled = lock.newCondition();
        int failures;
        int inFlight;
        Instant lockedUntil;

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
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
     * Checks a secret of the (canonical, configured) user, unless the user is locked out.
     * {@code check} is the slow comparison (BCrypt); it runs outside the lock.
     */
    public Attempt attempt(String user, BooleanSupplier check) {
        State state = states.computeIfAbsent(user, u -> new State());
        state.lock.lock();
        try {
            while (true) {
                Instant now = clock.instant();
                if (state.lockedAt(now)) {
                    return new Attempt(Outcome.LOCKED, state.failures, state.lockedUntil, false);
                }
                if (state.lockedUntil != null) {
                    state.lockedUntil = null;
                    state.failures = 0;
                }
                if (state.failures + state.inFlight < maxAttempts) {
                    state.inFlight++;
                    break;
                }
                state.settled.awaitUninterruptibly();
            }
        } finally {
            state.lock.unlock();
        }
        boolean right;
        try {
            right = check.getAsBoolean();
        } catch (RuntimeException | Error e) {
            book(state, null);
            throw e;
        }
        return book(state, right);
    }

    /** Books the outcome of a reserved check ({@code null}: the check failed, nothing to book). */
    private Attempt book(State state, Boolean right) {
        state.lock.lock();
        try {
            state.inFlight--;
            state.settled.signalAll();
            if (right == null) {
                return null;
            }
            if (state.lockedAt(clock.instant())) {
                return new Attempt(Outcome.LOCKED, state.failures, state.lockedUntil, false);
            }
            if (right) {
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
