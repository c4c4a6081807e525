package io.storedesk.pos.headoffice.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.SeedFile;
import io.storedesk.pos.common.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo head office's item master is the store's catalogue seed ({@code pos.catalog.seed-file}):
 * on the first start (no item in {@code ho_item}) each row becomes an item, its name in head office's
 * language ({@code pos.store.locale}), its tax category for head office's country, and one price list
 * for group {@code ALL} in head office's currency, in effect since 2000-01-01 00:00. Once per
 * cluster: the seed holds the catalogue counter row, so a second node starting at the same moment
 * waits and then finds the items there. The items the demo till configures as quick keys
 * ({@code pos.till.quick-keys}, by SKU or barcode) are flagged as quick keys, so a store keeps its keys
 * once its catalogue comes from head office.
 */
@Component
@Profile("head-office")
class ItemMasterSeed {

    private static final Logger log = LoggerFactory.getLogger(ItemMasterSeed.class);

    private final ItemMaster master;
    private final CatalogProperties catalog;
    private final StoreProperties store;
    private final Environment environment;

    ItemMasterSeed(ItemMaster master, CatalogProperties catalog, StoreProperties store, Environment environment) {
        this.environment = environment;
        this.master = master;
        this.catalog = catalog;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seed() {
        if (catalog.seedFile().isBlank() || !master.find("", 1).isEmpty()) {
            return;
        }
        String lang = ItemMaster.LANGUAGES.contains(store.locale().getLanguage()) ? store.locale().getLanguage() : "en";
        String country = store.locale().getCountry().isEmpty() ? "LV" : store.locale().getCountry();
        List<ItemMaster.PriceInput> prices = new ArrayList<>();
        Set<String> quickKeys = Binder.get(environment).bind("pos.till.quick-keys", Bindable.listOf(Map.class))
                .orElse(List.of()).stream().map(k -> String.valueOf(k.get("sku"))).collect(Collectors.toSet());
        List<ItemMaster.ItemInput> items = SeedFile.read(Path.of(catalog.seedFile()), "catalogue", 6, 7, row -> {
            String minAge = row.optional(6);
            String sku = row.required(0, "sku");
            String barcode = row.required(1, "barcode");
            prices.add(new ItemMaster.PriceInput(prices.size() + 2, sku, row.required(4, "price")));
            return new ItemMaster.ItemInput(sku, List.of(barcode),
                    Map.of(lang, row.required(2, "name")), row.required(3, "department"),
                    Map.of(country, row.required(5, "taxCategory")), minAge == null ? null : Integer.valueOf(minAge),
                    quickKeys.contains(sku) || quickKeys.contains(barcode), "ACTIVE");
        });
        int loaded = master.seed(items, store.currency().getCurrencyCode(), prices, "seed");
        if (loaded > 0) {
            log.info("Head office's item master: {} items and their prices from {}", loaded, catalog.seedFile());
        }
    }
}
