package io.storedesk.pos.catalog.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogFeed;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.catalog.SearchText;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.StoreProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serves lookups from an in-memory index of active items (a till looks items up on every scan)
 * and rebuilds it whenever the catalogue changes.
 * <p>
 * Prices: an item's price at a moment is the latest entry of its price schedule (head office's
 * price lists, {@code item_price}) whose effective local date-time is not after now in the store's
 * zone ({@code pos.store.zone}); without one, the store's own seed price (no price version). The
 * index holds each item's whole schedule (a {@link NavigableMap} by effective time), so a price
 * change takes effect at its time with no database read and no re-index, also when head office is
 * unreachable then. Until a head-office price is in effect, an item of the store's own seed keeps its
 * seed price, and an item only head office sent is not offered (as unknown); a BLOCKED item is
 * found, flagged, and refused by the sale.
 */
@Service
class CatalogService implements Catalog, CatalogFeed {

    private final JdbcClient jdbc;
    private final StoreProperties store;
    private final Clock clock;
    private final Map<String, TaxCategory> taxCategories = new ConcurrentHashMap<>();
    private volatile Index index = new Index(Map.of(), Map.of(), List.of(), false, List.of());

    CatalogService(JdbcClient jdbc, CatalogProperties properties, StoreProperties store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        properties.taxCategories().forEach((code, tax) ->
                taxCategories.put(code, new TaxCategory(code, tax.rate(), tax.letter())));
    }

