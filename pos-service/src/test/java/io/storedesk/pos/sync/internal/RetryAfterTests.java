package io.storedesk.pos.sync.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the store reads head office's {@code Retry-After} (RFC 9110: seconds or an HTTP date). */
class RetryAfterTests {

    static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void secondsAndHttpDatesAreHonouredBetweenOneSecondAndOneHour() {
        assertThat(HeadOfficeClient.retryAfter("2", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(HeadOfficeClient.retryAfter(" 120 ", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HeadOfficeClient.retryAfter("Sun, 06 Dec 2026 01:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        // at least 1 s: missing, zero, unreadable or a date already past
        assertThat(HeadOfficeClient.retryAfter(null, NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HeadOfficeClient.retryAfter("0", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HeadOfficeClient.retryAfter("soon", NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(HeadOfficeClient.retryAfter("Sun, 06 Dec 2026 00:59:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(1));
        // at most an hour
        assertThat(HeadOfficeClient.retryAfter("86400", NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(HeadOfficeClient.retryAfter("99999999999999999999", NOW)).isEqualTo(Duration.ofHours(1));
    }
}
