package io.storedesk.pos.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mail outbox sends ({@code pos.mail.*}); the sender address is the owning module's.
 *
 * @param pollInterval  how often due e-mails are sent
 * @param retryDelay    wait after the first failure; doubles per attempt up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between two attempts
 * @param maxAttempts   attempts before an e-mail is marked FAILED (it stays listed with its error)
 */
@ConfigurationProperties("pos.mail")
public record MailProperties(@DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration retryDelay,
        @DefaultValue("30m") Duration maxRetryDelay, @DefaultValue("10") int maxAttempts) {

    public MailProperties {
        if (retryDelay.isNegative() || retryDelay.isZero() || maxRetryDelay.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("pos.mail.retry-delay must be positive and at most pos.mail.max-retry-delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("pos.mail.max-attempts must be at least 1");
        }
    }
}