    @Override
    public Optional<CatalogItem> find(String skuOrBarcode) {
        Index current = index;
        Entry entry = current.bySku.get(skuOrBarcode);
        if (entry == null) {
            entry = current.byBarcode.get(skuOrBarcode);
        }
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.at(now()));
    }

    @Override
    public List<CatalogItem> search(String query, int limit) {
        String[] words = SearchText.fold(query).split("\\s+");
        LocalDateTime now = now();
        return index.searchable.stream()
                .filter(s -> Arrays.stream(words).allMatch(s.text::contains))
                .map(s -> s.entry.at(now))
                .filter(i -> i != null)
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<List<CatalogItem>> headOfficeQuickKeys() {
        Index current = index;
        if (!current.fromHeadOffice) {
            return Optional.empty();
        }
        LocalDateTime now = now();
        return Optional.of(current.quickKeys.stream().map(e -> e.at(now))
                .filter(i -> i != null && !i.blocked()).toList());
    }

    @Override
    public TaxCategory taxCategory(String code) {
        TaxCategory category = taxCategories.get(code);
        if (category == null) {
            throw new IllegalStateException("tax category " + code + " is not configured under pos.catalog.tax-categories");
        }
        return category;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(store.zone()));
    }

    @Override
    @Transactional
    public void apply(PulledItem item) {
        Long held = jdbc.sql("SELECT ho_version FROM item WHERE sku = ?").param(item.sku())
                .query((rs, n) -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? -1L : v;
                }).optional().orElse(null);
        if (held != null && held >= item.version()) {
            return;
        }
        String lang = store.locale().getLanguage();
        Map<String, String> names = item.names();
        String name = names.getOrDefault(lang, names.getOrDefault("en",
                names.values().stream().findFirst().orElse(item.sku())));
        String country = store.locale().getCountry().toUpperCase(Locale.ROOT);
        String tax = item.taxCategories().get(country);
        if (tax == null && item.taxCategories().size() == 1) {
            tax = item.taxCategories().values().iterator().next();
        }
        if (tax == null) {
            throw new IllegalStateException("head office's item %s has no tax category for country %s"
                    .formatted(item.sku(), country));
        }
        taxCategory(tax); // configured here, or the pull stops with the reason
        if (item.barcodes().isEmpty()) {
            throw new IllegalStateException("head office's item %s has no barcode".formatted(item.sku()));
        }
        String barcode = item.barcodes().get(0);
        String search = SearchText.fold(name + " " + item.sku() + " " + String.join(" ", item.barcodes()));
        if (search.length() > 500) {
            search = search.substring(0, 500);
        }
        boolean blocked = "BLOCKED".equals(item.status());
        String shortName = item.shortName() == null || item.shortName().isBlank() ? null : item.shortName().strip();
        // a barcode belongs to one item: the one head office names now
        jdbc.sql("DELETE FROM item_barcode WHERE sku = :sku OR barcode IN (:barcodes)")
                .param("sku", item.sku()).param("barcodes", item.barcodes()).update();
        int updated = jdbc.sql("""
                UPDATE item SET barcode = ?, name = ?, department = ?, tax_category = ?, search_text = ?, active = TRUE,
                min_age = ?, ho_version = ?, blocked = ?, quick_key = ?, short_name = ?, updated_at = CURRENT_TIMESTAMP
                WHERE sku = ?""")
                .params(barcode, name, item.department(), tax, search, item.ageLimit(), item.version(), blocked,
                        item.quickKey(), shortName, item.sku())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO item (sku, barcode, name, department, price, currency, tax_category, search_text, active,
                    min_age, ho_version, blocked, own_price, quick_key, short_name, updated_at)
                    VALUES (?, ?, ?, ?, 0, ?, ?, ?, TRUE, ?, ?, ?, FALSE, ?, ?, CURRENT_TIMESTAMP)""")
                    .params(item.sku(), barcode, name, item.department(), store.currency().getCurrencyCode(), tax, search,
                            item.ageLimit(), item.version(), blocked, item.quickKey(), shortName).update();
        }
        for (String b : item.barcodes()) {
            jdbc.sql("INSERT INTO item_barcode (barcode, sku) VALUES (?, ?)").params(b, item.sku()).update();
        }
    }

    @Override
    @Transactional
    public void apply(PulledPrice price) {
        if (!store.currency().getCurrencyCode().equals(price.currency())) {
            return;
        }
        Timestamp from = Timestamp.valueOf(price.effectiveFrom());
        Optional<Long> held = jdbc.sql("SELECT price_version FROM item_price WHERE sku = ? AND effective_from = ?")
                .params(price.sku(), from).query(Long.class).optional();
        if (held.isPresent()) {
            if (held.get() < price.version()) {
                jdbc.sql("UPDATE item_price SET price = ?, cost = ?, price_version = ? WHERE sku = ? AND effective_from = ?")
                        .params(price.price(), price.cost(), price.version(), price.sku(), from).update();
            }
            return;
        }
        jdbc.sql("INSERT INTO item_price (sku, effective_from, price, cost, currency, price_version) VALUES (?, ?, ?, ?, ?, ?)")
                .params(price.sku(), from, price.price(), price.cost(), price.currency(), price.version()).update();
    }

    @Override
    @Transactional
    public void resetPrices() {
        jdbc.sql("DELETE FROM item_price").update();
    }

    @Override
    @Transactional(readOnly = true)
    public void reload() {
        Map<String, NavigableMap<LocalDateTime, Scheduled>> schedules = new HashMap<>();
        jdbc.sql("SELECT sku, effective_from, price, currency, price_version, cost FROM item_price").query(rs -> {
            BigDecimal cost = rs.getBigDecimal(6);
            schedules.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getTimestamp(2).toLocalDateTime(),
                    new Scheduled(money(rs.getBigDecimal(3), rs.getString(4)), rs.getLong(5),
                            cost == null ? null : money(cost, rs.getString(4))));
        });
        Map<String, List<String>> extraBarcodes = new HashMap<>();
        jdbc.sql("SELECT barcode, sku FROM item_barcode").query(rs -> {
            extraBarcodes.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
        });
        Map<String, Entry> bySku = new HashMap<>();
        Map<String, Entry> byBarcode = new HashMap<>();
        List<Searchable> searchable = new ArrayList<>();
        List<Entry> quickKeys = new ArrayList<>();
        boolean[] fromHeadOffice = {false};
        jdbc.sql("""
                SELECT sku, barcode, name, department, price, currency, tax_category, min_age, own_price, blocked,
                ho_version, quick_key, short_name FROM item WHERE active = TRUE""").query(rs -> {
            int age = rs.getInt("min_age");
            Integer minAge = rs.wasNull() ? null : age;
            boolean ownPrice = rs.getBoolean("own_price");
            String sku = rs.getString("sku");
            CatalogItem base = new CatalogItem(sku, rs.getString("barcode"), rs.getString("name"),
                    rs.getString("department"), !ownPrice ? null : money(rs.getBigDecimal("price"), rs.getString("currency")),
                    taxCategory(rs.getString("tax_category")), minAge, null, rs.getBoolean("blocked"), null,
                    rs.getString("short_name"));
            NavigableMap<LocalDateTime, Scheduled> schedule = schedules.get(sku);
            Entry entry = new Entry(base, schedule == null ? null : Collections.unmodifiableNavigableMap(schedule));
            bySku.put(sku, entry);
            byBarcode.put(base.barcode(), entry);
            List<String> more = extraBarcodes.getOrDefault(sku, List.of());
            more.forEach(b -> byBarcode.put(b, entry));
            searchable.add(new Searchable(SearchText.fold(base.name() + " " + sku + " " + base.barcode() + " "
                    + String.join(" ", more)), entry));
            rs.getLong("ho_version");
            if (!rs.wasNull()) {
                fromHeadOffice[0] = true;
                if (rs.getBoolean("quick_key")) {
                    quickKeys.add(entry);
                }
            }
        });
        searchable.sort(Comparator.comparing(s -> s.entry.base.name()));
        Collator byName = Collator.getInstance(store.locale());
        quickKeys.sort(Comparator.comparing((Entry e) -> e.base.keyLabel(), byName).thenComparing(e -> e.base.sku()));
        index = new Index(Map.copyOf(bySku), Map.copyOf(byBarcode), List.copyOf(searchable), fromHeadOffice[0],
                List.copyOf(quickKeys));
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount.stripTrailingZeros(), Currency.getInstance(currency.strip()));
    }

    private record Scheduled(Money price, long version, Money cost) {
    }

    /** An item and its price schedule (null: none from head office). */
    private record Entry(CatalogItem base, NavigableMap<LocalDateTime, Scheduled> schedule) {

        /** The item as priced at local time {@code now}; null when it has no price then. */
        CatalogItem at(LocalDateTime now) {
            Map.Entry<LocalDateTime, Scheduled> e = schedule == null ? null : schedule.floorEntry(now);
            if (e != null) {
                Scheduled s = e.getValue();
                return new CatalogItem(base.sku(), base.barcode(), base.name(), base.department(), s.price(),
                        base.taxCategory(), base.minAge(), s.version(), base.blocked(), s.cost(), base.shortName());
            }
            return base.price() == null ? null : base;
        }
    }

    /** {@code fromHeadOffice}: some active item came from head office; {@code quickKeys}: those it flagged, by name. */
    private record Index(Map<String, Entry> bySku, Map<String, Entry> byBarcode, List<Searchable> searchable,
            boolean fromHeadOffice, List<Entry> quickKeys) {
    }

    private record Searchable(String text, Entry entry) {
    }
}
