package io.storedesk.pos.catalog;

import io.storedesk.pos.common.Money;

/** An item as sales see it. */
public record CatalogItem(String sku, String barcode, String name, String department, Money price,
        TaxCategory taxCategory) {
}
