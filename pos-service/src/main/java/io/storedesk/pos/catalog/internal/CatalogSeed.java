package io.storedesk.pos.catalog.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.ClusterLocks;
import io.storedesk.pos.common.SeedFile;
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
                items.insertAll(rows);
                return true;
            }));
            if (loaded) {
                log.info("Loaded {} items from {}", rows.size(), properties.seedFile());
            }
        }
        catalog.reload();
    }

    private List<Item> read(Path file) {
        return SeedFile.read(file, "catalogue", 6, 7, row -> {
            String taxCategory = row.required(5, "taxCategory");
            catalog.taxCategory(taxCategory);
            String minAge = row.optional(6);
            return new Item(row.required(0, "sku"), row.required(1, "barcode"), row.required(2, "name"),
                    row.required(3, "department"), new BigDecimal(row.required(4, "price")),
                    store.currency().getCurrencyCode(), taxCategory, clock.instant())
                    .restrictToAge(minAge == null ? null : Integer.valueOf(minAge));
        });
    }
}
