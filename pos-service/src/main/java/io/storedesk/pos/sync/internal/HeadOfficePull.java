package io.storedesk.pos.sync.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.catalog.CatalogFeed;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.promotion.PromotionJsonCodec;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.promotion.Promotions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pulls what head office owns: the promotion set newer than the one last pulled, and the loyalty
 * accounts this store follows changed after the feed cursor last kept (page by page; the cursor is
 * opaque, kept with each page's snapshots in one transaction; a snapshot older than the card's
 * version held here is ignored). Runs on the sync worker only,
 * and only after a push cycle that left nothing unacknowledged: every loyalty entry acknowledged
 * before the pull started is therefore in the snapshots it brings, and is marked so; cards with
 * such entries that the delta did not bring are fetched one by one.
 */
class HeadOfficePull {

    private static final Logger log = LoggerFactory.getLogger(HeadOfficePull.class);
    static final int LOYALTY_PAGE = 1000;
    static final String SOURCE = "head-office";
    static final int CATALOG_PAGE = 500;

    private final HeadOfficeClient client;
    private final Promotions promotions;
    private final LoyaltyAccounts loyalty;
    private final SyncState state;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private CatalogFeed catalog;
    private String currency;

    HeadOfficePull(HeadOfficeClient client, Promotions promotions, LoyaltyAccounts loyalty, SyncState state,
            TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.client = client;
        this.promotions = promotions;
        this.loyalty = loyalty;
        this.state = state;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The store's catalogue, which keeps the pulled items and prices (issue 26); null = not pulled. */
    void catalog(CatalogFeed catalog, String currency) {
        this.catalog = catalog;
        this.currency = currency;
    }

    void run() {
        Instant acknowledgedBy = clock.instant();
        RuntimeException promotionFailure = null;
        try {
            promotions();
        } catch (RuntimeException e) {
            promotionFailure = e; // loyalty balances still come in
        }
        RuntimeException catalogFailure = null;
        try {
            catalogue();
        } catch (RuntimeException e) {
            catalogFailure = e;
        }
        loyalty(acknowledgedBy);
        if (promotionFailure != null) {
            throw promotionFailure;
        }
        if (catalogFailure != null) {
            throw catalogFailure;
        }
        state.put(SyncState.LAST_PULL_AT, clock.instant());
    }

    private void promotions() {
        long since = state.getLong(SyncState.PROMOTION_VERSION);
        String body = client.get("/api/ho/v1/promotions?since=" + since, false);
        if (body == null) {
            return;
        }
        JsonNode root = json.readTree(body);
        long version = root.path("version").asLong(0);
        if (version <= since) {
            return;
        }
        JsonNode list = root.path("promotions");
        var set = PromotionJsonCodec.parse(list.isMissingNode() || list.isNull() ? json.createArrayNode() : list);
        PromotionSet current = promotions.current();
        // Head office's numbers are remembered as lastPullVersion; locally a pulled set only has to be
        // newer than whatever is installed (the demo seed is a local version 1 that head office never sent).
        long installAs = Math.max(version, current.version() + 1);
        try {
            promotions.install(installAs, SOURCE, set);
            log.info("Installed head office's promotion set version {} ({} promotions){}", version, set.size(),
                    installAs == version ? "" : " as local version " + installAs);
        } catch (ProblemException e) {
            if (e.status().value() != 409) {
                throw new IllegalStateException("head office's promotion set version %d cannot be installed: %s"
                        .formatted(version, e.getMessage()), e);
            }
            // 409 promotion-set-outdated: this version (or a newer one) is installed already
        }
        state.put(SyncState.PROMOTION_VERSION, version);
    }

    /**
     * Head office's items, then the prices of this store's group and currency, each feed page by page
     * from its own cursor; each page applied with its cursor in one transaction. The in-memory
     * catalogue is rebuilt once after, also when a later page failed (what committed is served).
     */
    private void catalogue() {
        if (catalog == null) {
            return;
        }
        boolean changed = false;
        try {
            String cursor = state.get(SyncState.ITEM_CURSOR).orElse("0");
            boolean more = true;
            while (more) {
                String body = client.get("/api/ho/v1/catalog/items?limit=" + CATALOG_PAGE + "&cursor="
                        + HeadOfficeClient.encode(cursor), false);
                JsonNode root = json.readTree(body);
                List<CatalogFeed.PulledItem> items = new ArrayList<>();
                root.path("items").forEach(i -> items.add(item(i)));
                String next = required(root, "cursor", "item");
                tx.executeWithoutResult(s -> {
                    items.forEach(catalog::apply);
                    state.put(SyncState.ITEM_CURSOR, next);
                });
                changed |= !items.isEmpty();
                more = root.path("more").asBoolean(false) && !next.equals(cursor);
                cursor = next;
            }
            changed |= prices();

        } finally {
            if (changed) {
                catalog.reload();
            }
        }
    }

    /**
     * The price feed from the kept cursor, each page applied with its cursor in one transaction. A page marked
     * {@code reset} (this store was moved to another group after its cursor: docs/head-office.md "A store moved
     * to another group") starts the schedule over: that page and the ones after it, to the last, are applied in
     * one transaction that first drops the head-office prices held, so the till never sells from a half-replaced
     * schedule, and a pull broken off before the end leaves the old cursor, which restarts it. True when
     * something was applied.
     */
    private boolean prices() {
        String cursor = state.get(SyncState.PRICE_CURSOR).orElse("0");
        List<CatalogFeed.PulledPrice> restart = null; // the pages of a reset, until its last
        boolean changed = false;
        boolean more = true;
        while (more) {
            String body = client.get("/api/ho/v1/catalog/prices?limit=" + CATALOG_PAGE + "&currency="
                    + HeadOfficeClient.encode(currency) + "&cursor=" + HeadOfficeClient.encode(cursor), false);
            JsonNode root = json.readTree(body);
            List<CatalogFeed.PulledPrice> prices = new ArrayList<>();
            root.path("prices").forEach(p -> prices.add(new CatalogFeed.PulledPrice(text(p, "sku"),
                    LocalDateTime.parse(text(p, "effectiveFrom")), new BigDecimal(text(p, "price")),
                    p.path("cost").isString() ? new BigDecimal(p.path("cost").asString()) : null,
                    text(p, "currency"), p.path("version").asLong())));
            String next = required(root, "cursor", "price");
            if (root.path("reset").asBoolean(false)) {
                log.info("Head office's price feed starts over (store moved to group {})", text(root, "storeGroup"));
                restart = new ArrayList<>(); // moved (again) while paging: only the newest start counts
            }
            more = root.path("more").asBoolean(false) && !next.equals(cursor);
            cursor = next;
            if (restart != null) {
                restart.addAll(prices);
                if (more) {
                    continue;
                }
                List<CatalogFeed.PulledPrice> all = restart;
                tx.executeWithoutResult(s -> {
                    catalog.resetPrices();
                    all.forEach(catalog::apply);
                    state.put(SyncState.PRICE_CURSOR, next);
                });
                return true;
            }
            tx.executeWithoutResult(s -> {
                prices.forEach(catalog::apply);
                state.put(SyncState.PRICE_CURSOR, next);
            });
            changed |= !prices.isEmpty();
        }
        return changed;
    }

    private static CatalogFeed.PulledItem item(JsonNode i) {
        List<String> barcodes = new ArrayList<>();
        i.path("barcodes").forEach(b -> barcodes.add(b.asString()));
        Map<String, String> names = new LinkedHashMap<>();
        i.path("names").properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
        Map<String, String> taxes = new LinkedHashMap<>();
        i.path("taxCategories").properties().forEach(e -> taxes.put(e.getKey(), e.getValue().asString()));
        JsonNode age = i.get("ageLimit");
        String sku = text(i, "sku");
        if (sku == null || sku.isBlank()) {
            throw new IllegalStateException("head office sent an item without a sku");
        }
        return new CatalogFeed.PulledItem(sku, barcodes, names, text(i, "department"), taxes,
                age == null || age.isNull() ? null : age.asInt(), i.path("quickKey").asBoolean(false), text(i, "status"),
                i.path("version").asLong(), text(i, "shortName"));
    }

    private static String required(JsonNode root, String field, String feed) {
        String v = text(root, field);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("head office's " + feed + " feed answered without a cursor");
        }
        return v;
    }

