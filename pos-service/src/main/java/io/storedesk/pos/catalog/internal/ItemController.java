package io.storedesk.pos.catalog.internal;

import java.math.BigDecimal;
import java.util.List;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    private final Catalog catalog;

    ItemController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<ItemView> search(@RequestParam(defaultValue = "") @Size(max = 100) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return catalog.search(q, limit).stream().map(ItemView::of).toList();
    }

    @GetMapping("/{skuOrBarcode}")
    ItemView one(@PathVariable @Size(max = 40) String skuOrBarcode) {
        return catalog.find(skuOrBarcode).map(ItemView::of)
                .orElseThrow(() -> ProblemException.notFound("Item", skuOrBarcode));
    }

    record ItemView(String sku, String barcode, String name, String department, String price, String currency,
            BigDecimal taxRate, String taxCategory, String shortName) {
        static ItemView of(CatalogItem i) {
            return new ItemView(i.sku(), i.barcode(), i.name(), i.department(), i.price().toString(),
                    i.price().currency().getCurrencyCode(), i.taxCategory().rate().stripTrailingZeros(),
                    i.taxCategory().code(), i.shortName());
        }
    }
}
