package io.storedesk.pos.promotion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.storedesk.pos.common.ClusterLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: loads the last promotion set from the database or, when the database holds none,
 * installs {@code pos.promotion.seed-file} (the demo set), under a cluster lock so that nodes starting
 * together install it once. A bad seed stops start-up naming the promotion.
 */
@Configuration(proxyBeanMethods = false)
class PromotionSeed {

    private static final Logger log = LoggerFactory.getLogger(PromotionSeed.class);

    private final PromotionService promotions;
    private final PromotionProperties properties;
    private final TransactionTemplate tx;
    private final ClusterLocks locks;

    PromotionSeed(PromotionService promotions, PromotionProperties properties, TransactionTemplate tx,
            ClusterLocks locks) {
        this.tx = tx;
        this.locks = locks;
        this.promotions = promotions;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void loadOrSeed() {
        if (promotions.loadStored() || properties.seedFile().isBlank()) {
            return;
        }
        // nodes starting together on one database: the first installs the seed, the others load it
        tx.executeWithoutResult(s -> {
            locks.holdForTransaction("seed:promotions");
            if (!promotions.loadStored()) {
                seed();
            }
        });
    }

    private void seed() {
        Path file = Path.of(properties.seedFile());
        PromotionJson.SetFile set;
        try {
            set = PromotionSetStore.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read promotion seed " + file.toAbsolutePath(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("promotion seed %s: %s".formatted(file, e.getMessage()), e);
        }
        try {
            promotions.install(set.version(), "seed:" + file, PromotionSetStore.promotions(set));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("promotion seed %s: %s".formatted(file, e.getMessage()), e);
        }
        log.info("Loaded promotion set version {} from {}", set.version(), file);
    }
}
