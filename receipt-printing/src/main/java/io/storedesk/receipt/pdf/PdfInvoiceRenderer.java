package io.storedesk.receipt.pdf;

import io.storedesk.receipt.Receipt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders a receipt as an A4 invoice: seller, invoice number and date, the business buyer (company
 * name and VAT id) when the receipt has one, a table of lines over as many pages as needed, totals,
 * tax table and payments. Gift receipts have no prices and cannot be invoices. Instances are
 * stateless and thread-safe.
 */
public final class PdfInvoiceRenderer {

    private final FontLibrary fontLibrary = FontLibrary.shared();

    /** The PDF document bytes. */
    public byte[] render(Receipt receipt) {
        if (receipt.gift()) {
            throw new IllegalArgumentException("A gift receipt has no prices and cannot be rendered as an invoice");
        }
        try {
            return renderPdf(receipt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render invoice " + receipt.number() + " as PDF", e);
        }
    }

    private byte[] renderPdf(Receipt receipt) throws IOException {
        TrueTypeFont face = fontLibrary.borrow();
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document, fontLibrary, face);
            List<List<DrawOp>> pages = new InvoiceLayout(receipt, fonts).pages();
            PDRectangle a4 = new PDRectangle(InvoiceLayout.PAGE_WIDTH, InvoiceLayout.PAGE_HEIGHT);
            for (List<DrawOp> page : pages) {
                PdfPainter.paint(document, fonts, a4, page);
            }
            document.getDocumentInformation().setTitle(receipt.number());
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } finally {
            fontLibrary.release(face);
        }
    }
}
