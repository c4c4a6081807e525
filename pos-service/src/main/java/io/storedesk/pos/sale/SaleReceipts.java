package io.storedesk.pos.sale;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.printing.documents.DocumentWords;
import io.storedesk.pos.printing.documents.PrintingProperties;
import io.storedesk.receipt.DocumentKind;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import io.storedesk.receipt.StoreHeader;
import io.storedesk.receipt.TaxRow;
import io.storedesk.receipt.Tender;
import io.storedesk.receipt.Totals;
import io.storedesk.receipt.layout.ReceiptFormat;
import org.springframework.stereotype.Component;

/**
 * Builds the printable receipt of a sale (the receipt library's neutral model): store header, lines, tax
 * table, tenders, barcode. The printing module prints, mails and serves it; the sale module's invoice is
 * laid out from it.
 */
@Component
public class SaleReceipts {

    private final StoreProperties store;
    private final PrintingProperties printing;
    private final TaxExemptionWording exemptions;
    private final DocumentWords words;

    SaleReceipts(StoreProperties store, PrintingProperties printing, TaxExemptionWording exemptions,
            DocumentWords words) {
        this.store = store;
        this.printing = printing;
        this.exemptions = exemptions;
        this.words = words;
    }

    /** The tender's name in the store's language (UTF-8 bundle printing/tenders*.properties). */
    private String tenderLabel(String type) {
        return words.tender(type);
    }

    /** A caption in the store's language (UTF-8 bundle printing/captions*.properties), {0} filled in. */
    private String caption(String key, String value) {
        return label(key, key + " {0}").replace("{0}", value);
    }

    private String label(String key, String otherwise) {
        return words.captionOr(key, otherwise);
    }

    /** Price overrides and manual discounts as rows below the lines: "Price override: was 12.99  -2.00". */
    private void manualDiscounts(SaleView sale, ReceiptBuilder b) {
        ReceiptFormat format = words.format();
        for (SaleView.Discount d : sale.discounts()) {
            String reason = label("reason." + d.reason(), d.reason());
            String text = switch (d.kind()) {
                case "OVERRIDE" -> caption("priceOverride", format.money(new BigDecimal(d.wasPrice())));
                case "LINE" -> caption("manualDiscount", reason);
                default -> caption("transactionDiscount", reason);
            };
            if (d.percent() != null) {
                text += " " + format.percent(new BigDecimal(d.percent()));
            }
            b.promotion(d.kind().equals("TRANSACTION") ? text : "#" + d.lineNo() + " " + text,
                    new BigDecimal(d.amount()).negate());
        }
    }

    /** Whether the sale is a training one (ADR 0005): its number is {@code TRN-...}, its status TRAINING. */
    static boolean training(SaleView sale) {
        return sale.receiptNumber().startsWith(TrainingTill.PREFIX);
    }

    public Receipt of(SaleView sale, boolean copy, boolean gift) {
        boolean training = training(sale);
        List<String> header = new ArrayList<>();
        if (training) { // "TRAINING - NOT A RECEIPT" first under the store's name and last in the footer
            header.add(label("training", "TRAINING - NOT A RECEIPT"));
        }
        Arrays.stream(store.address().split(",\\s*")).filter(s -> !s.isBlank()).forEach(header::add);
        ReceiptBuilder b = Receipt.builder()
                .store(new StoreHeader(store.name(), header, store.vatNumber()))
                .register(sale.registerId())
                .clerk(sale.clerk())
                .issuedAt(ZonedDateTime.ofInstant(sale.completedAt().toInstant(), store.zone()))
                .number(sale.receiptNumber())
                .kind(DocumentKind.SALE)
                .copy(copy)
                .gift(gift)
                .currency(Currency.getInstance(sale.currency()))
                .locale(store.locale())
                .barcode(sale.receiptNumber());
        for (SaleView.Line l : sale.lines()) { // a gift card sold or reloaded: named in the receipt's language, masked
            String name = l.giftCard() == null ? l.name() : caption("ACTIVATE".equals(l.giftCard().kind())
                    ? "giftCardSold" : "giftCardReloaded", l.giftCard().number());
            b.line(name, BigDecimal.valueOf(l.quantity()), new BigDecimal(l.unitPrice()),
                    new BigDecimal(l.discount()), new BigDecimal(l.net()), l.taxLetter());
        }
        sale.promotions().forEach(p -> b.promotion(p.description(), new BigDecimal(p.amount()).negate()));
        if (sale.discounts() != null) {
            manualDiscounts(sale, b);
        }
        SaleView.TaxExemption exempt = sale.taxExemption();
        if (exempt != null) { // the tax not charged as a row below the lines, the legal wording above the footer
            b.promotion(caption("taxNotCharged", label("taxExemptReason." + exempt.reason(), exempt.reason())),
                    new BigDecimal(exempt.taxNotCharged()).negate());
        }
        sale.taxes().forEach(t -> b.tax(new TaxRow(t.letter(), new BigDecimal(t.rate()), new BigDecimal(t.net()),
                new BigDecimal(t.tax()), new BigDecimal(t.gross()))));
        BigDecimal total = new BigDecimal(sale.total());
        b.totals(new Totals(new BigDecimal(sale.subtotal()), new BigDecimal(sale.discountTotal()), total,
                new BigDecimal(sale.cashRounding()), new BigDecimal(sale.totalPaid())));
        for (SaleView.Tender t : sale.tenders()) {
            BigDecimal handed = t.tendered() != null ? new BigDecimal(t.tendered()) : new BigDecimal(t.amount());
            b.tender(new Tender(tenderLabel(t.type()), handed, t.maskedPan(), t.authCode()));
        }
        b.change(new BigDecimal(sale.change()));
        List<String> footer = new ArrayList<>();
        for (SaleView.Tender t : sale.tenders()) { // a gift card: what is left on it (issue 26), its number masked
            if (t.balanceAfter() != null) {
                footer.add(caption("giftCardBalance", t.maskedPan() + " " + t.balanceAfter() + " " + sale.currency()));
            }
        }
        for (SaleView.Line l : sale.lines()) { // a gift card sold or reloaded: its balance at head office
            if (l.giftCard() != null && l.giftCard().balance() != null) {
                footer.add(caption("giftCardBalance", l.giftCard().number() + " " + l.giftCard().balance() + " "
                        + sale.currency()));
            }
        }
        if (exempt != null) {
            footer.add(exemptions.wording(exempt.reason(), store.locale()));
            footer.add(caption("taxExemptDocument", exempt.document()));
            if (exempt.lineNos().size() < sale.lines().size()) { // some lines only: which (letter E above)
                footer.add(caption("taxExemptLines", exempt.lineNos().stream().map(n -> "#" + n)
                        .collect(java.util.stream.Collectors.joining(", "))));
            }
        }
        footer.addAll(printing.footer());
        if (training) {
            footer.add(label("training", "TRAINING - NOT A RECEIPT"));
        }
        b.footer(footer.toArray(String[]::new));
        return b.build();
    }
}
