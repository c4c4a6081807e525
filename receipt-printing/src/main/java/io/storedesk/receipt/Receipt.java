package io.storedesk.receipt;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything printed on one receipt, invoice or report, as the service computed it. Amounts are
 * {@link BigDecimal}s already scaled to the currency's minor units; renderers only format them with
 * the receipt's {@link #locale()}. Optional parts ({@code totals}, {@code change}, {@code loyalty},
 * {@code qrPayload}, {@code customer}) are {@code null} when absent; lists are never {@code null}.
 * Build one with {@link #builder()}.
 *
 * @param store seller header
 * @param registerId register (till) that issued the document
 * @param clerk clerk's display name
 * @param issuedAt date, time and zone of the document
 * @param number gapless receipt number; also the default barcode payload
 * @param kind sale, return, report, ...
 * @param copy whether this is a reprint: renderers print a "COPY" banner
 * @param gift whether this is a gift receipt: renderers hide prices, totals and tenders
 * @param rows generic label/value rows (report figures, original receipt of a return, ...)
 * @param lines item lines
 * @param promotions basket-level promotions
 * @param totals totals block, {@code null} for reports
 * @param tenders payments
 * @param change change given in cash, {@code null} or zero when none
 * @param taxes tax table, one row per rate
 * @param loyalty loyalty points, or {@code null}
 * @param footerLines closing text such as the return policy
 * @param barcode Code 128 payload (printable ASCII), by default the receipt number
 * @param qrPayload QR code content, or {@code null}
 * @param customer business buyer for invoices, or {@code null}
 * @param currency currency of all amounts
 * @param locale locale for number and date formatting and for the printed labels
 */
public record Receipt(StoreHeader store, String registerId, String clerk, ZonedDateTime issuedAt, String number,
        DocumentKind kind, boolean copy, boolean gift, List<InfoRow> rows, List<ReceiptLine> lines,
        List<Promotion> promotions, Totals totals, List<Tender> tenders, BigDecimal change, List<TaxRow> taxes,
        LoyaltyPoints loyalty, List<String> footerLines, String barcode, String qrPayload,
        BusinessCustomer customer, Currency currency, Locale locale) {

    public Receipt {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        registerId = registerId == null ? "" : registerId;
        clerk = clerk == null ? "" : clerk;
        rows = copyOf(rows);
        lines = copyOf(lines);
        promotions = copyOf(promotions);
        tenders = copyOf(tenders);
        taxes = copyOf(taxes);
        footerLines = copyOf(footerLines);
        barcode = barcode == null ? number : barcode;
        requirePrintableAscii(barcode);
    }

    /** A builder with no lines and the receipt number as barcode. */
    public static ReceiptBuilder builder() {
        return new ReceiptBuilder();
    }

    /** Whether change was given. */
    public boolean hasChange() {
        return change != null && change.signum() != 0;
    }

    private static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static void requirePrintableAscii(String payload) {
        if (payload.isEmpty() || !payload.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("barcode payload must be non-empty printable ASCII: " + payload);
        }
    }
}
