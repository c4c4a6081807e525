package io.storedesk.pos.payment.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.CardNumbers;
import org.jpos.iso.ISOMsg;

/**
 * A message as the simulator received it, with the card data already masked: field 2 keeps
 * the first 6 and last 4 digits, field 35 the same of its PAN part; fields 14, 45 and 52 are
 * replaced by {@code ****}. What tests assert on, and safe to print.
 */
public record SimulatorMessage(String mti, Map<Integer, String> fields, Instant receivedAt) {

    public SimulatorMessage {
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    static SimulatorMessage of(ISOMsg m) {
        Map<Integer, String> fields = new TreeMap<>();
        for (int i = 2; i <= m.getMaxField(); i++) {
            if (m.hasField(i)) {
                fields.put(i, masked(i, m.getString(i)));
            }
        }
        String mti;
        try {
            mti = m.getMTI();
        } catch (org.jpos.iso.ISOException e) {
            mti = "????";
        }
        return new SimulatorMessage(mti, fields, Instant.now());
    }

    private static String masked(int field, String value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case 2 -> CardNumbers.maskPan(value);
            case 35 -> {
                int separator = value.indexOf('=') >= 0 ? value.indexOf('=') : value.indexOf('D');
                yield separator > 0 ? CardNumbers.maskPan(value.substring(0, separator)) + "=****" : "****";
            }
            case 14, 45, 52 -> "****";
            default -> value;
        };
    }

    public String field(int number) {
        return fields.get(number);
    }

    public boolean has(int number) {
        return fields.containsKey(number);
    }

    /** Field 3, or null. */
    public String processingCode() {
        return fields.get(3);
    }

    @Override
    public String toString() {
        return mti + " " + fields;
    }
}
