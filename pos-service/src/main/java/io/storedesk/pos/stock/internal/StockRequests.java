package io.storedesk.pos.stock.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the stock API (docs/api-contract.md, "Stock"). */
final class StockRequests {

    private StockRequests() {
    }

    /** Goods received: each line names the item by {@code sku} or by {@code barcode} (as scanned). */
    record Receipt(@NotEmpty @Size(max = 500) List<@Valid @NotNull ReceivedLine> lines, @Size(max = 200) String note) {
    }

    record ReceivedLine(@Size(max = 64) String sku, @Size(max = 64) String barcode,
            @NotNull @Min(1) @Max(100000) Integer quantity) {

        String code() {
            return sku != null && !sku.isBlank() ? sku.strip() : barcode == null ? null : barcode.strip();
        }
    }

    /** Why stock was adjusted by hand. */
    enum AdjustmentReason { DAMAGED, THEFT, FOUND, OTHER }

    /** A signed correction of one SKU: -3 DAMAGED, +1 FOUND. */
    record Adjustment(@NotNull @Size(min = 1, max = 64) String sku, @NotNull @Min(-100000) @Max(100000) Integer quantity,
            @NotNull AdjustmentReason reason, @Size(max = 200) String note) {
    }

    /** A count of SKUs on the shelf: each difference to on hand becomes a COUNT movement. */
    record Count(@NotEmpty @Size(max = 1000) List<@Valid @NotNull CountedLine> lines, @Size(max = 200) String note) {
    }

    record CountedLine(@NotNull @Size(min = 1, max = 64) String sku, @NotNull @Min(0) @Max(1000000) Integer counted) {
    }
}
