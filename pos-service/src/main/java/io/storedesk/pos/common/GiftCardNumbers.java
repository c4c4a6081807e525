package io.storedesk.pos.common;

import java.util.regex.Pattern;

/**
 * Gift card numbers (issue 26): 8 to 32 digits, printed on the card. A number is card data
 * ({@link CardData}): it never enters a request fingerprint, a hash, an idempotency key or a log line,
 * and pages and receipts show it {@link #mask masked} (only the sale receipt of the card itself shows
 * it whole).
 */
public final class GiftCardNumbers {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{8,32}");

    private GiftCardNumbers() {
    }

    public static boolean valid(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /** 400 {@code validation-failed} naming {@code field} unless {@code number} is a gift card number. */
    public static String require(String number, String field) {
        if (!valid(number)) {
            throw ProblemException.invalidField(field, "must be a gift card number of 8 to 32 digits");
        }
        return number;
    }

    /** The last four digits, the rest as {@code *}: {@code ************1234}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 4) {
            return "*".repeat(number.length());
        }
        return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    }
}
