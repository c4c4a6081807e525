package io.storedesk.receipt.layout;

import static io.storedesk.receipt.layout.ReceiptLabel.*;

import io.storedesk.receipt.BusinessCustomer;
import io.storedesk.receipt.InfoRow;
import io.storedesk.receipt.LoyaltyPoints;
import io.storedesk.receipt.Promotion;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptLine;
import io.storedesk.receipt.TaxRow;
import io.storedesk.receipt.Tender;
import io.storedesk.receipt.Totals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a roll receipt shows, in order, as {@link Block}s: header, item lines, promotions,
 * totals, tenders, tax table, loyalty, footer and codes. A gift receipt keeps names, quantities,
 * footer and barcode but shows no price, total, tender, tax or points; a copy is framed by "COPY"
 * banners at top and bottom. Both the PDF and the ESC/POS renderer print exactly these blocks, so the
 * two always agree on content.
 */
public final class ReceiptComposer {

    private final Receipt receipt;
    private final ReceiptLabels labels;
    private final ReceiptFormat format;
    private final List<Block> blocks = new ArrayList<>(96);

    private ReceiptComposer(Receipt receipt) {
        this.receipt = receipt;
        this.labels = ReceiptLabels.forLocale(receipt.locale());
        this.format = ReceiptFormat.of(receipt.locale());
    }

    /** The blocks of a roll receipt for this document. */
    public static List<Block> compose(Receipt receipt) {
        return new ReceiptComposer(receipt).all();
    }

    private List<Block> all() {
        if (receipt.copy()) {
            blocks.add(new Block.Banner(labels.get(COPY)));
        }
        header();
        items();
        if (!receipt.gift()) {
            payment();
            taxes();
            loyalty(receipt.loyalty());
        }
        footer();
        if (receipt.copy()) {
            blocks.add(new Block.Banner(labels.get(COPY)));
        }
        return blocks;
    }

    private void header() {
        blocks.add(new Block.Text(receipt.store().name(), Align.CENTER, TextStyle.LARGE));
        receipt.store().addressLines().forEach(line -> blocks.add(new Block.Text(line, Align.CENTER, TextStyle.NORMAL)));
        if (receipt.store().vatNumber() != null) {
            text(labels.get(VAT_NUMBER) + " " + receipt.store().vatNumber(), Align.CENTER);
        }
        blocks.add(new Block.Space());
        String title = receipt.gift() ? labels.get(GIFT) : labels.title(receipt.kind());
        blocks.add(new Block.Text(title, Align.CENTER, TextStyle.BOLD));
        row(labels.get(receipt.kind().isReport() ? DOCUMENT_NUMBER : NUMBER), receipt.number());
        row(labels.get(DATE), format.dateTime(receipt.issuedAt()));
        if (!receipt.registerId().isBlank()) {
            row(labels.get(REGISTER), receipt.registerId());
        }
        if (!receipt.clerk().isBlank()) {
            row(labels.get(CLERK), receipt.clerk());
        }
        BusinessCustomer customer = receipt.customer();
        if (customer != null) {
            row(labels.get(BUYER), customer.companyName());
            row(labels.get(BUYER_VAT_ID), customer.vatId());
            customer.addressLines().forEach(line -> text(line, Align.LEFT));
        }
        for (InfoRow info : receipt.rows()) {
            row(info.label(), info.value());
        }
    }

    private void items() {
        if (receipt.lines().isEmpty()) {
            return;
        }
        blocks.add(new Block.Rule());
        for (ReceiptLine line : receipt.lines()) {
            if (receipt.gift()) {
                row(line.name(), labels.get(QUANTITY) + " " + format.quantity(line.quantity()));
                continue;
            }
            String amount = (format.money(line.amount()) + " " + line.taxLetter()).trim();
            if (line.quantity().compareTo(BigDecimal.ONE) == 0 && !line.hasDiscount()) {
                row(line.name(), amount);
                continue;
            }
            text(line.name(), Align.LEFT);
            row("  " + format.quantity(line.quantity()) + " x " + format.money(line.unitPrice()), amount);
            if (line.hasDiscount()) {
                row("  " + labels.get(DISCOUNT), format.money(line.discount().negate()));
            }
        }
        for (Promotion promotion : receipt.gift() ? List.<Promotion>of() : receipt.promotions()) {
            row(promotion.description(), format.money(promotion.amount()));
        }
    }

    private void payment() {
        Totals totals = receipt.totals();
        if (totals != null) {
            blocks.add(new Block.Rule());
            row(labels.get(SUBTOTAL), format.money(totals.subtotal()));
            if (totals.discountTotal().signum() != 0) {
                row(labels.get(DISCOUNT_TOTAL), format.money(totals.discountTotal()));
            }
            String total = labels.get(TOTAL) + " " + receipt.currency().getCurrencyCode();
            blocks.add(new Block.Row(List.of(total, format.money(totals.total())), TextStyle.LARGE));
            if (totals.cashRounding().signum() != 0) {
                row(labels.get(CASH_ROUNDING), format.money(totals.cashRounding()));
            }
        }
        for (Tender tender : receipt.tenders()) {
            row(tender.label(), format.money(tender.amount()));
            if (tender.maskedPan() != null) {
                text("  " + labels.get(CARD) + " " + tender.maskedPan(), Align.LEFT);
            }
            if (tender.authCode() != null) {
                text("  " + labels.get(AUTH_CODE) + " " + tender.authCode(), Align.LEFT);
            }
        }
        if (totals != null && !receipt.tenders().isEmpty()) {
            row(labels.get(TOTAL_PAID), format.money(totals.totalPaid()));
        }
        if (receipt.hasChange()) {
            blocks.add(new Block.Row(List.of(labels.get(CHANGE), format.money(receipt.change())), TextStyle.BOLD));
        }
    }

    private void taxes() {
        if (receipt.taxes().isEmpty()) {
            return;
        }
        blocks.add(new Block.Rule());
        blocks.add(new Block.Row(List.of(labels.get(TAX_RATE), labels.get(NET), labels.get(TAX), labels.get(GROSS)),
                TextStyle.BOLD));
        for (TaxRow tax : receipt.taxes()) {
            blocks.add(new Block.Row(List.of(tax.letter() + " " + format.percent(tax.rate()), format.money(tax.net()),
                    format.money(tax.tax()), format.money(tax.gross())), TextStyle.NORMAL));
        }
    }

    private void loyalty(LoyaltyPoints points) {
        if (points == null) {
            return;
        }
        blocks.add(new Block.Rule());
        row(labels.get(POINTS_EARNED), format.quantity(BigDecimal.valueOf(points.earned())));
        row(labels.get(POINTS_BALANCE), format.quantity(BigDecimal.valueOf(points.balance())));
    }

    private void footer() {
        if (!receipt.footerLines().isEmpty()) {
            blocks.add(new Block.Space());
            receipt.footerLines().forEach(line -> text(line, Align.CENTER));
        }
        blocks.add(new Block.Space());
        blocks.add(new Block.Barcode(receipt.barcode()));
        if (receipt.qrPayload() != null) {
            blocks.add(new Block.QrCode(receipt.qrPayload()));
        }
    }

    private void row(String label, String value) {
        blocks.add(new Block.Row(List.of(label, value), TextStyle.NORMAL));
    }

    private void text(String text, Align align) {
        blocks.add(new Block.Text(text, align, TextStyle.NORMAL));
    }
}
