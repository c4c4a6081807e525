package io.storedesk.pos.drawer.internal;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.storedesk.pos.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The business-day lock (lock 1 of docs/locking.md) on a real PostgreSQL (embedded), migrated by
 * the store's Flyway migrations: postings hold it side by side (FOR SHARE), and a business-day
 * close waits until every posting holding it has committed.
 */
class DayLockPostgresTests {

    static DayLock lock;
    static TransactionTemplate tx;

    @BeforeAll
    static void migrate() {
        String url = Postgres.newDatabase("daylock");
        Flyway.configure().dataSource(url, "postgres", null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "");
        lock = new DayLock(JdbcClient.create(ds), ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @Test
    void postingsHoldTheDayTogetherAndACloseWaitsForThemAll() throws Exception {
        CountDownLatch held = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> tx.executeWithoutResult(s -> {
                    lock.holdForPosting();
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            assertThat(held.await(20, TimeUnit.SECONDS)).as("two postings hold the day at once").isTrue();

            Future<Instant> close = threads.submit(() -> tx.execute(s -> {
                lock.holdForClose();
                return Instant.now();
            }));
            assertThatThrownBy(() -> close.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            Instant released = Instant.now();
            release.countDown();

            assertThat(close.get(20, TimeUnit.SECONDS)).isAfterOrEqualTo(released);
        } finally {
            threads.shutdownNow();
        }
    }
}
