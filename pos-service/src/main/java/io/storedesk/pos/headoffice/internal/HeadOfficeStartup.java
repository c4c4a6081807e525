package io.storedesk.pos.headoffice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
 * time when empty), which head office expires ({@link OpeningPointsExpiry}). The configured regions
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
    private final OpeningPointsExpiry expiry;

    HeadOfficeStartup(HeadOfficeProperties properties, LoyaltyProperties loyaltyProperties, EventIngest ingest,
            LoyaltyBook loyalty, Clock clock, HeadOfficeStoreKeys storeKeys, OpeningPointsExpiry expiry) {
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
        int lots = expiry.recordOpeningLots(accounts.stream().map(a -> new OpeningPointsExpiry.Lot(a.card(), a.balance(),
                a.asOf() == null ? now : java.time.Instant.parse(a.asOf()))).toList());
        if (lots > 0) {
            log.info("Head office: {} opening loyalty lots recorded for expiry", lots);
        }
    }

    static List<LoyaltyBook.Account> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read loyalty seed " + file.toAbsolutePath(), e);
        }
        List<LoyaltyBook.Account> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 6 && f.length != 7) {
                throw new IllegalStateException("%s line %d: expected 6 or 7 fields, found %d".formatted(file, i + 1, f.length));
            }
            try {
                out.add(new LoyaltyBook.Account(f[0].strip(), blank(f[1]), blank(f[2]), blank(f[3]),
                        Long.parseLong(f[4].strip()), 0, snapshotAt(f[5]), f.length == 7 ? blank(f[6]) : null));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("%s line %d: balance is not a number".formatted(file, i + 1), e);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalStateException("%s line %d: snapshotAt is not a date-time with offset".formatted(file,
                        i + 1), e);
            }
        }
        return out;
    }

    /** The seed's snapshotAt ("2026-11-22T23:00:00+02:00") as an instant ("2026-11-22T21:00:00Z"); null when empty. */
    private static String snapshotAt(String s) {
        return s.isBlank() ? null : java.time.OffsetDateTime.parse(s.strip()).toInstant().toString();
    }

    private static String blank(String s) {
        return s.isBlank() ? null : s.strip();
    }
}
