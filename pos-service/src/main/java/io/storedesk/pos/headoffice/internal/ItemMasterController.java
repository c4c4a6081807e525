package io.storedesk.pos.headoffice.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Head office's item master, price lists, store groups and the catalogue feeds the stores pull
 * (issue 26; docs/head-office.md "Items and prices", docs/sync-protocol.md).
 */
@RestController
@Profile("head-office")
class ItemMasterController {

    static final int MAX_LIMIT = 1000;

    private final ItemMaster master;
    private final MessageSource messages;

    ItemMasterController(ItemMaster master, MessageSource messages) {
        this.master = master;
        this.messages = messages;
    }

    @PostMapping("/api/ho/v1/items")
    @ResponseStatus(HttpStatus.CREATED)
    ItemMaster.ItemView create(@RequestBody ItemMaster.ItemInput item) {
        return master.create(item, CurrentUser.username());
    }

    @PutMapping("/api/ho/v1/items/{sku}")
    ItemMaster.ItemView update(@PathVariable String sku, @RequestBody ItemMaster.ItemInput item) {
        return master.update(sku, item, CurrentUser.username());
    }

    record ShortNameInput(String shortName) {
    }

    /** The item's short label alone (blank or null: none); 422 {@code short-name-too-long} above 18 characters. */
    @PutMapping("/api/ho/v1/items/{sku}/short-name")
    ItemMaster.ItemView shortName(@PathVariable String sku, @RequestBody ShortNameInput in) {
        return master.setShortName(sku, in == null ? null : in.shortName(), CurrentUser.username());
    }

    @PostMapping("/api/ho/v1/items/{sku}/block")
    ItemMaster.ItemView block(@PathVariable String sku) {
        return master.setStatus(sku, "BLOCKED", CurrentUser.username());
    }

    @PostMapping("/api/ho/v1/items/{sku}/unblock")
    ItemMaster.ItemView unblock(@PathVariable String sku) {
        return master.setStatus(sku, "ACTIVE", CurrentUser.username());
    }

    /** By {@code sku}, by {@code barcode}, or every item whose text contains the words of {@code q}. */
    @GetMapping("/api/ho/v1/items")
    List<ItemMaster.ItemView> find(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String sku, @RequestParam(required = false) String barcode,
            @RequestParam(defaultValue = "50") int limit) {
        if (sku != null && !sku.isBlank()) {
            return master.get(sku.strip()).map(List::of).orElse(List.of());
        }
        if (barcode != null && !barcode.isBlank()) {
            return master.byBarcode(barcode.strip()).map(List::of).orElse(List.of());
        }
        return master.find(q.length() > 100 ? q.substring(0, 100) : q, limit(limit, 500));
    }

    @GetMapping("/api/ho/v1/items/{sku}")
    ItemMaster.ItemView one(@PathVariable String sku) {
        return master.get(sku).orElseThrow(() -> ProblemException.notFound("Item", sku));
    }

    @GetMapping("/api/ho/v1/items/{sku}/prices")
    List<ItemMaster.PriceHistoryEntry> prices(@PathVariable String sku) {
        master.get(sku).orElseThrow(() -> ProblemException.notFound("Item", sku));
        return master.priceHistory(sku);
    }

    record PriceListInput(String storeGroup, String currency, String effectiveFrom, List<Line> lines) {
        record Line(String sku, String price, String cost) {
        }
    }

    @PostMapping("/api/ho/v1/price-lists")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> priceList(@RequestBody PriceListInput in) {
        List<ItemMaster.PriceInput> lines = new ArrayList<>();
        if (in.lines() != null) {
            for (int i = 0; i < in.lines().size(); i++) {
                PriceListInput.Line l = in.lines().get(i);
                lines.add(new ItemMaster.PriceInput(i + 1, l == null ? null : l.sku(), l == null ? null : l.price(),
                        l == null ? null : l.cost()));
            }
        }
        return create(in.storeGroup(), in.currency(), in.effectiveFrom(), lines, "api");
    }

