package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.receipt.layout.ReceiptFormat;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words and number formats of the A4 report in the store's language ({@code pos.store.locale}):
 * captions {@code report.*} and cash-movement captions from the printed documents' bundles
 * ({@code printing/captions*.properties}), tender and department names from
 * {@code printing/tenders*} and {@code printing/departments*}, return reasons from the messages
 * ({@code reason.*}), users by display name, tax rates with the receipts' letters, and amounts and
 * percentages formatted as the receipts print them. The CSV and JSON keep codes and plain numbers.
 */
@Component
class ReportText implements ReportSection.Words {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ReceiptFormat format;
    private final ResourceBundle captions;
    private final ResourceBundle tenders;
    private final ResourceBundle departments;
    private final MessageSource messages;
    private final IdentityProperties identity;
    private final CatalogProperties catalog;

    ReportText(StoreProperties store, MessageSource messages, IdentityProperties identity, CatalogProperties catalog) {
        this.locale = store.locale();
        this.format = ReceiptFormat.of(locale);
        this.captions = ResourceBundle.getBundle("printing/captions", locale, NO_DEFAULT_LOCALE);
        this.tenders = ResourceBundle.getBundle("printing/tenders", locale, NO_DEFAULT_LOCALE);
        this.departments = ResourceBundle.getBundle("printing/departments", locale, NO_DEFAULT_LOCALE);
        this.messages = messages;
        this.identity = identity;
        this.catalog = catalog;
    }

    /** The caption {@code report.<key>} with its arguments filled in. */
    @Override
    public String text(String key, Object... args) {
        String pattern = captions.containsKey("report." + key) ? captions.getString("report." + key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A caption shared with the printed drawer documents (paidIn, safeDrops ...), or the key itself. */
    String caption(String key) {
        return captions.containsKey(key) ? captions.getString(key) : key;
    }

    /** A stored amount ("12.30") as the receipts print it ("12,30" in Latvian); blank stays blank. */
    String amount(String amount) {
        return amount == null || amount.isBlank() ? "" : format.money(new BigDecimal(amount));
    }

    /** As {@link #amount} for a section's line: an unknown amount is "-". */
    @Override
    public String money(String amount) {
        return amount == null || amount.isBlank() ? "-" : amount(amount);
    }

    /** A ratio ("0.2383") as a percentage with one decimal in the store's locale ("23,8%", "23,8 %"). */
    String ratio(String ratio) {
        if (ratio == null || ratio.isBlank()) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        percent.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return percent.format(new BigDecimal(ratio));
    }

    @Override
    public String percent(String ratio) {
        return ratio == null || ratio.isBlank() ? "-" : ratio(ratio);
    }

    /** A business date as the store writes it ("06.12.2026" in Latvian, "6. 12. 2026" in Czech). */
    @Override
    public String date(LocalDate date) {
        return format.date(date);
    }

    @Override
    public String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long minutes = duration.toMinutes();
        return text("duration", minutes / 60, "%02d".formatted(minutes % 60));
    }

    @Override
    public String term(String prefix, String code) {
        return messages.getMessage(prefix + "." + code, null, code, locale);
    }

    String tender(String type) {
        return tenders.containsKey(type) ? tenders.getString(type) : type;
    }

    String department(String code) {
        return code != null && departments.containsKey(code) ? departments.getString(code) : code;
    }

    /** A return reason code by its name in the store's language ("Bojāta prece"); an unknown code as is. */
    String returnReason(String code) {
        return term("reason", code);
    }

    /** A user as a manager knows them: "Anna Bērziņa (clerk)"; the bare name when none is configured. */
    @Override
    public String user(String name) {
        return identity.labelOf(name);
    }

    /** Entries re-keyed by display name, in the store language's alphabetical order (amounts summed on a clash). */
    Map<String, String> named(Map<String, String> byCode, java.util.function.UnaryOperator<String> name) {
        Map<String, String> named = new TreeMap<>(Collator.getInstance(locale));
        byCode.forEach((code, amount) -> named.merge(name.apply(code), amount,
                (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString()));
        return named;
    }

    /** One line of the tax table: "A 21%" and the net, tax and gross as printed. */
    record TaxLine(String letter, BigDecimal rate, String label, String net, String tax, String gross) {
    }

    /**
     * The tax table as the receipts print it: each rate with its letter from
     * {@code pos.catalog.tax-categories} (rate 0 without a category of its own is the exempt letter
     * E), sorted by letter, rates without a letter last (highest first).
     */
    List<TaxLine> taxLines(Map<String, Map<String, String>> byRate) {
        List<TaxLine> lines = new ArrayList<>();
        byRate.forEach((rate, v) -> {
            BigDecimal r = new BigDecimal(rate);
            String letter = catalog.letterOf(r);
            lines.add(new TaxLine(letter, r, (letter.isEmpty() ? "" : letter + " ") + format.percent(r),
                    amount(v.get("net")), amount(v.get("tax")), amount(v.get("gross"))));
        });
        lines.sort(Comparator.comparing(TaxLine::rate, catalog.taxTableOrder()));
        return lines;
    }

}
