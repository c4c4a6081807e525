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
}
