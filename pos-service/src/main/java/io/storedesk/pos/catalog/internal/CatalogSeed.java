package io.storedesk.pos.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.common.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo catalogue ({@code pos.catalog.seed-file}, a semicolon-separated CSV with a
 * header: sku;barcode;name;department;price;taxCategory[;minAge], minAge optional: the age a customer
 * must have reached to buy the item) when the catalogue is empty, then
 * builds the lookup index. A bad row stops start-up with its line number. Seeding holds a cluster
 * lock ({@link ClusterLocks}), so nodes starting together on one database load the catalogue once.
 */
@Configuration(proxyBeanMethods = false)
class CatalogSeed {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeed.class);

    private final ItemRepository items;
    private final CatalogService catalog;
    private final CatalogProperties properties;
    private final StoreProperties store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ClusterLocks locks;

    CatalogSeed(ItemRepository items, CatalogService catalog, CatalogProperties properties, StoreProperties store,
            TransactionTemplate tx, Clock clock, ClusterLocks locks) {
        this.locks = locks;
        this.items = items;
        this.catalog = catalog;
        this.properties = properties;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seedAndIndex() {
        if (!properties.seedFile().isBlank() && items.count() == 0) {
            List<Item> rows = read(Path.of(properties.seedFile()));
            boolean loaded = Boolean.TRUE.equals(tx.execute(s -> {
                // nodes starting together on one database: the first seeds, the others find it seeded
                locks.holdForTransaction("seed:catalog");
                if (items.count() > 0) {
                    return false;
                }
                items.saveAll(rows);
                return true;
            }));
            if (loaded) {
                log.info("Loaded {} items from {}", rows.size(), properties.seedFile());
            }
        }
        catalog.reload();
    }

    private List<Item> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue seed " + file.toAbsolutePath(), e);
        }
        List<Item> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            try {
                if (f.length != 6 && f.length != 7) {
                    throw new IllegalArgumentException("expected 6 or 7 fields, found " + f.length);
                }
                catalog.taxCategory(f[5].strip());
                rows.add(new Item(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), new BigDecimal(f[4].strip()),
                        store.currency().getCurrencyCode(), f[5].strip(), clock.instant())
                        .restrictToAge(f.length == 7 && !f[6].isBlank() ? Integer.valueOf(f[6].strip()) : null));
            } catch (RuntimeException e) {
                throw new IllegalStateException("%s line %d: %s".formatted(file, i + 1, e.getMessage()), e);
            }
        }
        return rows;
    }
}
