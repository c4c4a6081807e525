package io.storedesk.receipt.pdf;

import static io.storedesk.receipt.layout.ReceiptLabel.*;

import io.storedesk.receipt.BusinessCustomer;
import io.storedesk.receipt.InfoRow;
import io.storedesk.receipt.Promotion;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptLine;
import io.storedesk.receipt.TaxRow;
import io.storedesk.receipt.Tender;
import io.storedesk.receipt.Totals;
import io.storedesk.receipt.layout.ReceiptFormat;
import io.storedesk.receipt.layout.ReceiptLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out an A4 invoice: seller and invoice number, the buyer (company and VAT id), a table of
 * lines that continues on further pages with its header repeated, promotions, totals, the tax
 * table, payments and footer, and "Page n/m" on every page.
 */
final class InvoiceLayout {

    static final float PAGE_WIDTH = A4Document.PAGE_WIDTH;
    static final float MARGIN = Units.mm(15);
    static final float BODY = 9f;
    /** Kept free above the bottom margin on every page. */
    static final float FOOTER = BODY * 2;
    private static final float RIGHT = PAGE_WIDTH - MARGIN;
    /** Right edges of the numeric columns: VAT letter, amount, discount, unit price, quantity. */
    private static final float VAT_EDGE = RIGHT;
    private static final float AMOUNT_EDGE = RIGHT - Units.mm(12);
    private static final float DISCOUNT_EDGE = AMOUNT_EDGE - Units.mm(28);
    private static final float PRICE_EDGE = DISCOUNT_EDGE - Units.mm(24);
    private static final float QUANTITY_EDGE = PRICE_EDGE - Units.mm(26);
    private static final float DESCRIPTION_WIDTH = QUANTITY_EDGE - Units.mm(20) - MARGIN;
    /**
     * Right edges when the lines carry their own tax: rate letter, gross, VAT, net, discount, unit
     * price, quantity (an invoice for a business customer shows net, VAT and gross per line).
     */
    private static final float T_GROSS_EDGE = RIGHT - Units.mm(10);
    private static final float T_TAX_EDGE = T_GROSS_EDGE - Units.mm(22);
    private static final float T_NET_EDGE = T_TAX_EDGE - Units.mm(20);
    private static final float T_DISCOUNT_EDGE = T_NET_EDGE - Units.mm(22);
    private static final float T_PRICE_EDGE = T_DISCOUNT_EDGE - Units.mm(20);
    private static final float T_QUANTITY_EDGE = T_PRICE_EDGE - Units.mm(22);
    private static final float T_DESCRIPTION_WIDTH = T_QUANTITY_EDGE - Units.mm(14) - MARGIN;

    private final Receipt receipt;
    private final ReceiptLabels labels;
    private final ReceiptFormat format;
    private final A4Document flow;
    private final boolean taxPerLine;

    InvoiceLayout(Receipt receipt, A4Document document) {
        this.receipt = receipt;
        this.taxPerLine = !receipt.lines().isEmpty() && receipt.lines().stream().allMatch(ReceiptLine::hasTax);
        this.labels = ReceiptLabels.forLocale(receipt.locale());
        this.format = ReceiptFormat.of(receipt.locale());
        this.flow = document.onNewPage(this::tableHeader);
    }

    /** Lays the invoice out on the document's pages. */
    void layOut() {
        header();
        buyer();
        tableHeader();
        receipt.lines().forEach(this::line);
        for (Promotion promotion : receipt.promotions()) {
            row(promotion.description(), format.money(promotion.amount()), false);
        }
        totals(receipt.totals());
        taxes();
        tenders();
        receipt.footerLines().forEach(line -> paragraph(line, false));
        flow.pageNumbers(labels.get(PAGE));
    }

