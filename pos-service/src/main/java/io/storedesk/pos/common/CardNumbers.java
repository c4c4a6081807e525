package io.storedesk.pos.common;

/**
 * Payment card numbers (PANs) as they may be shown on a receipt, a page, a stored document or a log line: the
 * first six and the last four digits, the rest as {@code *} (PCI DSS 3.4), never more. The one rule of it for
 * the real till, the training till and the bundled acquirer simulator. Gift card numbers have their own rule
 * ({@link GiftCardNumbers#mask}).
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** {@code 476173******0010}; {@code ****} for anything shorter than ten digits; null for null. */
    public static String maskPan(String pan) {
        if (pan == null) {
            return null;
        }
        return pan.length() < 10 ? "****" : pan.substring(0, 6) + "*".repeat(pan.length() - 10)
                + pan.substring(pan.length() - 4);
    }
}
