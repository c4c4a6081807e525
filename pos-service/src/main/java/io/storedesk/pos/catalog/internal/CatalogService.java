package io.storedesk.pos.catalog.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.catalog.SearchText;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serves lookups from an in-memory index of active items (a till looks items up on every scan)
 * and rebuilds it whenever the catalogue changes.
 */
@Service
class CatalogService implements Catalog {

    private final ItemRepository items;
    private final Map<String, TaxCategory> taxCategories = new ConcurrentHashMap<>();
    private volatile Index index = new Index(Map.of(), Map.of(), List.of());

    CatalogService(ItemRepository items, CatalogProperties properties) {
        this.items = items;
        properties.taxCategories().forEach((code, tax) ->
                taxCategories.put(code, new TaxCategory(code, tax.rate(), tax.letter())));
    }

    @Override
    public Optional<CatalogItem> find(String skuOrBarcode) {
        Index current = index;
        CatalogItem item = current.bySku.get(skuOrBarcode);
        return Optional.ofNullable(item != null ? item : current.byBarcode.get(skuOrBarcode));
    }

    @Override
    public List<CatalogItem> search(String query, int limit) {
        String[] words = SearchText.fold(query).split("\\s+");
        return index.searchable.stream()
                .filter(s -> Arrays.stream(words).allMatch(s.text::contains))
                .map(Searchable::item)
                .limit(limit)
                .toList();
    }

    @Override
    public TaxCategory taxCategory(String code) {
        TaxCategory category = taxCategories.get(code);
        if (category == null) {
            throw new IllegalStateException("tax category " + code + " is not configured under pos.catalog.tax-categories");
        }
        return category;
    }

    @Transactional(readOnly = true)
    public void reload() {
        Map<String, CatalogItem> bySku = new ConcurrentHashMap<>();
        Map<String, CatalogItem> byBarcode = new ConcurrentHashMap<>();
        List<Searchable> searchable = items.findByActiveTrue().stream()
                .sorted(Comparator.comparing(Item::name))
                .map(i -> {
                    CatalogItem item = new CatalogItem(i.sku(), i.barcode(), i.name(), i.department(),
                            Money.of(i.price().stripTrailingZeros(), Currency.getInstance(i.currency())),
                            taxCategory(i.taxCategory()), i.minAge());
                    bySku.put(item.sku(), item);
                    byBarcode.put(item.barcode(), item);
                    return new Searchable(SearchText.fold(i.name() + " " + i.sku() + " " + i.barcode()), item);
                })
                .toList();
        index = new Index(Map.copyOf(bySku), Map.copyOf(byBarcode), searchable);
    }

    private record Index(Map<String, CatalogItem> bySku, Map<String, CatalogItem> byBarcode,
            List<Searchable> searchable) {
    }

    private record Searchable(String text, CatalogItem item) {
    }
}