    private void loyalty(Instant acknowledgedBy) {
        String cursor = state.get(SyncState.LOYALTY_CURSOR).orElse("");
        boolean more = true;
        while (more) {
            String body = client.get("/api/ho/v1/loyalty/accounts?limit=" + LOYALTY_PAGE
                    + (cursor.isEmpty() ? "" : "&cursor=" + HeadOfficeClient.encode(cursor)), false);
            if (body == null) {
                break;
            }
            JsonNode root = json.readTree(body);
            List<LoyaltyAccounts.Snapshot> snapshots = new ArrayList<>();
            root.path("accounts").forEach(a -> snapshots.add(snapshot(a)));
            String next = text(root, "cursor");
            if (next == null || next.isBlank()) {
                throw new IllegalStateException("head office's loyalty feed answered without a cursor");
            }
            tx.executeWithoutResult(s -> {
                snapshots.forEach(snapshot -> loyalty.importPulledSnapshot(snapshot, acknowledgedBy));
                state.put(SyncState.LOYALTY_CURSOR, next);
            });
            more = root.path("more").asBoolean(false) && !next.equals(cursor);
            cursor = next;
        }
        for (String card : loyalty.cardsAwaitingSnapshot(acknowledgedBy)) {
            String body = client.get("/api/ho/v1/loyalty/accounts/" + HeadOfficeClient.encode(card), true);
            if (body == null) {
                log.warn("Head office does not know loyalty card {} although it acknowledged its entries", card);
                continue;
            }
            LoyaltyAccounts.Snapshot snapshot = snapshot(json.readTree(body));
            tx.executeWithoutResult(s -> loyalty.importPulledSnapshot(snapshot, acknowledgedBy));
        }
    }

