package io.storedesk.receipt;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Fluent builder for {@link Receipt}, so callers name what they set instead of passing twenty-two
 * positional arguments. Lists are appended to with the singular methods ({@link #line}, {@link #tax},
 * {@link #tender}, ...). A builder is not thread-safe and may be reused only after {@link #build()}.
 */
public final class ReceiptBuilder {

    private StoreHeader store;
    private String registerId;
    private String clerk;
    private ZonedDateTime issuedAt;
    private String number;
    private DocumentKind kind = DocumentKind.SALE;
    private boolean copy;
    private boolean gift;
    private final List<InfoRow> rows = new ArrayList<>();
    private final List<ReceiptLine> lines = new ArrayList<>();
    private final List<Promotion> promotions = new ArrayList<>();
    private Totals totals;
    private final List<Tender> tenders = new ArrayList<>();
    private BigDecimal change;
    private final List<TaxRow> taxes = new ArrayList<>();
    private LoyaltyPoints loyalty;
    private final List<String> footerLines = new ArrayList<>();
    private String barcode;
    private String qrPayload;
    private BusinessCustomer customer;
    private Currency currency;
    private Locale locale;

    ReceiptBuilder() {
    }

    public ReceiptBuilder store(StoreHeader store) { this.store = store; return this; }

    public ReceiptBuilder register(String registerId) { this.registerId = registerId; return this; }

    public ReceiptBuilder clerk(String clerk) { this.clerk = clerk; return this; }

    public ReceiptBuilder issuedAt(ZonedDateTime issuedAt) { this.issuedAt = issuedAt; return this; }

    public ReceiptBuilder number(String number) { this.number = number; return this; }

    public ReceiptBuilder kind(DocumentKind kind) { this.kind = kind; return this; }

    /** Marks the document as a reprint. */
    public ReceiptBuilder copy(boolean copy) { this.copy = copy; return this; }

    /** Marks the document as a gift receipt, printed without prices. */
    public ReceiptBuilder gift(boolean gift) { this.gift = gift; return this; }

    public ReceiptBuilder row(String label, String value) { rows.add(new InfoRow(label, value)); return this; }

    public ReceiptBuilder line(ReceiptLine line) { lines.add(line); return this; }

    public ReceiptBuilder line(String name, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount,
            BigDecimal amount, String taxLetter) {
        return line(new ReceiptLine(name, quantity, unitPrice, discount, amount, taxLetter));
    }

    public ReceiptBuilder promotion(String description, BigDecimal amount) {
        promotions.add(new Promotion(description, amount));
        return this;
    }

    public ReceiptBuilder totals(Totals totals) { this.totals = totals; return this; }

    public ReceiptBuilder tender(Tender tender) { tenders.add(tender); return this; }

    public ReceiptBuilder change(BigDecimal change) { this.change = change; return this; }

    public ReceiptBuilder tax(TaxRow row) { taxes.add(row); return this; }

    public ReceiptBuilder loyalty(LoyaltyPoints loyalty) { this.loyalty = loyalty; return this; }

    public ReceiptBuilder footer(String... lines) { footerLines.addAll(Arrays.asList(lines)); return this; }

    public ReceiptBuilder barcode(String payload) { this.barcode = payload; return this; }

    public ReceiptBuilder qr(String payload) { this.qrPayload = payload; return this; }

    public ReceiptBuilder customer(BusinessCustomer customer) { this.customer = customer; return this; }

    public ReceiptBuilder currency(Currency currency) { this.currency = currency; return this; }

    public ReceiptBuilder locale(Locale locale) { this.locale = locale; return this; }

    /** Validates and creates the immutable receipt. */
    public Receipt build() {
        return new Receipt(store, registerId, clerk, issuedAt, number, kind, copy, gift, rows, lines, promotions,
                totals, tenders, change, taxes, loyalty, footerLines, barcode, qrPayload, customer, currency, locale);
    }
}
