package io.storedesk.receipt;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A payment. Card tenders carry the masked PAN (first 6 and last 4 digits) and the authorisation
 * code; a full card number is refused, so it can never reach paper or a PDF.
 *
 * @param label how the tender is printed, e.g. "Cash" or "Visa"
 * @param amount amount paid with this tender
 * @param maskedPan masked card number, or {@code null}
 * @param authCode authorisation code from the acquirer, or {@code null}
 */
public record Tender(String label, BigDecimal amount, String maskedPan, String authCode) {

    private static final int MAX_VISIBLE_DIGITS = 10;

    public Tender {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(amount, "amount");
        if (maskedPan != null && maskedPan.chars().filter(Character::isDigit).count() > MAX_VISIBLE_DIGITS) {
            throw new IllegalArgumentException("maskedPan shows more than 10 digits; pass a masked card number");
        }
    }

    /** A tender without card details, e.g. cash. */
    public static Tender of(String label, BigDecimal amount) {
        return new Tender(label, amount, null, null);
    }
}
