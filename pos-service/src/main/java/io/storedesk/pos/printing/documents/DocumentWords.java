package io.storedesk.pos.printing.documents;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import io.storedesk.receipt.StoreHeader;
import io.storedesk.receipt.TaxRow;
import io.storedesk.receipt.layout.ReceiptFormat;
import org.springframework.stereotype.Component;

/**
 * The words every printed document shares, in one place: the store header, captions and tender names
 * in the store's language (UTF-8 bundles {@code printing/captions*.properties},
 * {@code printing/tenders*.properties} and {@code printing/departments*.properties}), users by their
 * display names ({@code pos.identity.users.*.display-name}), tax rates with the letters the receipts
 * print ({@code pos.catalog.tax-categories}), and amounts and dates formatted the way the receipts print
 * them. Used by the roll documents of every module and by the report's A4 PDF.
 */
@Component
public class DocumentWords {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final StoreProperties store;
    private final PrintingProperties printing;
    private final ReceiptFormat format;
    private final ResourceBundle captions;
    private final ResourceBundle tenders;
    private final ResourceBundle departments;
    private final IdentityProperties identity;
    private final CatalogProperties catalog;

    DocumentWords(StoreProperties store, PrintingProperties printing, IdentityProperties identity,
            CatalogProperties catalog) {
        this.store = store;
        this.printing = printing;
        this.identity = identity;
        this.catalog = catalog;
        this.format = ReceiptFormat.of(store.locale());
        this.captions = ResourceBundle.getBundle("printing/captions", store.locale(), NO_DEFAULT_LOCALE);
        this.tenders = ResourceBundle.getBundle("printing/tenders", store.locale(), NO_DEFAULT_LOCALE);
        this.departments = ResourceBundle.getBundle("printing/departments", store.locale(), NO_DEFAULT_LOCALE);
    }

    /** The store's language ({@code pos.store.locale}). */
    public Locale locale() {
        return store.locale();
    }

    /** Amounts, dates and percentages as the receipts print them in the store's language. */
    public ReceiptFormat format() {
        return format;
    }

    public StoreHeader header() {
        return header(false);
    }

    /** The store header; a training document's (ADR 0005) says "TRAINING - NOT A RECEIPT" first under the name. */
    public StoreHeader header(boolean training) {
        List<String> lines = new ArrayList<>();
        if (training) {
            lines.add(caption("training"));
        }
        Arrays.stream(store.address().split(",\\s*")).filter(s -> !s.isBlank()).forEach(lines::add);
        return new StoreHeader(store.name(), lines, store.vatNumber());
    }

    /** A builder with the store header, language and currency of the store filled in. */
    public ReceiptBuilder document(DocumentKind kind, String number, Instant issuedAt, String currency) {
        return Receipt.builder()
                .store(header())
                .kind(kind)
                .number(number)
                .issuedAt(ZonedDateTime.ofInstant(issuedAt, store.zone()))
                .currency(currency == null ? store.currency() : Currency.getInstance(currency))
                .locale(store.locale());
    }

    /** A caption in the store's language, or the key itself when the bundle has none. */
    public String caption(String key) {
        return captionOr(key, key);
    }

    /** A caption looked up by key, or {@code fallback} when the bundle has none (e.g. an unknown reason code). */
    public String captionOr(String key, String fallback) {
        return captions.containsKey(key) ? captions.getString(key) : fallback;
    }

    /** A tender type's name ("Skaidra nauda" for {@code CASH}); an unnamed type prints its code. */
    public String tender(String type) {
        return tenders.containsKey(type) ? tenders.getString(type) : type;
    }

    /** A department's display name ("Pārtika" for {@code FOOD}); an unnamed department prints its code. */
    public String department(String code) {
        return code != null && departments.containsKey(code) ? departments.getString(code) : code;
    }

    /** Figures by department code as printed: by display name, in the store language's alphabetical order. */
    public Map<String, String> departments(Map<String, String> byCode) {
        return named(byCode, this::department);
    }

    /** Entries re-keyed by display name, in the store language's alphabetical order (amounts summed on a clash). */
    public Map<String, String> named(Map<String, String> byCode, UnaryOperator<String> name) {
        Map<String, String> named = new TreeMap<>(Collator.getInstance(store.locale()));
        byCode.forEach((code, amount) -> named.merge(name.apply(code), amount,
                (a, b) -> new BigDecimal(a).add(new BigDecimal(b)).toPlainString()));
        return named;
    }

    /** A user as a manager knows them: "Anna Bērziņa (clerk)"; the bare name when none is configured. */
    public String user(String name) {
        return identity.labelOf(name);
    }

    /** One rate of a tax table, its letter as the receipts print it, its figures as stored ("12.30"). */
    public record TaxRate(String letter, BigDecimal rate, String net, String tax, String gross) {
    }

    /**
     * Tax lines of a report (rate in percent -> net, tax, gross) in the receipts' order: each rate with
     * its letter from {@code pos.catalog.tax-categories} (rate 0 without a category of its own is the
     * exempt letter E), sorted by letter, rates without a letter last (highest first).
     */
    public List<TaxRate> taxRates(Map<String, Map<String, String>> byRate) {
        List<TaxRate> rates = new ArrayList<>();
        byRate.forEach((rate, v) -> {
            BigDecimal r = new BigDecimal(rate);
            rates.add(new TaxRate(catalog.letterOf(r), r, v.get("net"), v.get("tax"), v.get("gross")));
        });
        rates.sort(Comparator.comparing(TaxRate::rate, catalog.taxTableOrder()));
        return rates;
    }

    /** The tax table of a report as the receipt model's rows ({@link #taxRates}; a missing figure is 0). */
    public List<TaxRow> taxRows(Map<String, Map<String, String>> byRate) {
        return taxRates(byRate).stream()
                .map(t -> new TaxRow(t.letter(), t.rate(), amount(t.net()), amount(t.tax()), amount(t.gross())))
                .toList();
    }

    private static BigDecimal amount(String value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    /** A stored amount string ("12.30") as printed ("12,30" in Latvian); blank stays blank. */
    public String money(String amount) {
        return amount == null || amount.isBlank() ? "" : format.money(new BigDecimal(amount));
    }

    public String money(BigDecimal amount) {
        return format.money(amount);
    }

    /** A business date ("2026-12-06" as stored) in the store's short style ("06.12.2026" in Latvian). */
    public String date(String isoDate) {
        return isoDate == null || isoDate.isBlank() ? "" : format.date(LocalDate.parse(isoDate));
    }

    /** A business date as the store writes it ("06.12.2026" in Latvian, "6. 12. 2026" in Czech). */
    public String date(LocalDate date) {
        return format.date(date);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : format.dateTime(ZonedDateTime.ofInstant(at, store.zone()));
    }

    public String[] footer() {
        return footer(false);
    }

    /** The store's footer; a training document's (ADR 0005) ends with "TRAINING - NOT A RECEIPT". */
    public String[] footer(boolean training) {
        List<String> lines = new ArrayList<>(printing.footer());
        if (training) {
            lines.add(caption("training"));
        }
        return lines.toArray(String[]::new);
    }
}
