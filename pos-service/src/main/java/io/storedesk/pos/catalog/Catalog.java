package io.storedesk.pos.catalog;

import java.util.List;
import java.util.Optional;

/** The catalogue's API for other modules and the pages. */
public interface Catalog {

    /** By SKU or by EAN-13 barcode, as a scanner types it. */
    Optional<CatalogItem> find(String skuOrBarcode);

    /** Items whose name, SKU or barcode contains every word of the query, ignoring case and accents. */
    List<CatalogItem> search(String query, int limit);

    TaxCategory taxCategory(String code);

    /**
     * The till's quick keys when the store has items from head office (issue 26): the active items head
     * office flagged as quick keys that can be sold now (priced, not blocked), by name in the store's
     * language; empty when the store has no item from head office (then the till's own configured keys
     * apply, {@code pos.till.quick-keys}).
     */
    default Optional<List<CatalogItem>> headOfficeQuickKeys() {
        return Optional.empty();
    }
}
