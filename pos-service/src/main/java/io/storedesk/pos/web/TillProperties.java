package io.storedesk.pos.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sale page ({@code pos.till.*}).
 *
 * @param mergeIdenticalLines the same item scanned again adds to its line instead of making a new one
 * @param quickKeys           buttons on the sale page for items without a barcode (bread, fruit), in order
 */
@ConfigurationProperties("pos.till")
record TillProperties(@DefaultValue("true") boolean mergeIdenticalLines, List<QuickKey> quickKeys) {

    TillProperties {
        quickKeys = quickKeys == null ? List.of() : List.copyOf(quickKeys);
    }

    /** One button: its label (in the store's language) and the item's SKU or barcode. */
    record QuickKey(String label, String sku) {
    }
}
