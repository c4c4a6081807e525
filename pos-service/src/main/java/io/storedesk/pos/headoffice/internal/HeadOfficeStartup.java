package io.storedesk.pos.headoffice.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.storedesk.pos.common.SeedFile;
import io.storedesk.pos.headoffice.HeadOfficeProperties;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up: a lock row per configured store, the configured store keys stored (hashed) unless
 * known already, and on the first start the opening loyalty
 * balances from {@code pos.loyalty.seed-file} (the CSV the stores load: card;customerId;name;
 * tier;balance;snapshotAt[;homeStore]). A bad row stops start-up with its line number. The seeded
 * balances are also recorded as each card's opening lot, dated by {@code snapshotAt} (the seeding
 * time when empty), which head office expires ({@link HeadOfficePointsExpiry}). The configured regions
 * ({@code pos.head-office.store-regions}) are written to the stores' rows.
 */
@Component
@Profile("head-office")
class HeadOfficeStartup {

    private static final Logger log = LoggerFactory.getLogger(HeadOfficeStartup.class);

    private final HeadOfficeProperties properties;
    private final LoyaltyProperties loyaltyProperties;
    private final EventIngest ingest;
    private final LoyaltyBook loyalty;
    private final Clock clock;
    private final HeadOfficeStoreKeys storeKeys;
    private final HeadOfficePointsExpiry expiry;

    HeadOfficeStartup(HeadOfficeProperties properties, LoyaltyProperties loyaltyProperties, EventIngest ingest,
            LoyaltyBook loyalty, Clock clock, HeadOfficeStoreKeys storeKeys, HeadOfficePointsExpiry expiry) {
        this.storeKeys = storeKeys;
        this.expiry = expiry;
        this.properties = properties;
        this.loyaltyProperties = loyaltyProperties;
        this.ingest = ingest;
        this.loyalty = loyalty;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        properties.storeKeys().keySet().forEach(ingest::ensureStoreRow);
        properties.storeRegions().forEach(ingest::setRegion);
        int keys = storeKeys.seed(properties.storeKeys());
        if (keys > 0) {
            log.info("Head office: stored {} store key(s) from pos.head-office.store-keys", keys);
        }
        if (loyaltyProperties.seedFile().isBlank()) {
            return;
        }
        Path file = Path.of(loyaltyProperties.seedFile());
        List<LoyaltyBook.Account> accounts = read(file);
        java.time.Instant now = clock.instant();
        if (loyalty.seed(accounts, now)) {
            log.info("Head office: opening balances of {} loyalty accounts from {}", accounts.size(), file);
        }
        int lots = expiry.recordOpeningLots(accounts.stream().map(a -> new HeadOfficePointsExpiry.Lot(a.card(), a.balance(),
                a.asOf() == null ? now : java.time.Instant.parse(a.asOf()))).toList());
        if (lots > 0) {
            log.info("Head office: {} opening loyalty lots recorded for expiry", lots);
        }
    }

    static List<LoyaltyBook.Account> read(Path file) {
        return SeedFile.read(file, "loyalty", 6, 7, row -> {
            long balance;
            try {
                balance = Long.parseLong(row.required(4, "balance"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("balance is not a number", e);
            }
            String snapshotAt = row.optional(5);
            try {
                snapshotAt = snapshotAt == null ? null : java.time.OffsetDateTime.parse(snapshotAt).toInstant().toString();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("snapshotAt is not a date-time with offset", e);
            }
            return new LoyaltyBook.Account(row.required(0, "card"), row.optional(1), row.optional(2), row.optional(3),
                    balance, 0, snapshotAt, row.optional(6));
        });
    }
}
