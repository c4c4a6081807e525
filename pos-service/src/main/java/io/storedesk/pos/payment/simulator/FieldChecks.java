package io.storedesk.pos.payment.simulator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jpos.iso.ISOMsg;

/**
 * Format checks a strict acquirer applies to ISO 8583:1987 fields before looking at the
 * business content. Each returns true when the field is well-formed.
 */
final class FieldChecks {

    private static final Pattern TRACK2 = Pattern.compile("([0-9]{12,19})[=D]([0-9]{4})[0-9]*");
    private static final Set<Integer> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getNumericCode).filter(c -> c > 0).collect(Collectors.toUnmodifiableSet());

    private FieldChecks() {
    }

    static boolean present(ISOMsg m, int... fields) {
        for (int f : fields) {
            String v = m.getString(f);
            if (v == null || v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static boolean absent(ISOMsg m, int... fields) {
        for (int f : fields) {
            if (m.hasField(f)) {
                return false;
            }
        }
        return true;
    }

    static boolean digits(String v, int length) {
        return v != null && v.length() == length && v.chars().allMatch(Character::isDigit);
    }

    /** Field 4: 12 digits, more than zero. */
    static boolean amount(String v) {
        return digits(v, 12) && Long.parseLong(v) > 0;
    }

    /** Field 7: MMDDhhmmss. */
    static boolean transmission(String v) {
        return digits(v, 10) && monthDay(v.substring(0, 4)) && time(v.substring(4));
    }

    /** Field 12: hhmmss. */
    static boolean time(String v) {
        if (!digits(v, 6)) {
            return false;
        }
        try {
            LocalTime.of(Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(2, 4)),
                    Integer.parseInt(v.substring(4)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** Field 13: MMDD. */
    static boolean monthDay(String v) {
        if (!digits(v, 4)) {
            return false;
        }
        try {
            MonthDay.of(Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(2)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** Field 41 (8) or 42 (15): text, not blank, not longer than the field. */
    static boolean text(String v, int max) {
        return v != null && !v.isBlank() && v.length() <= max;
    }

    /** Field 49: a known ISO 4217 numeric code. */
    static boolean currency(String v) {
        return digits(v, 3) && CURRENCIES.contains(Integer.parseInt(v));
    }

    static boolean pan(String v) {
        return v != null && v.length() >= 12 && v.length() <= 19 && v.chars().allMatch(Character::isDigit);
    }

    /** Field 14: YYMM with a month 01-12. */
    static boolean expiry(String v) {
        return digits(v, 4) && Integer.parseInt(v.substring(2)) >= 1 && Integer.parseInt(v.substring(2)) <= 12;
    }

    static boolean track2(String v) {
        return v != null && TRACK2.matcher(v).matches() && expiry(track2Expiry(v));
    }

    static String track2Pan(String v) {
        var m = TRACK2.matcher(v);
        return m.matches() ? m.group(1) : null;
    }

    static String track2Expiry(String v) {
        var m = TRACK2.matcher(v);
        return m.matches() ? m.group(2) : null;
    }

    static boolean luhn(String pan) {
        int sum = 0;
        for (int i = 0; i < pan.length(); i++) {
            int d = pan.charAt(pan.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static boolean expired(String yymm, LocalDate today) {
        YearMonth expiry = YearMonth.of(2000 + Integer.parseInt(yymm.substring(0, 2)), Integer.parseInt(yymm.substring(2)));
        return expiry.isBefore(YearMonth.from(today));
    }
}
