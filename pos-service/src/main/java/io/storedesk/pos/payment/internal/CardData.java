package io.storedesk.pos.payment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.common.CardNumbers;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.payment.CardPurchase;

/**
 * Card data of one purchase, checked before anything is sent: PAN digits and Luhn check digit,
 * expiry month 01-12 and not past (a card is valid to the end of its expiry month, on the
 * store's calendar), track 2 layout {@code PAN=YYMM...}. Lives only in memory; {@link #toString()}
 * shows the masked PAN.
 *
 * @param entryMode field 22: {@code 012} keyed, {@code 022} magnetic stripe
 */
record CardData(String pan, String expiry, String track2, String entryMode) {

    static final String KEYED = "012";
    static final String SWIPED = "022";

    private static final Pattern PAN = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("([0-9]{2})([0-9]{2})");
    private static final Pattern TRACK2 = Pattern.compile(";?([0-9]{12,19})[=D]([0-9]{4})([0-9]*)\\??");

    static CardData of(CardPurchase purchase, LocalDate today) {
        if (purchase.isSwiped()) {
            Matcher m = TRACK2.matcher(purchase.track2());
            if (!m.matches()) {
                throw invalid("invalid-track-data", "Invalid card data", "The card's track 2 data could not be read.",
                        "track2");
            }
            String track2 = m.group(1) + "=" + m.group(2) + m.group(3);
            return new CardData(checkedPan(m.group(1)), checkedExpiry(m.group(2), today), track2, SWIPED);
        }
        if (purchase.pan() == null) {
            throw invalid("invalid-card-number", "Invalid card number", "A card number or track 2 data is required.",
                    "pan");
        }
        if (purchase.expiry() == null) {
            throw invalid("invalid-card-expiry", "Invalid expiry date", "The card's expiry date (YYMM) is required.",
                    "expiry");
        }
        return new CardData(checkedPan(purchase.pan()), checkedExpiry(purchase.expiry(), today), null, KEYED);
    }

    private static String checkedPan(String pan) {
        if (!PAN.matcher(pan).matches() || !luhn(pan)) {
            throw invalid("invalid-card-number", "Invalid card number",
                    "The card number is not valid (12 to 19 digits with a correct check digit).", "pan");
        }
        return pan;
    }

    private static String checkedExpiry(String yymm, LocalDate today) {
        Matcher m = EXPIRY.matcher(yymm);
        int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        if (month < 1 || month > 12) {
            throw invalid("invalid-card-expiry", "Invalid expiry date", "The expiry date must be YYMM with a month 01-12.",
                    "expiry");
        }
        YearMonth expires = YearMonth.of(2000 + Integer.parseInt(m.group(1)), month);
        if (expires.isBefore(YearMonth.from(today))) {
            throw ProblemException.rule("card-expired", "Card expired",
                    "The card expired at the end of %s.".formatted(expires)).with("expiry", expires.toString());
        }
        return yymm;
    }

    /** Luhn mod-10 check over all digits, the last being the check digit. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    String maskedPan() {
        return CardNumbers.maskPan(pan);
    }

    String brand() {
        int two = Integer.parseInt(pan.substring(0, 2));
        int four = Integer.parseInt(pan.substring(0, 4));
        if (pan.startsWith("4")) {
            return "VISA";
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "MASTERCARD";
        }
        if (two == 34 || two == 37) {
            return "AMEX";
        }
        if (two == 50 || (two >= 56 && two <= 69)) {
            return "MAESTRO";
        }
        return "OTHER";
    }

    private static ProblemException invalid(String type, String title, String detail, String field) {
        return ProblemException.rule(type, title, detail)
                .with("errors", List.of(Map.of("field", field, "message", detail)));
    }

    @Override
    public String toString() {
        return "CardData[" + maskedPan() + ", entryMode=" + entryMode + "]";
    }
}