    /**
     * A card this store does not hold, asked for at the till: head office's account now (head office
     * then also sends its later changes with this store's feed). False when head office does not
     * know it or cannot be reached: the store goes on with what it has.
     */
    boolean fetch(String card) {
        Instant acknowledgedBy = clock.instant();
        String body;
        try {
            body = client.get("/api/ho/v1/loyalty/accounts/" + HeadOfficeClient.encode(card), true);
        } catch (HeadOfficeClient.HeadOfficeException offline) {
            log.info("Loyalty card look-up at head office failed, going on offline: {}", offline.getMessage());
            return false;
        }
        if (body == null) {
            return false;
        }
        LoyaltyAccounts.Snapshot snapshot = snapshot(json.readTree(body));
        try {
            tx.executeWithoutResult(s -> loyalty.importPulledSnapshot(snapshot, acknowledgedBy));
        } catch (DataIntegrityViolationException raced) {
            // the sync worker imported the card at the same moment
        }
        return true;
    }

    private LoyaltyAccounts.Snapshot snapshot(JsonNode a) {
        String card = text(a, "card");
        if (card == null || card.isBlank()) {
            throw new IllegalStateException("head office sent a loyalty account without a card");
        }
        String asOf = text(a, "asOf");
        String holder = text(a, "holderName");
        return new LoyaltyAccounts.Snapshot(card, text(a, "customerId"), holder == null ? "" : holder,
                text(a, "tier"), a.path("balance").asLong(0),
                asOf == null ? OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)) : OffsetDateTime.parse(asOf),
                a.path("version").asLong(0));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
