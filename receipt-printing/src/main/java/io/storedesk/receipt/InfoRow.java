package io.storedesk.receipt;

import java.util.Objects;

/**
 * A generic "label: value" row. Reports (X, Z, drawer close) are made of these, and sales
 * documents use them for extra facts such as the original receipt of a return.
 *
 * @param label printed on the left
 * @param value printed on the right, already formatted by the caller
 */
public record InfoRow(String label, String value) {

    public InfoRow {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
    }
}
