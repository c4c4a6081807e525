package io.storedesk.pos.sale;

import io.storedesk.pos.catalog.CatalogItem;

/** An item and a quantity, in basket order. */
public record BasketLine(int lineNo, CatalogItem item, int quantity) {
}
