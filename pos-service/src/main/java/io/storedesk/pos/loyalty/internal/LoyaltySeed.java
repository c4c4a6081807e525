package io.storedesk.pos.loyalty.internal;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.common.SeedFile;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo loyalty accounts ({@code pos.loyalty.seed-file}, a semicolon-separated CSV with a
 * header: card;customerId;name;tier;balance;snapshotAt) into a store that has none, as if head
 * office had sent their snapshots, once under a cluster lock. A bad row stops start-up with its line number. Also turns on
 * the scheduler that runs the expiry job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LoyaltySeed {

    private static final Logger log = LoggerFactory.getLogger(LoyaltySeed.class);

    private final LoyaltyAccounts accounts;
    private final LoyaltyLedger ledger;
    private final LoyaltyProperties properties;
    private final TransactionTemplate tx;
    private final ClusterLocks locks;

    LoyaltySeed(LoyaltyAccounts accounts, LoyaltyLedger ledger, LoyaltyProperties properties, TransactionTemplate tx,
            ClusterLocks locks) {
        this.locks = locks;
        this.accounts = accounts;
        this.ledger = ledger;
        this.properties = properties;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (properties.seedFile().isBlank() || ledger.count() > 0) {
            return;
        }
        List<LoyaltyAccounts.Snapshot> rows = read(Path.of(properties.seedFile()));
        boolean loaded = Boolean.TRUE.equals(tx.execute(s -> {
            locks.holdForTransaction("seed:loyalty");
            if (ledger.count() > 0) {
                return false;
            }
            rows.forEach(accounts::importSnapshot);
            return true;
        }));
        if (loaded) {
            log.info("Loaded {} loyalty accounts from {}", rows.size(), properties.seedFile());
        }
    }

    private static List<LoyaltyAccounts.Snapshot> read(Path file) {
        // a 7th field (the home store) is head office's
        return SeedFile.read(file, "loyalty", 6, 7, row -> new LoyaltyAccounts.Snapshot(row.required(0, "card"),
                row.optional(1), row.required(2, "holderName"), row.optional(3), Long.parseLong(row.required(4, "balance")),
                OffsetDateTime.parse(row.required(5, "asOf"))));
    }
}
