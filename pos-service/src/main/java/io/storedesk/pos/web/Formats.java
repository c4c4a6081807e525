package io.storedesk.pos.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates as the page's language writes them ("12,30 €" in Latvian, "€12.30" in English). */
public record Formats(Locale locale, Currency currency, ZoneId zone) {

    public String money(String amount) {
        return money(amount, currency);
    }

    /** An amount in another currency than the store's (head office's pages: a figure per currency). */
    public String money(Object amount, String currencyCode) {
        return money(amount == null ? null : amount.toString(), Currency.getInstance(currencyCode));
    }

    /** A count or quantity with the language's grouping ("1 234" in Latvian, "1,234" in English). */
    public String number(Object value) {
        return value == null || value.toString().isBlank() ? ""
                : NumberFormat.getIntegerInstance(locale).format(new BigDecimal(value.toString()));
    }

    /** A rate given as a fraction ("0.0125") as a percentage in the language's format ("1.25%"); "" for none. */
    public String percent(Object rate) {
        if (rate == null || rate.toString().isBlank()) {
            return "";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(2);
        return f.format(new BigDecimal(rate.toString()));
    }

    private String money(String amount, Currency in) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(in);
        f.setMinimumFractionDigits(in.getDefaultFractionDigits());
        f.setMaximumFractionDigits(in.getDefaultFractionDigits());
        return f.format(new BigDecimal(amount));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
    }

    /** An ISO-8601 time with offset as the API writes it ("2026-12-06T10:15:00Z"). */
    public String dateTime(String iso) {
        return iso == null || iso.isBlank() ? "" : dateTime(OffsetDateTime.parse(iso));
    }

    /** BCP 47 tag for the browser's Intl formats. */
    public String tag() {
        return locale.toLanguageTag();
    }
}
