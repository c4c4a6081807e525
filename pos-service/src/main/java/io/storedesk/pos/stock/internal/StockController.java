package io.storedesk.pos.stock.internal;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock API: goods received by scan, adjustments, counts (each at most once per
 * {@code Idempotency-Key}), one item's stock and its quantities in the other stores.
 */
@RestController
@Validated
@RequestMapping("/api/v1/stock")
class StockController {

    private final StockService stock;
    private final OtherStores otherStores;
    private final Idempotency idempotency;

    StockController(StockService stock, OtherStores otherStores, Idempotency idempotency) {
        this.stock = stock;
        this.otherStores = otherStores;
        this.idempotency = idempotency;
    }

    @PostMapping("/receipts")
    ResponseEntity<StockViews.Document> receive(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody StockRequests.Receipt request) {
        String user = CurrentUser.username();
        return idempotency.execute("stock-receipt", key, new Object[] {user, request}, StockViews.Document.class,
                () -> stock.receive(request, user)).created();
    }

    @PostMapping("/adjustments")
    ResponseEntity<StockViews.Document> adjust(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody StockRequests.Adjustment request) {
        String user = CurrentUser.username();
        return idempotency.execute("stock-adjustment", key, new Object[] {user, request}, StockViews.Document.class,
                () -> stock.adjust(request, user)).created();
    }

    @PostMapping("/counts")
    ResponseEntity<StockViews.Document> count(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody StockRequests.Count request) {
        String user = CurrentUser.username();
        return idempotency.execute("stock-count", key, new Object[] {user, request}, StockViews.Document.class,
                () -> stock.count(request, user)).created();
    }

    @GetMapping("/{skuOrBarcode}")
    StockViews.Item item(@PathVariable @Size(max = 64) String skuOrBarcode,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int movements) {
        return stock.item(skuOrBarcode, movements);
    }

    /** 503 {@code head-office-unreachable} when head office cannot answer now. */
    @GetMapping("/{skuOrBarcode}/other-stores")
    StockViews.OtherStores otherStores(@PathVariable @Size(max = 64) String skuOrBarcode) {
        return otherStores.of(skuOrBarcode);
    }
}
