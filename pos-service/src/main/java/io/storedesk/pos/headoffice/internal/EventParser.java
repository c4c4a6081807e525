package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.storedesk.pos.common.GiftCardNumbers;
import io.storedesk.pos.common.ProblemException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a store's batch ({@code {"events": [...]}}, docs/sync-protocol.md) before anything is
 * applied: size, each event's id, type and time, and the payload fields head office projects.
 * The first offending event refuses the whole batch (400 naming its {@code eventId}).
 *
 * <p>The body is read once, as a stream of tokens: only each event's own fields and its payload
 * become a tree (for the checks), and the payload kept in {@code ho_event} is its text exactly as
 * the store sent it, cut out of the body by its byte offsets, not written back from the tree. Any
 * body this reading cannot take (not JSON, a field twice, tokens after it) is read again as a whole
 * tree by the service's mapper, so it fails as every other request body does (400
 * {@code malformed-request}), and a valid body of another shape is refused as before.
 */
final class EventParser {

    static final Set<String> TYPES = Set.of("SALE_COMPLETED", "SALE_VOIDED", "RETURN_COMPLETED", "DRAWER_CLOSED",
            "Z_REPORT", "LOYALTY_ENTRY", "CASE_OPENED", "CASE_RESOLVED", "STOCK_MOVEMENT", "GIFT_CARD_OP");

    private EventParser() {
    }

    /** One element of {@code events}, read but not checked: its fields (payload included) and the payload's text. */
    private record Read(JsonNode node, String payload) {
    }

