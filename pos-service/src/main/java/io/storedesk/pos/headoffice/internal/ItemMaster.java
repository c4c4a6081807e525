package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.storedesk.pos.catalog.Ean13;
import io.storedesk.pos.catalog.SearchText;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.SqlFilter;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Head office's item master and price lists (issue 26, docs/head-office.md "Items and prices").
 * <p>
 * <b>Versions and their order.</b> Every change of an item, and every price list, takes the next
 * catalogue version by {@code UPDATE ho_counter SET counter_value = counter_value + 1 WHERE name =
 * 'catalog'} as the first statement of its transaction: the row stays locked until that transaction
 * commits, so catalogue writes run one after the other and commit in version order (on PostgreSQL and
 * on H2 alike). A reader that sees version v has seen every version below v, and every version it
 * cannot see yet is above the highest it sees: a store paging the feed by "versions after my cursor"
 * never misses a change. All deciding checks (a barcode belongs to one item, the SKU exists, an item
 * is new) run after that lock, in the same transaction. Lock order: the catalogue counter row, then
 * the item's rows. The feeds are read in one REPEATABLE READ snapshot per page.
 */
@Service
@Profile("head-office")
class ItemMaster {

    static final List<String> LANGUAGES = List.of("en", "lv", "cs", "ru");
    static final String DEFAULT_GROUP = "ALL";
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,20}");
    /** The most characters of an item's short label (quick keys, narrow displays). */
    static final int SHORT_NAME_MAX = 18;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ItemMaster(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /** What a caller gives for an item (create or replace). */
    record ItemInput(String sku, List<String> barcodes, Map<String, String> names, String department,
            Map<String, String> taxCategories, Integer ageLimit, Boolean quickKey, String status, String shortName) {

        ItemInput(String sku, List<String> barcodes, Map<String, String> names, String department,
                Map<String, String> taxCategories, Integer ageLimit, Boolean quickKey, String status) {
            this(sku, barcodes, names, department, taxCategories, ageLimit, quickKey, status, null);
        }
    }

    record ItemView(String sku, List<String> barcodes, Map<String, String> names, String department,
            Map<String, String> taxCategories, Integer ageLimit, boolean quickKey, String status, long version,
            OffsetDateTime updatedAt, String updatedBy, String shortName) {

        /** The name in {@code lang}, else English, else any. */
        String name(String lang) {
            return names.getOrDefault(lang, names.getOrDefault("en", names.values().stream().findFirst().orElse("")));
        }
    }

    /** A price list row; {@code cost} (the unit cost in the list's currency, optional) is the manual-discount floor. */
    record PriceInput(int line, String sku, String price, String cost) {

        PriceInput(int line, String sku, String price) {
            this(line, sku, price, null);
        }
    }

    record Rejected(int line, String sku, String reason) {
    }

    record PriceListResult(long version, String storeGroup, String currency, LocalDateTime effectiveFrom,
            int accepted, List<Rejected> rejected) {
    }

    record PriceHistoryEntry(long version, String storeGroup, String currency, LocalDateTime effectiveFrom,
            String price, String cost, String source, OffsetDateTime createdAt, String createdBy) {
    }

    record PriceChange(String sku, LocalDateTime effectiveFrom, String price, String cost, String currency,
            long version) {
    }

    record ItemFeed(String cursor, boolean more, List<ItemView> items) {
    }

    /**
     * A page of the price feed; {@code reset}: the page starts the store's price schedule over (the store was
     * moved to another group after its cursor): the store drops the head-office prices it holds and keeps
     * this page and the ones after it instead.
     */
    record PriceFeed(String cursor, boolean more, String storeGroup, String currency, List<PriceChange> prices,
            boolean reset) {
    }

    /** A store's group and the catalogue version of its last move (0: none since V174). */
    record Membership(String storeGroup, long movedVersion) {
    }

    // ---------------------------------------------------------------- items

    ItemView create(ItemInput in, String user) {
        return save(in, user, true);
    }

    ItemView update(String sku, ItemInput in, String user) {
        return save(new ItemInput(sku, in.barcodes(), in.names(), in.department(), in.taxCategories(), in.ageLimit(),
                in.quickKey(), in.status(), in.shortName()), user, false);
    }

    /** Sets (blank: removes) the item's short label alone, as a change of the item with the next version. */
    ItemView setShortName(String sku, String shortName, String user) {
        String label = shortName(shortName);
        return tx.execute(s -> {
            long version = nextVersion();
            lock(sku).orElseThrow(() -> ProblemException.notFound("Item", sku));
            jdbc.sql("UPDATE ho_item SET short_name = ?, version = ?, updated_at = ?, updated_by = ? WHERE sku = ?")
                    .params(label, version, now(), user, sku).update();
            return get(sku).orElseThrow();
        });
    }

    /**
     * A short label as kept: trimmed, null when blank; more than {@value #SHORT_NAME_MAX} characters is 422
     * {@code short-name-too-long} (localized, naming the label, its length and the limit).
     */
    static String shortName(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String label = text.strip();
        int length = label.codePointCount(0, label.length());
        if (length > SHORT_NAME_MAX) {
            throw ProblemException.rule("short-name-too-long", "Short label too long",
                    "The short label '%s' has %d characters; at most %d fit a quick key.".formatted(label, length,
                            SHORT_NAME_MAX))
                    .with("shortName", label).with("length", length).with("max", SHORT_NAME_MAX)
                    .with("errors", List.of(Map.of("field", "shortName",
                            "message", "must be at most " + SHORT_NAME_MAX + " characters")));
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("shortName", "must not hold control characters");
        }
        return label;
    }

    ItemView setStatus(String sku, String status, String user) {
        return tx.execute(s -> {
            long version = nextVersion();
            ItemView current = lock(sku).orElseThrow(() -> ProblemException.notFound("Item", sku));
            jdbc.sql("UPDATE ho_item SET status = ?, version = ?, updated_at = ?, updated_by = ? WHERE sku = ?")
                    .params(status, version, now(), user, sku).update();
            return get(current.sku()).orElseThrow();
        });
    }

    /** Loads items as given, skipping SKUs that exist already (the seed); one transaction, one version each. */
    int seed(List<ItemInput> items, String priceCurrency, List<PriceInput> prices, String user) {
        return tx.execute(s -> {
            // nodes starting together: the first takes the catalogue lock and seeds, the others find items
            jdbc.sql("SELECT counter_value FROM ho_counter WHERE name = 'catalog' FOR UPDATE").query(Long.class).single();
            if (jdbc.sql("SELECT COUNT(*) FROM ho_item").query(Long.class).single() > 0) {
                return 0;
            }
            for (ItemInput in : items) {
                ItemInput valid = validate(in);
                write(valid, nextVersion(), user, true);
            }
            if (!prices.isEmpty()) {
                createList(DEFAULT_GROUP, priceCurrency, LocalDateTime.of(2000, 1, 1, 0, 0), prices, "seed", user, false);
            }
            return items.size();
        });
    }

    private ItemView save(ItemInput raw, String user, boolean create) {
        ItemInput in = validate(raw);
        return tx.execute(s -> {
            long version = nextVersion();
            Optional<ItemView> existing = lock(in.sku());
            if (create && existing.isPresent()) {
                throw ProblemException.conflict("item-exists", "Item exists",
                        "Item %s exists already.".formatted(in.sku())).with("sku", in.sku());
            }
            if (!create && existing.isEmpty()) {
                throw ProblemException.notFound("Item", in.sku());
            }
            write(in, version, user, create);
            return get(in.sku()).orElseThrow();
        });
    }

    private void write(ItemInput in, long version, String user, boolean create) {
        for (String barcode : in.barcodes()) {
            Optional<String> owner = jdbc.sql("SELECT sku FROM ho_item_barcode WHERE barcode = ? AND sku <> ?")
                    .params(barcode, in.sku()).query(String.class).optional();
            if (owner.isPresent()) {
                throw ProblemException.conflict("barcode-taken", "Barcode belongs to another item",
                        "Barcode %s belongs to item %s.".formatted(barcode, owner.get()))
                        .with("barcode", barcode).with("owner", owner.get());
            }
        }
        String status = in.status() == null ? "ACTIVE" : in.status();
        String search = SearchText.fold(String.join(" ", in.names().values()) + " " + in.sku() + " "
                + String.join(" ", in.barcodes()) + (in.shortName() == null ? "" : " " + in.shortName()));
        if (search.length() > 2000) {
            search = search.substring(0, 2000);
        }
        if (create) {
            jdbc.sql("""
                    INSERT INTO ho_item (sku, department, age_limit, quick_key, status, search_text, version, updated_at,
                    updated_by, short_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(in.sku(), in.department(), in.ageLimit(), Boolean.TRUE.equals(in.quickKey()), status, search,
                            version, now(), user, in.shortName()).update();
        } else {
            jdbc.sql("""
                    UPDATE ho_item SET department = ?, age_limit = ?, quick_key = ?, status = ?, search_text = ?,
                    version = ?, updated_at = ?, updated_by = ?, short_name = ? WHERE sku = ?""")
                    .params(in.department(), in.ageLimit(), Boolean.TRUE.equals(in.quickKey()), status, search, version,
                            now(), user, in.shortName(), in.sku()).update();
            jdbc.sql("DELETE FROM ho_item_barcode WHERE sku = ?").param(in.sku()).update();
            jdbc.sql("DELETE FROM ho_item_name WHERE sku = ?").param(in.sku()).update();
            jdbc.sql("DELETE FROM ho_item_tax WHERE sku = ?").param(in.sku()).update();
        }
        int seq = 0;
        for (String barcode : in.barcodes()) {
            jdbc.sql("INSERT INTO ho_item_barcode (barcode, sku, seq) VALUES (?, ?, ?)").params(barcode, in.sku(), seq++)
                    .update();
        }
        in.names().forEach((lang, name) -> jdbc.sql("INSERT INTO ho_item_name (sku, lang, name) VALUES (?, ?, ?)")
                .params(in.sku(), lang, name).update());
        in.taxCategories().forEach((country, code) -> jdbc.sql(
                "INSERT INTO ho_item_tax (sku, country, tax_category) VALUES (?, ?, ?)").params(in.sku(), country, code)
                .update());
    }

    /** Checks an item's fields; 400 naming the field, 422 {@code invalid-barcode} for a barcode that is no EAN-13. */
    static ItemInput validate(ItemInput in) {
        if (in.sku() == null || !SKU.matcher(in.sku().strip()).matches()) {
            throw ProblemException.invalidField("sku", "must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
        List<String> barcodes = in.barcodes() == null ? List.of() : in.barcodes().stream().map(String::strip).toList();
        if (barcodes.isEmpty() || barcodes.size() > 20) {
            throw ProblemException.invalidField("barcodes", "must hold 1 to 20 EAN-13 barcodes");
        }
        for (String b : barcodes) {
            if (!Ean13.isValid(b)) {
                throw ProblemException.rule("invalid-barcode", "Not an EAN-13 barcode",
                        "%s is not a valid EAN-13 barcode (13 digits, the last the check digit).".formatted(b))
                        .with("barcode", b);
            }
        }
        if (new HashSet<>(barcodes).size() != barcodes.size()) {
            throw ProblemException.invalidField("barcodes", "must not repeat a barcode");
        }
        Map<String, String> names = new TreeMap<>();
        if (in.names() != null) {
            in.names().forEach((lang, name) -> {
                String l = lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT);
                if (!LANGUAGES.contains(l)) {
                    throw ProblemException.invalidField("names", "languages must be en, lv, cs or ru");
                }
                if (name == null || name.isBlank() || name.strip().length() > 200) {
                    throw ProblemException.invalidField("names." + l, "must be 1 to 200 characters");
                }
                names.put(l, name.strip());
            });
        }
        if (names.isEmpty()) {
            throw ProblemException.invalidField("names", "must name the item in at least one language");
        }
        if (in.department() == null || in.department().isBlank() || in.department().strip().length() > 40) {
            throw ProblemException.invalidField("department", "must be 1 to 40 characters");
        }
        Map<String, String> taxes = new TreeMap<>();
        if (in.taxCategories() != null) {
            in.taxCategories().forEach((country, code) -> {
                String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
                if (!COUNTRY.matcher(c).matches() || code == null || !CODE.matcher(code.strip()).matches()) {
                    throw ProblemException.invalidField("taxCategories",
                            "must map two-letter countries to tax category codes");
                }
                taxes.put(c, code.strip());
            });
        }
        if (taxes.isEmpty()) {
            throw ProblemException.invalidField("taxCategories", "must give the tax category of at least one country");
        }
        if (in.ageLimit() != null && (in.ageLimit() < 1 || in.ageLimit() > 99)) {
            throw ProblemException.invalidField("ageLimit", "must be 1 to 99");
        }
        if (in.status() != null && !in.status().equals("ACTIVE") && !in.status().equals("BLOCKED")) {
            throw ProblemException.invalidField("status", "must be ACTIVE or BLOCKED");
        }
        return new ItemInput(in.sku().strip(), barcodes, names, in.department().strip(), taxes, in.ageLimit(),
                in.quickKey(), in.status(), shortName(in.shortName()));
    }

    Optional<ItemView> get(String sku) {
        List<ItemView> found = load(jdbc.sql("SELECT * FROM ho_item WHERE sku = ?").param(sku).query(ItemMaster::row).list());
        return found.stream().findFirst();
    }

    Optional<ItemView> byBarcode(String barcode) {
        return jdbc.sql("SELECT sku FROM ho_item_barcode WHERE barcode = ?").param(barcode).query(String.class).optional()
                .flatMap(this::get);
    }

    /** Items whose names, SKU or barcodes contain every word of {@code text} (case and accents ignored). */
    List<ItemView> find(String text, int limit) {
        String[] words = SearchText.fold(text == null ? "" : text).split("\\s+");
        SqlFilter filter = new SqlFilter();
        for (String w : words) {
            if (!w.isBlank()) {
                filter.and("search_text LIKE ?", "%" + w.replace("\\", "").replace("%", "").replace("_", "") + "%");
            }
        }
        return load(jdbc.sql("SELECT * FROM ho_item WHERE " + filter.where() + " ORDER BY sku LIMIT " + limit)
                .params(filter.params()).query(ItemMaster::row).list());
    }

    private Optional<ItemView> lock(String sku) {
        return jdbc.sql("SELECT * FROM ho_item WHERE sku = ? FOR UPDATE").param(sku).query(ItemMaster::row).optional()
                .map(r -> load(List.of(r)).get(0));
    }

    private record Row(String sku, String department, Integer ageLimit, boolean quickKey, String status, long version,
            OffsetDateTime updatedAt, String updatedBy, String shortName) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        int age = rs.getInt("age_limit");
        Integer ageLimit = rs.wasNull() ? null : age;
        return new Row(rs.getString("sku"), rs.getString("department"), ageLimit,
                rs.getBoolean("quick_key"), rs.getString("status"), rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getString("short_name"));
    }

    private List<ItemView> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> skus = rows.stream().map(Row::sku).toList();
        Map<String, List<String>> barcodes = new LinkedHashMap<>();
        jdbc.sql("SELECT sku, barcode FROM ho_item_barcode WHERE sku IN (:skus) ORDER BY sku, seq").param("skus", skus)
                .query(rs -> {
                    barcodes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        jdbc.sql("SELECT sku, lang, name FROM ho_item_name WHERE sku IN (:skus) ORDER BY sku, lang").param("skus", skus)
                .query(rs -> {
                    names.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<String, Map<String, String>> taxes = new LinkedHashMap<>();
        jdbc.sql("SELECT sku, country, tax_category FROM ho_item_tax WHERE sku IN (:skus)").param("skus", skus)
                .query(rs -> {
                    taxes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return rows.stream().map(r -> new ItemView(r.sku(), barcodes.getOrDefault(r.sku(), List.of()),
                names.getOrDefault(r.sku(), Map.of()), r.department(), taxes.getOrDefault(r.sku(), Map.of()), r.ageLimit(),
                r.quickKey(), r.status(), r.version(), r.updatedAt(), r.updatedBy(), r.shortName())).toList();
    }

    // ---------------------------------------------------------------- price lists

    /**
     * A price list for {@code storeGroup} and {@code currency} from {@code effectiveFrom} (local time in
     * each store's zone): the lines that pass are kept under the list's version, the others reported
     * (line, sku, reason key); 422 {@code price-list-empty} when no line passes.
     */
    PriceListResult createList(String storeGroup, String currency, LocalDateTime effectiveFrom, List<PriceInput> lines,
            String source, String user) {
        return createList(storeGroup, currency, effectiveFrom, lines, source, user, true);
    }

    private PriceListResult createList(String storeGroup, String currency, LocalDateTime effectiveFrom,
            List<PriceInput> lines, String source, String user, boolean ownTransaction) {
        String group = storeGroup == null || storeGroup.isBlank() ? DEFAULT_GROUP : storeGroup.strip();
        if (!GROUP.matcher(group).matches()) {
            throw ProblemException.invalidField("storeGroup", "must be 1 to 40 letters, digits, '_' or '-'");
        }
        String cur = currency(currency);
        if (effectiveFrom == null) {
            throw ProblemException.invalidField("effectiveFrom", "is required (a local date-time, e.g. 2026-12-14T00:00)");
        }
        if (lines == null || lines.isEmpty() || lines.size() > 100_000) {
            throw ProblemException.invalidField("lines", "must hold 1 to 100000 prices");
        }
        if (!ownTransaction) {
            return writeList(group, cur, effectiveFrom, lines, source, user);
        }
        return tx.execute(s -> writeList(group, cur, effectiveFrom, lines, source, user));
    }

    private PriceListResult writeList(String group, String cur, LocalDateTime effectiveFrom, List<PriceInput> lines,
            String source, String user) {
        long version = nextVersion();
        int scale = Currency.getInstance(cur).getDefaultFractionDigits();
        Set<String> known = new HashSet<>(jdbc.sql("SELECT sku FROM ho_item WHERE sku IN (:skus)")
                .param("skus", lines.stream().map(l -> l.sku() == null ? "" : l.sku().strip()).distinct().toList())
                .query(String.class).list());
        List<Rejected> rejected = new ArrayList<>();
        Map<String, BigDecimal[]> accepted = new LinkedHashMap<>();
        for (PriceInput l : lines) {
            String sku = l.sku() == null ? "" : l.sku().strip();
            BigDecimal price = parsePrice(l.price());
            boolean noCost = l.cost() == null || l.cost().isBlank();
            BigDecimal cost = noCost ? null : parsePrice(l.cost());
            String reason = null;
            if (sku.isEmpty() || !known.contains(sku)) {
                reason = "price.rejected.unknown-sku";
            } else if (price == null) {
                reason = "price.rejected.not-a-price";
            } else if (price.signum() < 0) {
                reason = "price.rejected.negative";
            } else if (price.stripTrailingZeros().scale() > scale) {
                reason = "price.rejected.too-many-decimals";
            } else if (!noCost && (cost == null || cost.signum() < 0 || cost.stripTrailingZeros().scale() > scale)) {
                reason = "price.rejected.bad-cost";
            } else if (accepted.containsKey(sku)) {
                reason = "price.rejected.duplicate-sku";
            }
            if (reason == null) {
                accepted.put(sku, new BigDecimal[] {price, cost});
            } else {
                rejected.add(new Rejected(l.line(), sku, reason));
            }
        }
        if (accepted.isEmpty()) {
            throw ProblemException.rule("price-list-empty", "No price accepted",
                    "None of the %d rows is a price that can be used.".formatted(lines.size()))
                    .with("rejected", rejected);
        }
        jdbc.sql("""
                INSERT INTO ho_price_list (list_id, store_group, currency, effective_from, version, source, created_at,
                created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(version, group, cur, Timestamp.valueOf(effectiveFrom), version,
                        source.length() > 200 ? source.substring(0, 200) : source, now(), user).update();
        accepted.forEach((sku, row) -> jdbc.sql("INSERT INTO ho_price_line (list_id, sku, price, cost) VALUES (?, ?, ?, ?)")
                .params(version, sku, row[0], row[1]).update());
        return new PriceListResult(version, group, cur, effectiveFrom, accepted.size(), rejected);
    }

    static String currency(String currency) {
        try {
            if (currency == null || currency.strip().length() != 3) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", "must be an ISO 4217 currency code (EUR, CZK)");
        }
    }

    /** An amount as the API writes it: a string with the currency's minor units ("12.30"). */
    static String amount(BigDecimal value, String currency) {
        return value.setScale(Currency.getInstance(currency.strip()).getDefaultFractionDigits(),
                java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static BigDecimal parsePrice(String text) {
        if (text == null || text.isBlank() || text.strip().length() > 20) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every price of {@code sku} in every list, newest effective time first per group and currency. */
    List<PriceHistoryEntry> priceHistory(String sku) {
        return jdbc.sql("""
                SELECT l.version, l.store_group, l.currency, l.effective_from, p.price, l.source, l.created_at, l.created_by,
                p.cost
                FROM ho_price_line p JOIN ho_price_list l ON l.list_id = p.list_id WHERE p.sku = ?
                ORDER BY l.store_group, l.currency, l.effective_from DESC, l.version DESC""").param(sku)
                .query((rs, n) -> new PriceHistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime(), amount(rs.getBigDecimal(5), rs.getString(3)),
                        rs.getBigDecimal(9) == null ? null : amount(rs.getBigDecimal(9), rs.getString(3)), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8))).list();
    }

    // ---------------------------------------------------------------- store groups

    String groupOf(String storeId) {
        return membership(storeId).storeGroup();
    }

    Membership membership(String storeId) {
        if (storeId == null) {
            return new Membership(DEFAULT_GROUP, 0);
        }
        return jdbc.sql("SELECT store_group, moved_version FROM ho_store_group WHERE store_id = ?").param(storeId)
                .query((rs, n) -> new Membership(rs.getString(1), rs.getLong(2))).optional()
                .orElse(new Membership(DEFAULT_GROUP, 0));
    }

    /**
     * Puts the store into {@code group}. A move to another group takes the next catalogue version (the counter
     * row first, as every catalogue write) and records it as the store's {@code moved_version}: the store's next
     * price-feed page after a cursor of before the move starts its schedule over with the new group's lists
     * (docs/head-office.md "A store moved to another group"). The same group again changes nothing.
     */
    void assignGroup(String storeId, String group) {
        if (storeId == null || !GROUP.matcher(storeId).matches() || storeId.length() > 32) {
            throw ProblemException.invalidField("storeId", "must be a store id");
        }
        if (group == null || !GROUP.matcher(group.strip()).matches()) {
            throw ProblemException.invalidField("storeGroup", "must be 1 to 40 letters, digits, '_' or '-'");
        }
        String target = group.strip();
        tx.executeWithoutResult(s -> {
            long version = nextVersion();
            Optional<String> current = jdbc.sql("SELECT store_group FROM ho_store_group WHERE store_id = ? FOR UPDATE")
                    .param(storeId).query(String.class).optional();
            if (current.orElse(DEFAULT_GROUP).equals(target)) {
                return; // not moved (the version taken stays unused: versions need only their order)
            }
            if (current.isPresent()) {
                jdbc.sql("UPDATE ho_store_group SET store_group = ?, moved_version = ? WHERE store_id = ?")
                        .params(target, version, storeId).update();
            } else {
                jdbc.sql("INSERT INTO ho_store_group (store_id, store_group, moved_version) VALUES (?, ?, ?)")
                        .params(storeId, target, version).update();
            }
        });
    }

    Map<String, String> groups() {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("SELECT store_id, store_group FROM ho_store_group").query(rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    // ---------------------------------------------------------------- feeds

    /** Items changed after version {@code after}, in version order (each with its latest state). */
    ItemFeed itemFeed(long after, int limit) {
        return snapshot.execute(s -> {
            List<ItemView> items = load(jdbc.sql("SELECT * FROM ho_item WHERE version > ? ORDER BY version LIMIT " + limit)
                    .param(after).query(ItemMaster::row).list());
            long last = items.isEmpty() ? after : items.get(items.size() - 1).version();
            return new ItemFeed(Long.toString(last), items.size() == limit, items);
        });
    }

    /**
     * Price lines after the cursor in (version, sku) order: of the calling store's group when {@code storeId}
     * is given, else of {@code group} (a head-office user). The cursor is {@code [moved/]version[:sku]}, where
     * {@code moved} is the store's {@code moved_version} when the cursor was handed out (absent: 0). A store's
     * cursor from before its last move restarts the feed at the beginning of its new group's lists with
     * {@code reset} set: the group, the move and the lines are read in one snapshot, so the store gets the
     * complete lists of the group it is in at that snapshot, once, and then only that group's later lists.
     */
    PriceFeed priceFeed(String storeId, String group, String currency, String cursor, int limit) {
        long cursorMoved;
        long cursorVersion;
        String cursorSku;
        try {
            String c = cursor == null || cursor.isBlank() ? "0" : cursor.strip();
            int slash = c.indexOf('/');
            cursorMoved = slash < 0 ? 0 : Long.parseLong(c.substring(0, slash));
            c = c.substring(slash + 1);
            int colon = c.indexOf(':');
            cursorVersion = Long.parseLong(colon < 0 ? c : c.substring(0, colon));
            cursorSku = colon < 0 ? "" : c.substring(colon + 1);
            if (cursorMoved < 0 || cursorVersion < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                    "cursor must be one that this feed handed out.");
        }
        String cur = currency(currency);
        return snapshot.execute(s -> {
            Membership member = storeId == null ? new Membership(group, 0) : membership(storeId);
            boolean reset = storeId != null && cursorMoved != member.movedVersion();
            long afterVersion = reset ? 0 : cursorVersion;
            String afterSku = reset ? "" : cursorSku;
            List<PriceChange> prices = jdbc.sql("""
                    SELECT p.sku, l.effective_from, p.price, l.currency, l.version, p.cost
                    FROM ho_price_list l JOIN ho_price_line p ON p.list_id = l.list_id
                    WHERE l.store_group = ? AND l.currency = ? AND (l.version > ? OR (l.version = ? AND p.sku > ?))
                    ORDER BY l.version, p.sku LIMIT\s""" + limit)
                    .params(member.storeGroup(), cur, afterVersion, afterVersion, afterSku)
                    .query((rs, n) -> new PriceChange(rs.getString(1), rs.getTimestamp(2).toLocalDateTime(),
                            amount(rs.getBigDecimal(3), rs.getString(4)),
                            rs.getBigDecimal(6) == null ? null : amount(rs.getBigDecimal(6), rs.getString(4)),
                            rs.getString(4), rs.getLong(5))).list();
            String position = prices.isEmpty() ? (afterSku.isEmpty() ? Long.toString(afterVersion)
                    : afterVersion + ":" + afterSku)
                    : prices.get(prices.size() - 1).version() + ":" + prices.get(prices.size() - 1).sku();
            String next = member.movedVersion() == 0 ? position : member.movedVersion() + "/" + position;
            return new PriceFeed(next, prices.size() == limit, member.storeGroup(), cur, prices, reset);
        });
    }

    // ----------------------------------------------------------------

    /** The next catalogue version; the counter row stays locked until the transaction ends (see class comment). */
    private long nextVersion() {
        jdbc.sql("UPDATE ho_counter SET counter_value = counter_value + 1 WHERE name = 'catalog'").update();
        return jdbc.sql("SELECT counter_value FROM ho_counter WHERE name = 'catalog'").query(Long.class).single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
