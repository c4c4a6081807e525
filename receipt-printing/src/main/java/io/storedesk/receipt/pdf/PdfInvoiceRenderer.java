package io.storedesk.receipt.pdf;

import io.storedesk.receipt.Receipt;

/**
 * Renders a receipt as an A4 invoice: seller, invoice number and date, the business buyer (company
 * name and VAT id) when the receipt has one, a table of lines over as many pages as needed, totals,
 * tax table and payments, laid out on an {@link A4Document}. Gift receipts have no prices and
 * cannot be invoices. Instances are stateless and thread-safe.
 */
public final class PdfInvoiceRenderer {

    /** The PDF document bytes. */
    public byte[] render(Receipt receipt) {
        if (receipt.gift()) {
            throw new IllegalArgumentException("A gift receipt has no prices and cannot be rendered as an invoice");
        }
        try (A4Document document = new A4Document(InvoiceLayout.MARGIN, InvoiceLayout.BODY,
                InvoiceLayout.BODY * A4Document.LEADING, InvoiceLayout.FOOTER)) {
            new InvoiceLayout(receipt, document).layOut();
            return document.toPdf(receipt.number());
        }
    }
}