    /**
     * The events of a batch, checked. {@code json} is the service's mapper (its strict reading: a field
     * twice, trailing tokens); a body it cannot read throws its {@link JacksonException}.
     */
    static List<StoreEvent> parse(String storeId, byte[] body, int maxBatch, JsonMapper json) {
        List<Read> events = read(body, json);
        if (events == null) {
            json.readTree(body); // not JSON, or JSON the stream reading does not expect: fails as a tree would
            throw ProblemException.invalidField("events", "must be an array of events");
        }
        if (events.size() > maxBatch) {
            throw ProblemException.badRequest("batch-too-large", "Batch too large",
                    "A batch carries at most %d events; this one has %d.".formatted(maxBatch, events.size()))
                    .with("maxEvents", maxBatch);
        }
        List<StoreEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(event(storeId, i, events.get(i)));
        }
        return out;
    }

    /** The elements of {@code events}, or null when the body is not {@code {..., "events": [...], ...}} read cleanly. */
    private static List<Read> read(byte[] body, JsonMapper json) {
        List<Read> events = null;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("events")) {
                    p.skipChildren();
                } else if (value != JsonToken.START_ARRAY) {
                    return null;
                } else {
                    events = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        events.add(p.currentToken() == JsonToken.START_OBJECT ? event(p, body, json)
                                : new Read(p.readValueAsTree(), null));
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        return events;
    }

    /** One event object, the parser on its START_OBJECT: its fields as a tree, its payload's text as sent. */
    private static Read event(JsonParser p, byte[] body, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        String payload = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            long start = p.currentTokenLocation().getByteOffset();
            JsonNode tree = p.readValueAsTree();
            node.set(name, tree);
            if (name.equals("payload")) {
                payload = value != JsonToken.START_OBJECT ? null
                        : slice(body, start, p.currentLocation().getByteOffset());
                if (payload == null && value == JsonToken.START_OBJECT) {
                    payload = json.writeValueAsString(tree);
                }
            }
        }
        return new Read(node, payload);
    }

    /** The object between two byte offsets of the body, or null when they do not frame one. */
    private static String slice(byte[] body, long start, long end) {
        if (start < 0 || end <= start || end > body.length || body[(int) start] != '{' || body[(int) end - 1] != '}') {
            return null;
        }
        return new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8);
    }

    private static StoreEvent event(String storeId, int index, Read read) {
        JsonNode node = read.node();
        JsonNode idNode = node == null ? null : node.get("eventId");
        String eventId = idNode != null && idNode.isString() ? idNode.stringValue() : null;
        if (eventId == null) {
            throw Fields.invalid(null, "events[%d].eventId".formatted(index), "is required (a UUID)");
        }
        try {
            UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(eventId, "eventId", "must be a UUID");
        }
        Fields event = new Fields(eventId, "", node);
        String type = event.text("type");
        if (!TYPES.contains(type)) {
            throw event.invalid("type", "is not a known event type");
        }
        Instant occurredAt = event.instant("occurredAt");
        Long sequence = node.hasNonNull("sequence") ? event.integer("sequence") : null;
        JsonNode payload = node.get("payload");
        Fields p = new Fields(eventId, "payload.", payload);
        String payloadStore = p.optText("storeId");
        if (payloadStore != null && !payloadStore.equals(storeId)) {
            throw p.invalid("payload.storeId", "must be the sending store " + storeId);
        }
        Object projection = project(type, p, occurredAt);
        return new StoreEvent(eventId, sequence, type, occurredAt, read.payload(), projection);
    }

    private static Object project(String type, Fields p, Instant occurredAt) {
        return switch (type) {
            case "SALE_COMPLETED" -> sale(p);
            case "SALE_VOIDED" -> new Projected.Void(p.text("receiptNumber"), p.date("businessDate"),
                    currency(p), p.amount("total"), p.optText("voidedBy"));
            case "RETURN_COMPLETED" -> new Projected.Return(p.text("returnNumber"), p.optText("receiptNumber"),
                    p.date("businessDate"), currency(p), p.amount("refundTotal"), p.amount("cashRounding"),
                    p.objects("refunds").stream().map(EventParser::tender).toList());
            case "LOYALTY_ENTRY" -> new Projected.LoyaltyEntry(p.text("entryId"), p.text("card"), p.text("entryType"),
                    p.integer("points"), occurredAt, p.optText("receiptNumber"));
            case "Z_REPORT" -> new Projected.DayClose(p.integer("zNumber"), p.date("businessDate"), currency(p),
                    occurredAt, p.integer("salesCount"), p.has("salesTotal") ? p.amount("salesTotal") : null,
                    p.has("voidsCount") ? p.integer("voidsCount") : null, p.has("voids") ? p.amount("voids") : null,
                    p.has("returnsCount") ? p.integer("returnsCount") : null,
                    p.has("returns") ? p.amount("returns") : null, p.amount("netSales"));
            case "STOCK_MOVEMENT" -> stock(p);
            case "GIFT_CARD_OP" -> giftCardOp(p, occurredAt);
            default -> null;
        };
    }

    /** A STOCK_MOVEMENT (issue 26): reason, document and the signed quantity of each SKU. */
    private static Projected.StockMovement stock(Fields p) {
        String reason = p.text("reason");
        if (!STOCK_REASONS.contains(reason)) {
            throw p.invalid("payload.reason", "is not a stock movement reason");
        }
        String document = p.optText("document");
        if (document != null && document.length() > 64) {
            throw p.invalid("payload.document", "is longer than 64 characters");
        }
        List<Projected.StockLine> lines = p.objects("lines").stream().map(l -> {
            String sku = l.text("sku");
            if (sku.length() > 64) {
                throw l.invalid("sku", "is longer than 64 characters");
            }
            return new Projected.StockLine(sku, l.smallInt("quantity"));
        }).toList();
        String code = p.optText("reasonCode");
        return new Projected.StockMovement(document, reason, code != null && code.length() > 20 ? code.substring(0, 20)
                : code, p.instant("occurredAt"), lines);
    }

    static final Set<String> STOCK_REASONS = Set.of("SALE", "RETURN_RESTOCKED", "POST_VOID", "RECEIVED", "ADJUSTMENT",
            "COUNT");

    private static Projected.GiftCardOp giftCardOp(Fields p, Instant occurredAt) {
        String kind = p.text("kind");
        if (!List.of("CANCEL", "REFUND", "REDEEM").contains(kind)) {
            throw p.invalid("payload.kind", "must be CANCEL, REFUND or REDEEM");
        }
        String number = p.optText("number");
        if (number != null && !GiftCardNumbers.valid(number)) {
            throw p.invalid("payload.number", "must be a gift card number");
        }
        String cancels = kind.equals("CANCEL") ? p.text("cancels") : null;
        String refunds = kind.equals("REFUND") ? p.text("refunds") : null;
        BigDecimal amount = kind.equals("CANCEL") ? BigDecimal.ZERO : p.amount("amount");
        if (!kind.equals("REFUND") && number == null) {
            throw p.invalid("payload.number", "is required for " + kind);
        }
        String opId = p.text("opId");
        if (!opId.matches("[A-Za-z0-9._:-]{8,64}")) {
            throw p.invalid("payload.opId", "must be 8 to 64 letters, digits or . _ : -");
        }
        if (cancels != null && !cancels.matches("[A-Za-z0-9._:-]{8,64}")) {
            throw p.invalid("payload.cancels", "must be an op id");
        }
        if (refunds != null && !refunds.matches("[A-Za-z0-9._:-]{8,64}")) {
            throw p.invalid("payload.refunds", "must be an op id");
        }
        String document = p.optText("document");
        if (document != null && document.length() > 64) {
            throw p.invalid("payload.document", "must be at most 64 characters");
        }
        return new Projected.GiftCardOp(opId, kind, number, amount, currency(p), document, cancels, refunds,
                kind.equals("REDEEM"), occurredAt);
    }

    /**
     * A SALE_COMPLETED. A line with {@code "giftCard": "ACTIVATE"|"RELOAD"} sold a gift card (issue 26): a
     * liability, not revenue, so it is taken out of the lines, the subtotal and the total and kept apart.
     */
    private static Projected.Sale sale(Fields p) {
        List<Projected.Line> lines = new ArrayList<>();
        List<Projected.GiftCardLine> giftCards = new ArrayList<>();
        BigDecimal gifts = BigDecimal.ZERO;
        for (Fields l : p.objects("lines")) {
            Projected.Line line = new Projected.Line(
                    l.smallInt("lineNo"), l.optText("sku"), l.text("department"), l.smallInt("quantity"),
                    l.optText("unitPrice") == null ? null : l.amount("unitPrice"),
                    l.optText("discount") == null ? null : l.amount("discount"), l.amount("net"), l.amount("tax"),
                    l.text("taxRate"));
            String giftCard = l.optText("giftCard");
            if (giftCard == null) {
                lines.add(line);
            } else if (!GIFT_CARD_KINDS.contains(giftCard)) {
                throw l.invalid("giftCard", "must be ACTIVATE or RELOAD");
            } else {
                giftCards.add(new Projected.GiftCardLine(giftCard, line.net()));
                gifts = gifts.add(line.net());
            }
        }
        return new Projected.Sale(p.text("receiptNumber"), p.date("businessDate"), p.hour("hour"),
                p.optText("registerId"), p.optText("clerk"), currency(p), p.amount("subtotal").subtract(gifts),
                p.amount("discountTotal"), p.amount("total").subtract(gifts), p.amount("taxTotal"),
                p.amount("cashRounding"), p.optText("loyaltyCard"), lines,
                p.objects("tenders").stream().map(EventParser::tender).toList(),
                p.has("taxExemption") ? exemption(p.object("taxExemption")) : null, giftCards,
                p.objects("manualDiscounts").stream().map(EventParser::manualDiscount).toList());
    }

    /** One of a sale's {@code manualDiscounts} (issue 24): its reason and amount (kind and line are not summed). */
    private static Projected.ManualDiscount manualDiscount(Fields d) {
        return new Projected.ManualDiscount(d.text("reason"), d.amount("amount"));
    }

    static final Set<String> GIFT_CARD_KINDS = Set.of("ACTIVATE", "RELOAD");

    /** A sale's {@code taxExemption} (issue 24): reason, the exempt line numbers and their net. */
    private static Projected.Exemption exemption(Fields e) {
        return new Projected.Exemption(e.text("reason"), e.smallInts("lineNos"), e.amount("net"));
    }

    private static Projected.Tender tender(Fields t) {
        return new Projected.Tender(t.text("type"), t.amount("amount"));
    }

    private static String currency(Fields p) {
        String c = p.text("currency");
        try {
            java.util.Currency.getInstance(c);
        } catch (IllegalArgumentException e) {
            throw p.invalid("payload.currency", "must be an ISO 4217 currency code");
        }
        return c;
    }
}
