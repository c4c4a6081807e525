package io.storedesk.pos.common;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module reads the time from, so tests can move it. It ticks in microseconds,
 * the finest time both H2 and PostgreSQL store: a time the service answers with is the time it
 * reads back later (a nanosecond clock answered 19:51:49.184768304 and stored 19:51:49.184768).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
