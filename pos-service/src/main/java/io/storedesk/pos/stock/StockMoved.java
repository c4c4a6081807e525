package io.storedesk.pos.stock;

import java.time.Instant;
import java.util.List;

/**
 * Stock moved for one document (a sale, return, post-void, goods receipt, adjustment or count);
 * published in the document's transaction, after the movements were written. {@code reason} is
 * SALE, RETURN_RESTOCKED, POST_VOID, RECEIVED, ADJUSTMENT or COUNT; {@code reasonCode} an
 * adjustment's DAMAGED, THEFT, FOUND or OTHER (else null). Lines in SKU order, signed quantities.
 */
public record StockMoved(String document, String reason, String reasonCode, String note, String user,
        Instant occurredAt, List<Line> lines) {

    public record Line(String sku, int quantity) {
    }
}
