package io.storedesk.pos.catalog;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the store keeps of head office's item master and price lists (issue 26): the sync pulls
 * them and applies each page here, in its own transaction with the feed's cursor, then calls
 * {@link #reload()} after the commit.
 */
public interface CatalogFeed {

    /** An item as head office sends it; {@code version} is head office's catalogue version of it. */
    record PulledItem(String sku, List<String> barcodes, Map<String, String> names, String department,
            Map<String, String> taxCategories, Integer ageLimit, boolean quickKey, String status, long version,
            String shortName) {
    }

    /**
     * A price from {@code effectiveFrom} (wall-clock time in the store's zone) on, of price list {@code version};
     * {@code cost} (null: none) is the item's unit cost from then on, the floor of manual discounts.
     */
    record PulledPrice(String sku, LocalDateTime effectiveFrom, BigDecimal price, BigDecimal cost, String currency,
            long version) {
    }

    /** Keeps the item (replacing the store's own seed item of that SKU); an older version than the one held is ignored. */
    void apply(PulledItem item);

    /** Adds the price to the store's price schedule; another currency than the store's is ignored. */
    void apply(PulledPrice price);

    /**
     * Drops every head-office price the store holds (its group's lists start over: the store was moved to
     * another group); in the transaction that applies the new lists.
     */
    void resetPrices();

    /** Rebuilds the in-memory index from the tables (after the transaction that applied a page committed). */
    void reload();
}