    private void header() {
        flow.text(MARGIN, receipt.store().name(), true, 12);
        flow.rightText(RIGHT, labels.get(INVOICE), true, 16);
        flow.newLine(16);
        List<String> seller = new ArrayList<>(receipt.store().addressLines());
        if (receipt.store().vatNumber() != null) {
            seller.add(labels.get(VAT_NUMBER) + " " + receipt.store().vatNumber());
        }
        List<String> invoice = new ArrayList<>(List.of(labels.get(INVOICE_NUMBER) + " " + receipt.number(),
                labels.get(DATE) + " " + format.dateTime(receipt.issuedAt())));
        if (receipt.copy()) {
            invoice.add("*** " + labels.get(COPY) + " ***");
        }
        for (int i = 0; i < Math.max(seller.size(), invoice.size()); i++) {
            if (i < seller.size()) {
                flow.text(MARGIN, seller.get(i), false, BODY);
            }
            if (i < invoice.size()) {
                flow.rightText(RIGHT, invoice.get(i), i == 2, BODY);
            }
            flow.newLine(BODY);
        }
        for (InfoRow info : receipt.rows()) {
            paragraph(info.label() + ": " + info.value(), false);
        }
        flow.gap(BODY);
    }

    private void buyer() {
        BusinessCustomer customer = receipt.customer();
        if (customer == null) {
            return;
        }
        paragraph(labels.get(BUYER), true);
        paragraph(customer.companyName(), false);
        paragraph(labels.get(BUYER_VAT_ID) + " " + customer.vatId(), false);
        customer.addressLines().forEach(line -> paragraph(line, false));
        flow.gap(BODY);
    }

    private void tableHeader() {
        flow.need(BODY * 3);
        if (taxPerLine) {
            flow.text(MARGIN, labels.get(DESCRIPTION), true, BODY);
            flow.rightText(T_QUANTITY_EDGE, labels.get(QUANTITY), true, BODY);
            flow.rightText(T_PRICE_EDGE, labels.get(UNIT_PRICE), true, BODY);
            flow.rightText(T_DISCOUNT_EDGE, labels.get(DISCOUNT), true, BODY);
            flow.rightText(T_NET_EDGE, labels.get(NET), true, BODY);
            flow.rightText(T_TAX_EDGE, labels.get(TAX), true, BODY);
            flow.rightText(T_GROSS_EDGE, labels.get(GROSS), true, BODY);
            flow.rightText(VAT_EDGE, labels.get(TAX_RATE), true, BODY);
            flow.newLine(BODY);
            flow.rule(MARGIN, RIGHT - MARGIN);
            return;
        }
        flow.text(MARGIN, labels.get(DESCRIPTION), true, BODY);
        flow.rightText(QUANTITY_EDGE, labels.get(QUANTITY), true, BODY);
        flow.rightText(PRICE_EDGE, labels.get(UNIT_PRICE), true, BODY);
        flow.rightText(DISCOUNT_EDGE, labels.get(DISCOUNT), true, BODY);
        flow.rightText(AMOUNT_EDGE, labels.get(AMOUNT), true, BODY);
        flow.rightText(VAT_EDGE, labels.get(TAX_RATE), true, BODY);
        flow.newLine(BODY);
        flow.rule(MARGIN, RIGHT - MARGIN);
    }

    private void line(ReceiptLine line) {
        if (taxPerLine) {
            taxedLine(line);
            return;
        }
        List<String> name = flow.wrap(line.name(), DESCRIPTION_WIDTH, BODY);
        flow.need(name.size() * BODY * A4Document.LEADING);
        flow.text(MARGIN, name.get(0), false, BODY);
        flow.rightText(QUANTITY_EDGE, format.quantity(line.quantity()), false, BODY);
        flow.rightText(PRICE_EDGE, format.money(line.unitPrice()), false, BODY);
        flow.rightText(DISCOUNT_EDGE, line.hasDiscount() ? format.money(line.discount().negate()) : "", false, BODY);
        flow.rightText(AMOUNT_EDGE, format.money(line.amount()), false, BODY);
        flow.rightText(VAT_EDGE, line.taxLetter(), false, BODY);
        flow.newLine(BODY);
        for (String part : name.subList(1, name.size())) {
            flow.text(MARGIN, part, false, BODY);
            flow.newLine(BODY);
        }
    }

