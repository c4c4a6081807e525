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

    /**
     * The wait after the {@code attempts}-th failed attempt (1 = the first failure: {@code first});
     * a maximum below {@code first} caps every wait, the first included.
     */
    public static Duration after(int attempts, Duration first, Duration max) {
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("the longest wait must be positive");
        }
        if (first.isNegative() || first.isZero() || first.compareTo(max) > 0) {
            first = max;
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
