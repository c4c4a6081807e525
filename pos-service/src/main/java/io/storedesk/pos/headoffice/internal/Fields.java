package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import io.storedesk.pos.common.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one event's JSON and refuses the whole batch, naming the event and the
 * field, when one is missing or not of its kind (400 {@code invalid-event}).
 */
final class Fields {

    /** The longest text field head office keeps in its projections. */
    static final int MAX_TEXT = 200;
    /** Amounts have at most four decimals and 15 integer digits (NUMERIC(19, 4)). */
    private static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("1E15");

    private final String eventId;
    private final String path;
    private final JsonNode node;

    Fields(String eventId, String path, JsonNode node) {
        this.eventId = eventId;
        this.path = path;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw invalid(path.isEmpty() ? "payload" : path.substring(0, path.length() - 1), "must be an object");
        }
    }

    static ProblemException invalid(String eventId, String field, String message) {
        return ProblemException.badRequest("invalid-event", "Invalid event",
                        "Event %s: %s %s.".formatted(eventId == null ? "(no eventId)" : eventId, field, message))
                .with("eventId", eventId)
                .with("errors", List.of(java.util.Map.of("field", field, "message", message)));
    }

    ProblemException invalid(String field, String message) {
        return invalid(eventId, field, message);
    }

    String text(String name) {
        String s = optText(name);
        if (s == null || s.isBlank()) {
            throw invalid(path + name, "is required");
        }
        return s;
    }

    /** Whether the field is there and not null. */
    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String optText(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() && !v.isNumber()) {
            throw invalid(path + name, "must be a string");
        }
        String s = v.asString();
        if (s.length() > MAX_TEXT) {
            throw invalid(path + name, "must be at most %d characters".formatted(MAX_TEXT));
        }
        return s;
    }

    BigDecimal amount(String name) {
        String s = text(name);
        BigDecimal amount;
        try {
            amount = new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw invalid(path + name, "must be an amount like \"12.30\"");
        }
        if (amount.scale() > 4 || amount.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw invalid(path + name, "must have at most 4 decimals and 15 digits before the point");
        }
        return amount;
    }

    LocalDate date(String name) {
        return parse(name, LocalDate::parse, "must be an ISO date (2026-11-24)");
    }

    Instant instant(String name) {
        return parse(name, Instant::parse, "must be an ISO-8601 instant in UTC");
    }

    long integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw invalid(path + name, "is required");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isString()) {
            try {
                return Long.parseLong(v.stringValue().strip());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw invalid(path + name, "must be an integer");
    }

    /** An integer that fits an int column. */
    int smallInt(String name) {
        long v = integer(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid(path + name, "is out of range");
        }
        return (int) v;
    }

    private static final String[] HOURS = java.util.stream.IntStream.range(0, 24).mapToObj(h -> (h < 10 ? "0" : "") + h)
            .toArray(String[]::new);

    /** The hour of the day "00".."23" (given as "09" or 9). */
    String hour(String name) {
        long h = integer(name);
        if (h < 0 || h > 23) {
            throw invalid(path + name, "must be an hour 00-23");
        }
        return HOURS[(int) h];
    }

    /** The objects of an array field (absent or null = none). */
    List<Fields> objects(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(path + name, "must be an array");
        }
        java.util.ArrayList<Fields> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Fields(eventId, path + name + '[' + i + "].", v.get(i)));
        }
        return out;
    }

    /** An object field (required). */
    Fields object(String name) {
        return new Fields(eventId, path + name + ".", node.get(name));
    }

    /** An array of line numbers 1..99999, at most 500 of them (absent or null = none). */
    List<Integer> smallInts(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray() || v.size() > 500) {
            throw invalid(path + name, "must be an array of at most 500 line numbers");
        }
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1 || n.intValue() > 99999) {
                throw invalid(path + name, "must hold line numbers 1..99999");
            }
            out.add(n.intValue());
        }
        return List.copyOf(out);
    }

    private <T> T parse(String name, Function<String, T> parser, String message) {
        String s = text(name);
        try {
            return parser.apply(s.strip());
        } catch (RuntimeException e) {
            throw invalid(path + name, message);
        }
    }
}
