package io.storedesk.pos.training.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.storedesk.pos.common.StoreOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes training sales, returns, exchanges, voids and cash movements (ADR 0005) older than {@code pos.training.retention-days} (default 30),
 * daily at {@code pos.training.purge-cron} (store time), like the store's other timed jobs. Training documents
 * are in no book, so nothing else changes; the training counters stay, so a number is never given twice.
 * Running it again deletes nothing more.
 */
@StoreOnly
@Component
class TrainingPurge {

    private static final Logger log = LoggerFactory.getLogger(TrainingPurge.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int retentionDays;

    TrainingPurge(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${pos.training.retention-days:30}") int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalStateException("pos.training.retention-days must be at least 1, is " + retentionDays);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${pos.training.purge-cron:0 45 3 * * *}", zone = "${pos.store.zone:UTC}")
    void purgeOldDocuments() {
        Purged purged = purge(clock);
        if (purged.sales() + purged.returns() > 0) {
            log.info("Purged {} training sales and {} training returns older than {} days", purged.sales(),
                    purged.returns(), retentionDays);
        }
    }

    /** Deletes what is older than the retention by the clock's now, in one transaction; returns how many. */
    Purged purge(Clock now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.instant().minus(Duration.ofDays(retentionDays)),
                ZoneOffset.UTC);
        Purged purged = tx.execute(s -> {
            // a training void and a training cash movement or no-sale (issue 24) go by their own age
            jdbc.sql("DELETE FROM training_sale_void WHERE created_at < ?").param(cutoff).update();
            jdbc.sql("DELETE FROM training_cash_movement WHERE created_at < ?").param(cutoff).update();
            // an exchange is its return and its sale: it goes with them
            jdbc.sql("DELETE FROM training_exchange WHERE created_at < ?").param(cutoff).update();
            // a training special order goes once it has not changed for as long (its pickup sale goes by its own age)
            jdbc.sql("DELETE FROM training_special_order_step WHERE order_number IN (SELECT order_number FROM "
                    + "training_special_order WHERE updated_at < ?)").param(cutoff).update();
            jdbc.sql("DELETE FROM training_special_order WHERE updated_at < ?").param(cutoff).update();
            // a training service case (issue 24) goes once it has not changed for as long
            jdbc.sql("DELETE FROM training_case WHERE updated_at < ?").param(cutoff).update();
            return new Purged(jdbc.sql("DELETE FROM training_sale WHERE created_at < ?").param(cutoff).update(),
                    jdbc.sql("DELETE FROM training_return WHERE created_at < ?").param(cutoff).update());
        });
        return purged == null ? new Purged(0, 0) : purged;
    }

    record Purged(int sales, int returns) {
    }
}
