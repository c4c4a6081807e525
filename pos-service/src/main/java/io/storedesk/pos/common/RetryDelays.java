package io.storedesk.pos.common;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one back-off of the house (e-mails, reversals, head-office sync): Spring's
 * {@link ExponentialBackOff} starting at {@code first}, doubling, capped at {@code max}. The attempt
 * count is persisted by the caller (a retried e-mail or reversal outlives the process), so the
 * wait is computed from it rather than from a running execution.
 */
public final class RetryDelays {

    private RetryDelays() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first failure: {@code first}). */
    public static Duration after(int attempts, Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the first wait must be positive and at most the maximum");
        }
        ExponentialBackOff backOff = new ExponentialBackOff(first.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        BackOffExecution execution = backOff.start();
        long wait = first.toMillis();
        for (int i = 0; i < Math.max(1, attempts); i++) {
            wait = execution.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }
}
