package io.storedesk.pos.common;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelaysTests {

    @Test
    void theWaitDoublesFromTheFirstUpToTheLongest() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream()
                .map(n -> RetryDelays.after(n, Duration.ofSeconds(1), Duration.ofSeconds(20))).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(16), Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    @Test
    void aLongestWaitBelowTheFirstCapsEveryWait() {
        assertThat(RetryDelays.after(1, Duration.ofSeconds(1), Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryDelays.after(7, Duration.ofSeconds(1), Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }
}
