package io.storedesk.pos.stock.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock module's own documents: goods received, adjustments and counts. Each runs in the
 * transaction the caller's idempotency record commits in; the items are checked before any row
 * is touched, so a bad line saves nothing.
 */
@Service
class StockService {

    private final StockLedger ledger;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockService(StockLedger ledger, Catalog catalog, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    StockViews.Document receive(StockRequests.Receipt request, String user) {
        List<String> codes = request.lines().stream().map(StockRequests.ReceivedLine::code).toList();
        Map<String, CatalogItem> items = items(codes, "lines");
        Map<String, Integer> deltas = new LinkedHashMap<>();
        for (StockRequests.ReceivedLine l : request.lines()) {
            deltas.merge(items.get(l.code()).sku(), l.quantity(), Integer::sum);
        }
        Instant now = now();
        String document = "RCV-" + Ids.timeOrdered();
        SortedMap<String, Integer> after = ledger.move(StockLedger.Reason.RECEIVED, null, blankToNull(request.note()),
                document, user, now, deltas);
        List<StockViews.Line> lines = new ArrayList<>();
        after.forEach((sku, onHand) -> lines.add(new StockViews.Line(sku, name(sku), deltas.get(sku), null, null, onHand)));
        return new StockViews.Document(document, "RECEIPT", utc(now), user, blankToNull(request.note()), null, lines);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    StockViews.Document adjust(StockRequests.Adjustment request, String user) {
        CatalogItem item = items(List.of(request.sku().strip()), "sku").get(request.sku().strip());
        if (request.quantity() == 0) {
            throw ProblemException.invalidField("quantity", "must not be 0");
        }
        String note = blankToNull(request.note());
        if (request.reason() == StockRequests.AdjustmentReason.OTHER && note == null) {
            throw ProblemException.invalidField("note", "is required when the reason is OTHER");
        }
        Instant now = now();
        String document = "ADJ-" + Ids.timeOrdered();
        SortedMap<String, Integer> after = ledger.move(StockLedger.Reason.ADJUSTMENT, request.reason().name(), note,
                document, user, now, Map.of(item.sku(), request.quantity()));
        return new StockViews.Document(document, "ADJUSTMENT", utc(now), user, note, request.reason().name(),
                List.of(new StockViews.Line(item.sku(), item.name(), request.quantity(), null, null,
                        after.get(item.sku()))));
    }

    /** Under the counted SKUs' row locks: difference = counted - on hand, a COUNT movement when not 0. */
    @Transactional(propagation = Propagation.MANDATORY)
    StockViews.Document count(StockRequests.Count request, String user) {
        List<String> codes = request.lines().stream().map(l -> l.sku().strip()).toList();
        Map<String, CatalogItem> items = items(codes, "lines");
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (StockRequests.CountedLine l : request.lines()) {
            String sku = items.get(l.sku().strip()).sku();
            if (counted.put(sku, l.counted()) != null) {
                throw ProblemException.invalidField("lines", "name SKU " + sku + " more than once");
            }
        }
        Instant now = now();
        SortedMap<String, Integer> before = ledger.lock(counted.keySet(), now);
        Map<String, Integer> deltas = new LinkedHashMap<>();
        before.forEach((sku, onHand) -> deltas.put(sku, counted.get(sku) - onHand));
        String document = "CNT-" + Ids.timeOrdered();
        String note = blankToNull(request.note());
        ledger.move(StockLedger.Reason.COUNT, null, note, document, user, now, deltas);
        List<StockViews.Line> lines = new ArrayList<>();
        before.forEach((sku, onHand) -> lines.add(new StockViews.Line(sku, name(sku), deltas.get(sku), onHand,
                counted.get(sku), counted.get(sku))));
        return new StockViews.Document(document, "COUNT", utc(now), user, note, null, lines);
    }

    /** One item's stock and its last {@code limit} movements. 404 for a code no item has and nothing moved. */
    StockViews.Item item(String code, int limit) {
        Optional<CatalogItem> item = catalog.find(code.strip());
        String sku = item.map(CatalogItem::sku).orElse(code.strip());
        List<StockViews.Movement> movements = jdbc.sql("SELECT sku, quantity, reason, reason_code, reason_note, document, "
                        + "user_name, occurred_at FROM stock_movement WHERE sku = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .params(sku, limit)
                .query((rs, n) -> new StockViews.Movement(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .list();
        if (item.isEmpty() && movements.isEmpty()) {
            throw unknown(List.of(code));
        }
        return new StockViews.Item(sku, item.map(CatalogItem::name).orElse(null),
                item.map(CatalogItem::barcode).orElse(null), ledger.onHand(sku), movements);
    }

    /** The items of these codes (SKU or barcode), each code once; 422 {@code unknown-item} naming the unknown ones. */
    Map<String, CatalogItem> items(List<String> codes, String field) {
        Map<String, CatalogItem> found = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw ProblemException.invalidField(field, "need a sku or a barcode on every line");
            }
            catalog.find(code).ifPresentOrElse(i -> found.put(code, i), () -> unknown.add(code));
        }
        if (!unknown.isEmpty()) {
            throw unknown(unknown);
        }
        return found;
    }

    private static ProblemException unknown(java.util.Collection<String> codes) {
        return ProblemException.rule("unknown-item", "Unknown item",
                "No item with SKU or barcode %s.".formatted(String.join(", ", codes))).with("unknown", List.copyOf(codes));
    }

    private String name(String sku) {
        return catalog.find(sku).map(CatalogItem::name).orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
