package io.storedesk.receipt.layout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats amounts, quantities, rates and dates for one document in its locale. Amounts keep the
 * scale the service gave them (the library never rounds money); quantities drop trailing zeros.
 * Instances hold a {@link DecimalFormat} and are therefore used by one thread for one document.
 */
public final class ReceiptFormat {

    private final DecimalFormat numbers;
    private final DateTimeFormatter dateTime;

    public ReceiptFormat(Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        if (!(format instanceof DecimalFormat decimal)) {
            throw new IllegalArgumentException("No decimal number format for locale " + locale);
        }
        this.numbers = decimal;
        this.numbers.setGroupingUsed(true);
        String date = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        if (!date.contains("yyyy")) {
            date = date.replace("yy", "yyyy");
        }
        this.dateTime = DateTimeFormatter.ofPattern(date + " HH:mm", locale);
    }

    /** An amount with exactly its own scale, e.g. {@code 1234.50} as "1 234,50" in Latvian. */
    public String money(BigDecimal amount) {
        return decimal(amount, Math.max(amount.scale(), 0));
    }

    /** A quantity without trailing zeros: "2", "0,75". */
    public String quantity(BigDecimal quantity) {
        return decimal(quantity, Math.max(quantity.stripTrailingZeros().scale(), 0));
    }

    /** A tax rate with a percent sign: "21%", "12,5%". */
    public String percent(BigDecimal rate) {
        return quantity(rate) + "%";
    }

    /** Date in the locale's short style with a four-digit year, and 24-hour time. */
    public String dateTime(ZonedDateTime time) {
        return dateTime.format(time);
    }

    private String decimal(BigDecimal value, int fractionDigits) {
        numbers.setMinimumFractionDigits(fractionDigits);
        numbers.setMaximumFractionDigits(fractionDigits);
        return numbers.format(value);
    }
}
