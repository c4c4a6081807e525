package io.storedesk.pos.sale;

/**
 * Where a sale stands. The text of each value is what the API shows in {@link SaleView#status()} and what the
 * books keep: a sale is {@code COMPLETED} when sold, {@code VOIDED} once post-voided (a void is a document of its
 * own next to the sale, which is never changed), and {@code TRAINING} when sold in training (ADR 0005).
 */
public enum SaleStatus {
    COMPLETED, VOIDED, TRAINING
}
