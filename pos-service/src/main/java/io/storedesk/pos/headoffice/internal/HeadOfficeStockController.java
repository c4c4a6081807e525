package io.storedesk.pos.headoffice.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Head office's stock: one SKU at every store (stores ask it for "in other stores" with their key;
 * HEAD_OFFICE users too) and one store's stock report (HEAD_OFFICE).
 */
@RestController
@Profile("head-office")
class HeadOfficeStockController {

    private final StockBook stock;
    private final StoreProperties zone;
    private final java.time.Clock clock;

    HeadOfficeStockController(StockBook stock, StoreProperties zone, java.time.Clock clock) {
        this.stock = stock;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/api/ho/v1/stock/{sku}")
    Map<String, Object> stock(@PathVariable String sku) {
        if (sku.isBlank() || sku.length() > 64) {
            throw ProblemException.invalidField("sku", "must be 1 to 64 characters");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sku", sku);
        out.put("stores", stock.stores(sku));
        return out;
    }

    /** {@code from}, {@code to}: whole days in head office's zone ({@code pos.store.zone}); default today. */
    @GetMapping("/api/ho/v1/reports/stock")
    Map<String, Object> report(@RequestParam String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (storeId.isBlank() || storeId.length() > 32) {
            throw ProblemException.invalidField("storeId", "must be a store id");
        }
        LocalDate today = zone.today(clock);
        return stock.report(storeId.strip(), from == null ? today : from, to == null ? today : to, zone.zone());
    }
}
