package io.storedesk.pos.stock.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** What the stock API answers. */
final class StockViews {

    private StockViews() {
    }

    /** A receipt, adjustment or count as recorded: its document number and what each SKU holds now. */
    record Document(String document, String type, OffsetDateTime at, String user, String note, String reasonCode,
            List<Line> lines) {
    }

    /**
     * One SKU of a document: {@code quantity} moved (signed); for a count also what was on hand before and what
     * was counted.
     */
    record Line(String sku, String name, int quantity, Integer onHandBefore, Integer counted, int onHand) {
    }

    /** One SKU's stock here and its last movements, newest first. */
    record Item(String sku, String name, String barcode, int onHand, List<Movement> movements) {
    }

    record Movement(String sku, int quantity, String reason, String reasonCode, String note, String document,
            String user, OffsetDateTime occurredAt) {
    }

    /** Head office's quantities of the other stores, nearest first ({@code nearby}: on the configured list). */
    record OtherStores(String sku, String name, String storeId, int onHandHere, List<StoreStock> stores) {
    }

    record StoreStock(String storeId, int onHand, OffsetDateTime asOf, boolean nearby) {
    }
}
