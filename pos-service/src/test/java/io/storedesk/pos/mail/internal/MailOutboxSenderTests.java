package io.storedesk.pos.mail.internal;

import java.time.Duration;
import java.util.List;

import io.storedesk.pos.mail.MailProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailOutboxSenderTests {

    @Test
    void theWaitAfterAFailureDoublesFromTheRetryDelayUpToTheMaximum() {
        MailOutboxSender sender = new MailOutboxSender(null, null,
                new MailProperties(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30), 10), List.of());
        assertThat(List.of(1, 2, 3, 6, 7, 8, 20).stream().map(sender::wait).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(16),
                Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(30));
    }
}
