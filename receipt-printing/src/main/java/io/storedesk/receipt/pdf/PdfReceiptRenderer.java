package io.storedesk.receipt.pdf;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.layout.Block;
import io.storedesk.receipt.layout.ReceiptComposer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders a receipt as a one-page PDF the width of a thermal roll (80 or 58 mm) and exactly as tall
 * as its content, with 3 mm margins: the layout is measured first, then drawn. Text uses the
 * embedded Unicode fonts, so Latvian, Czech and Cyrillic text comes out as typed. Instances are
 * immutable and thread-safe.
 */
public final class PdfReceiptRenderer {

    private static final float MARGIN_MM = 3f;

    private final PaperWidth paper;
    private final FontLibrary fontLibrary = FontLibrary.shared();

    public PdfReceiptRenderer(PaperWidth paper) {
        this.paper = Objects.requireNonNull(paper, "paper");
    }

    /** The PDF document bytes. */
    public byte[] render(Receipt receipt) {
        try {
            return renderPdf(receipt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render receipt " + receipt.number() + " as PDF", e);
        }
    }

    private byte[] renderPdf(Receipt receipt) throws IOException {
        float pageWidth = Units.mm(paper.millimetres());
        float margin = Units.mm(MARGIN_MM);
        TrueTypeFont face = fontLibrary.borrow();
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(document, fontLibrary, face);
            RollLayout layout = new RollLayout(fonts, margin, pageWidth - 2 * margin);
            for (Block block : ReceiptComposer.compose(receipt)) {
                layout.add(block);
            }
            PDRectangle size = new PDRectangle(pageWidth, layout.bottom() + margin);
            PdfPainter.paint(document, fonts, size, layout.ops());
            document.getDocumentInformation().setTitle(receipt.number());
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } finally {
            fontLibrary.release(face);
        }
    }
}
