package io.storedesk.receipt.layout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats amounts, quantities, rates and dates in a document's locale. Amounts keep the scale the
 * service gave them (the library never rounds money); quantities drop trailing zeros. Digits, signs
 * and separators are the locale's {@link DecimalFormat} symbols and negative affixes, read once per locale; the digits
 * themselves come straight from {@link BigDecimal#toPlainString()}, which is exact and much faster
 * than formatting through {@code DecimalFormat} on every amount. Immutable and thread-safe.
 */
public final class ReceiptFormat {

    private static final Map<Locale, ReceiptFormat> CACHE = new ConcurrentHashMap<>();

    private final char zeroDigit;
    private final char decimalSeparator;
    private final char groupingSeparator;
    private final int groupingSize;
    private final String negativePrefix;
    private final String negativeSuffix;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private ReceiptFormat(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        DecimalFormatSymbols symbols = format instanceof DecimalFormat decimal
                ? decimal.getDecimalFormatSymbols() : DecimalFormatSymbols.getInstance(locale);
        int size = format instanceof DecimalFormat decimal && decimal.isGroupingUsed() ? decimal.getGroupingSize() : 0;
        this.zeroDigit = symbols.getZeroDigit();
        this.decimalSeparator = symbols.getDecimalSeparator();
        this.groupingSeparator = symbols.getGroupingSeparator();
        this.groupingSize = size;
        this.negativePrefix = format instanceof DecimalFormat decimal
                ? decimal.getNegativePrefix() : String.valueOf(symbols.getMinusSign());
        this.negativeSuffix = format instanceof DecimalFormat decimal ? decimal.getNegativeSuffix() : "";
        String date = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        if (!date.contains("yyyy")) {
            date = date.replace("yy", "yyyy");
        }
        this.dateTime = DateTimeFormatter.ofPattern(date + " HH:mm", locale);
        this.date = DateTimeFormatter.ofPattern(date, locale);
    }

    /** The format for a locale. */
    public static ReceiptFormat of(Locale locale) {
        return CACHE.computeIfAbsent(locale, ReceiptFormat::new);
    }

    /** An amount with exactly its own scale, e.g. {@code 1234.50} as "1 234,50" in Latvian. */
    public String money(BigDecimal amount) {
        return decimal(amount.scale() < 0 ? amount.setScale(0) : amount);
    }

    /** A quantity without trailing zeros: "2", "0,75". */
    public String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return decimal(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /** A tax rate with a percent sign: "21%", "12,5%". */
    public String percent(BigDecimal rate) {
        return quantity(rate) + "%";
    }

    /** Date in the locale's short style with a four-digit year, and 24-hour time. */
    public String dateTime(ZonedDateTime time) {
        return dateTime.format(time);
    }

    /** Date in the locale's short style with a four-digit year ("06.12.2026" in Latvian). */
    public String date(LocalDate day) {
        return date.format(day);
    }

    private String decimal(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        int integerDigits = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + 4);
        if (value.signum() < 0) {
            out.append(negativePrefix);
        }
        for (int i = 0; i < integerDigits; i++) {
            out.append(digit(plain.charAt(i)));
            int remaining = integerDigits - 1 - i;
            if (groupingSize > 0 && remaining > 0 && remaining % groupingSize == 0) {
                out.append(groupingSeparator);
            }
        }
        if (point >= 0) {
            out.append(decimalSeparator);
            for (int i = point + 1; i < plain.length(); i++) {
                out.append(digit(plain.charAt(i)));
            }
        }
        if (value.signum() < 0) {
            out.append(negativeSuffix);
        }
        return out.toString();
    }

    private char digit(char asciiDigit) {
        return (char) (zeroDigit + (asciiDigit - '0'));
    }
}
