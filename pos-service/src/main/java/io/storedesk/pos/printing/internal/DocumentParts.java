package io.storedesk.pos.printing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Currency;
import java.util.ResourceBundle;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.printing.PrintingProperties;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.ReceiptBuilder;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.StoreHeader;
import io.storedesk.receipt.layout.ReceiptFormat;
import org.springframework.stereotype.Component;

/**
 * What every printed document shares: the store header, captions and tender names in the
 * store's language (UTF-8 bundles {@code printing/captions*.properties} and
 * {@code printing/tenders*.properties}), and amounts formatted the way the receipts print them.
 */
@Component
class DocumentParts {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final StoreProperties store;
    private final PrintingProperties printing;
    private final ReceiptFormat format;
    private final ResourceBundle captions;
    private final ResourceBundle tenders;

    DocumentParts(StoreProperties store, PrintingProperties printing) {
        this.store = store;
        this.printing = printing;
        this.format = ReceiptFormat.of(store.locale());
        this.captions = ResourceBundle.getBundle("printing/captions", store.locale(), NO_DEFAULT_LOCALE);
        this.tenders = ResourceBundle.getBundle("printing/tenders", store.locale(), NO_DEFAULT_LOCALE);
    }

    StoreHeader header() {
        return header(false);
    }

    /** The store header; a training document's (ADR 0005) says "TRAINING - NOT A RECEIPT" first under the name. */
    StoreHeader header(boolean training) {
        List<String> lines = new ArrayList<>();
        if (training) {
            lines.add(caption("training"));
        }
        Arrays.stream(store.address().split(",\\s*")).filter(s -> !s.isBlank()).forEach(lines::add);
        return new StoreHeader(store.name(), lines, store.vatNumber());
    }

    /** A builder with the store header, language and currency of the store filled in. */
    ReceiptBuilder document(DocumentKind kind, String number, Instant issuedAt, String currency) {
        return Receipt.builder()
                .store(header())
                .kind(kind)
                .number(number)
                .issuedAt(ZonedDateTime.ofInstant(issuedAt, store.zone()))
                .currency(currency == null ? store.currency() : Currency.getInstance(currency))
                .locale(store.locale());
    }

    String caption(String key) {
        return captions.containsKey(key) ? captions.getString(key) : key;
    }

    String tender(String type) {
        return tenders.containsKey(type) ? tenders.getString(type) : type;
    }

    /** A stored amount string ("12.30") as printed ("12,30" in Latvian); blank stays blank. */
    String money(String amount) {
        return amount == null || amount.isBlank() ? "" : format.money(new BigDecimal(amount));
    }

    String money(BigDecimal amount) {
        return format.money(amount);
    }

    String dateTime(Instant at) {
        return at == null ? "" : format.dateTime(ZonedDateTime.ofInstant(at, store.zone()));
    }

    String[] footer() {
        return footer(false);
    }

    /** The store's footer; a training document's (ADR 0005) ends with "TRAINING - NOT A RECEIPT". */
    String[] footer(boolean training) {
        List<String> lines = new ArrayList<>(printing.footer());
        if (training) {
            lines.add(caption("training"));
        }
        return lines.toArray(String[]::new);
    }
}
