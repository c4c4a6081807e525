package io.storedesk.pos.loyalty.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.common.ClusterLocks;
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
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loyalty seed " + file.toAbsolutePath(), e);
        }
        List<LoyaltyAccounts.Snapshot> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            try {
                if (f.length != 6 && f.length != 7) { // a 7th field (the home store) is head office's
                    throw new IllegalArgumentException("expected 6 or 7 fields, found " + f.length);
                }
                rows.add(new LoyaltyAccounts.Snapshot(f[0].strip(), blankToNull(f[1]), f[2].strip(), blankToNull(f[3]),
                        Long.parseLong(f[4].strip()), OffsetDateTime.parse(f[5].strip())));
            } catch (RuntimeException e) {
                throw new IllegalStateException("%s line %d: %s".formatted(file, i + 1, e.getMessage()), e);
            }
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