    /**
     * A price list as CSV (header {@code sku;price}, optionally {@code ;cost}, {@code ;} or {@code ,} separated, UTF-8): 201 with
     * the accepted count and the rejected rows (line number, sku, reason and its message).
     */
    @PostMapping(path = "/api/ho/v1/price-lists/import", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> importCsv(@RequestParam(defaultValue = "ALL") String storeGroup, @RequestParam String currency,
            @RequestParam String effectiveFrom, @RequestBody(required = false) String csv) {
        return importPriceList(storeGroup, currency, effectiveFrom, csv == null ? "" : csv, "csv");
    }

    Map<String, Object> importPriceList(String storeGroup, String currency, String effectiveFrom, String csv,
            String source) {
        return create(storeGroup, currency, effectiveFrom, readCsv(csv), source);
    }

    @GetMapping("/api/ho/v1/store-groups")
    Map<String, String> groups() {
        return master.groups();
    }

    record GroupInput(String storeGroup) {
    }

    @PutMapping("/api/ho/v1/stores/{storeId}/group")
    Map<String, String> assign(@PathVariable String storeId, @RequestBody GroupInput in) {
        master.assignGroup(storeId, in == null ? null : in.storeGroup());
        return Map.of("storeId", storeId, "storeGroup", master.groupOf(storeId));
    }

    /** The item feed: items changed after {@code cursor} (a version), oldest change first. */
    @GetMapping("/api/ho/v1/catalog/items")
    ItemMaster.ItemFeed itemFeed(@RequestParam(defaultValue = "0") String cursor,
            @RequestParam(defaultValue = "500") int limit) {
        long after;
        try {
            after = Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-cursor", "Invalid cursor",
                    "cursor must be one that this feed handed out.");
        }
        return master.itemFeed(after, limit(limit, MAX_LIMIT));
    }

    /**
     * The price feed of the calling store's group (a HEAD_OFFICE user names {@code storeGroup}) in
     * {@code currency}, after {@code cursor}.
     */
    @GetMapping("/api/ho/v1/catalog/prices")
    ItemMaster.PriceFeed priceFeed(@RequestParam(required = false) String cursor, @RequestParam String currency,
            @RequestParam(required = false) String storeGroup, @RequestParam(defaultValue = "1000") int limit) {
        String store = CurrentUser.storeId();
        String group = storeGroup == null || storeGroup.isBlank() ? ItemMaster.DEFAULT_GROUP : storeGroup.strip();
        return master.priceFeed(store, group, currency, cursor, limit(limit, MAX_LIMIT));
    }

    private Map<String, Object> create(String storeGroup, String currency, String effectiveFrom,
            List<ItemMaster.PriceInput> lines, String source) {
        LocalDateTime from = localDateTime(effectiveFrom);
        try {
            ItemMaster.PriceListResult r = master.createList(storeGroup, currency, from, lines, source,
                    CurrentUser.username());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", r.version());
            out.put("storeGroup", r.storeGroup());
            out.put("currency", r.currency());
            out.put("effectiveFrom", r.effectiveFrom().toString());
            out.put("accepted", r.accepted());
            out.put("rejected", localized(r.rejected()));
            return out;
        } catch (ProblemException e) {
            if ("price-list-empty".equals(e.type()) && e.properties().get("rejected") instanceof List<?> rejected) {
                e.with("rejected", localized(rejected.stream().map(ItemMaster.Rejected.class::cast).toList()));
            }
            throw e;
        }
    }

    List<Map<String, Object>> localized(List<ItemMaster.Rejected> rejected) {
        return rejected.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", r.line());
            row.put("sku", r.sku());
            row.put("reason", r.reason());
            row.put("message", messages.getMessage(r.reason(), new Object[] {r.sku()}, r.reason(),
                    LocaleContextHolder.getLocale()));
            return row;
        }).toList();
    }

    static LocalDateTime localDateTime(String text) {
        try {
            if (text == null || text.isBlank()) {
                throw new DateTimeParseException("empty", "", 0);
            }
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("effectiveFrom",
                    "must be a local date-time, e.g. 2026-12-14T00:00 (applied at that time in each store's zone)");
        }
    }

    /** The rows of a price-list CSV with their line numbers; a row without two fields is a row with no price. */
    static List<ItemMaster.PriceInput> readCsv(String csv) {
        String firstLine = csv.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = firstLine.contains(";") || !firstLine.contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setHeader().setSkipHeaderRecord(true).get();
        List<ItemMaster.PriceInput> rows = new ArrayList<>();
        try (Reader in = new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
                CSVParser parser = format.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || !header.containsKey("sku") || !header.containsKey("price")) {
                throw ProblemException.invalidField("csv", "must start with a header naming the columns sku and price");
            }
            int sku = header.get("sku");
            int price = header.get("price");
            int cost = header.getOrDefault("cost", -1);
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                rows.add(new ItemMaster.PriceInput(line, sku < record.size() ? record.get(sku) : null,
                        price < record.size() ? record.get(price) : null,
                        cost >= 0 && cost < record.size() ? record.get(cost) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProblemException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw ProblemException.invalidField("csv", "is not readable CSV: " + e.getMessage());
        }
        return rows;
    }

    private static int limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ProblemException.badRequest("invalid-page", "Invalid page", "limit must be between 1 and %d.".formatted(max));
        }
        return limit;
    }
}
