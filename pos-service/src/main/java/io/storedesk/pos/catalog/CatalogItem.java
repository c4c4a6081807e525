package io.storedesk.pos.catalog;

import io.storedesk.pos.common.Money;

/**
 * An item as sales see it.
 *
 * @param minAge       the age a customer must have reached to buy it (item level, {@code item.min_age}); null = none
 *                     of its own (its department may still be restricted, {@code pos.age-restrictions.departments})
 * @param priceVersion the head-office price list version {@code price} comes from; null = the store's own seed price
 * @param blocked      head office blocked the item: it cannot be sold
 * @param cost         the unit cost head office's price list in effect gives (null: none), the floor below which
 *                     only a manager sells it after manual changes
 * @param shortName    head office's short label for quick keys and narrow displays (at most 18 characters; null:
 *                     none, the name is used); receipts keep the name
 */
public record CatalogItem(String sku, String barcode, String name, String department, Money price,
        TaxCategory taxCategory, Integer minAge, Long priceVersion, boolean blocked, Money cost, String shortName) {

    public CatalogItem(String sku, String barcode, String name, String department, Money price,
            TaxCategory taxCategory, Integer minAge, Long priceVersion, boolean blocked, Money cost) {
        this(sku, barcode, name, department, price, taxCategory, minAge, priceVersion, blocked, cost, null);
    }

    /** The label of a quick key: the short label, else the name. */
    public String keyLabel() {
        return shortName == null || shortName.isBlank() ? name : shortName;
    }

    public CatalogItem(String sku, String barcode, String name, String department, Money price,
            TaxCategory taxCategory, Integer minAge, Long priceVersion, boolean blocked) {
        this(sku, barcode, name, department, price, taxCategory, minAge, priceVersion, blocked, null);
    }

    public CatalogItem(String sku, String barcode, String name, String department, Money price,
            TaxCategory taxCategory, Integer minAge) {
        this(sku, barcode, name, department, price, taxCategory, minAge, null, false);
    }

    public CatalogItem(String sku, String barcode, String name, String department, Money price,
            TaxCategory taxCategory) {
        this(sku, barcode, name, department, price, taxCategory, null, null, false);
    }
}