    private void taxedLine(ReceiptLine line) {
        List<String> name = flow.wrap(line.name(), T_DESCRIPTION_WIDTH, BODY);
        flow.need(name.size() * BODY * A4Document.LEADING);
        flow.text(MARGIN, name.get(0), false, BODY);
        flow.rightText(T_QUANTITY_EDGE, format.quantity(line.quantity()), false, BODY);
        flow.rightText(T_PRICE_EDGE, format.money(line.unitPrice()), false, BODY);
        flow.rightText(T_DISCOUNT_EDGE, line.hasDiscount() ? format.money(line.discount().negate()) : "", false, BODY);
        flow.rightText(T_NET_EDGE, format.money(line.netOfTax()), false, BODY);
        flow.rightText(T_TAX_EDGE, format.money(line.tax()), false, BODY);
        flow.rightText(T_GROSS_EDGE, format.money(line.amount()), false, BODY);
        flow.rightText(VAT_EDGE, line.taxLetter(), false, BODY);
        flow.newLine(BODY);
        for (String part : name.subList(1, name.size())) {
            flow.text(MARGIN, part, false, BODY);
            flow.newLine(BODY);
        }
    }

    private void totals(Totals totals) {
        flow.rule(MARGIN, RIGHT - MARGIN);
        if (totals == null) {
            return;
        }
        row(labels.get(SUBTOTAL), format.money(totals.subtotal()), false);
        if (totals.discountTotal().signum() != 0) {
            row(labels.get(DISCOUNT_TOTAL), format.money(totals.discountTotal()), false);
        }
        row(labels.get(TOTAL) + " " + receipt.currency().getCurrencyCode(), format.money(totals.total()), true);
        if (totals.cashRounding().signum() != 0) {
            row(labels.get(CASH_ROUNDING), format.money(totals.cashRounding()), false);
        }
        flow.gap(BODY);
    }

    private void taxes() {
        if (receipt.taxes().isEmpty()) {
            return;
        }
        flow.need(BODY * 2 * A4Document.LEADING);
        taxRow(labels.get(TAX_RATE), labels.get(NET), labels.get(TAX), labels.get(GROSS), true);
        for (TaxRow tax : receipt.taxes()) {
            taxRow(tax.letter() + " " + format.percent(tax.rate()), format.money(tax.net()), format.money(tax.tax()),
                    format.money(tax.gross()), false);
        }
        flow.gap(BODY);
    }

    private void taxRow(String rate, String net, String tax, String gross, boolean bold) {
        flow.need(BODY * A4Document.LEADING);
        flow.text(PRICE_EDGE - Units.mm(40), rate, bold, BODY);
        flow.rightText(PRICE_EDGE, net, bold, BODY);
        flow.rightText(DISCOUNT_EDGE, tax, bold, BODY);
        flow.rightText(AMOUNT_EDGE, gross, bold, BODY);
        flow.newLine(BODY);
    }

    private void tenders() {
        for (Tender tender : receipt.tenders()) {
            String details = tender.maskedPan() == null ? "" : " " + tender.maskedPan();
            details += tender.authCode() == null ? "" : " (" + labels.get(AUTH_CODE) + " " + tender.authCode() + ")";
            row(tender.label() + details, format.money(tender.amount()), false);
        }
        if (receipt.totals() != null && !receipt.tenders().isEmpty()) {
            row(labels.get(TOTAL_PAID), format.money(receipt.totals().totalPaid()), false);
        }
        if (receipt.hasChange()) {
            row(labels.get(CHANGE), format.money(receipt.change()), false);
        }
        flow.gap(BODY);
    }

    private void row(String label, String amount, boolean bold) {
        flow.need(BODY * A4Document.LEADING);
        flow.text(PRICE_EDGE - Units.mm(40), label, bold, BODY);
        flow.rightText(AMOUNT_EDGE, amount, bold, BODY);
        flow.newLine(BODY);
    }

    private void paragraph(String text, boolean bold) {
        for (String part : flow.wrap(text, RIGHT - MARGIN, BODY)) {
            flow.need(BODY * A4Document.LEADING);
            flow.text(MARGIN, part, bold, BODY);
            flow.newLine(BODY);
        }
    }
}
