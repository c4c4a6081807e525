package io.storedesk.receipt.pdf;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Paints measured {@link DrawOp}s onto a new page: all text in one text object, all boxes in one
 * fill, coloured bars, rules with a thin stroke. Bold text is the regular face filled and outlined with a stroke of
 * 5 % of the font size (text rendering mode 2), which prints as a solid bold on paper and screen.
 * Turns top-down positions into PDF's bottom-up coordinates.
 */
final class PdfPainter {

    private static final float BOLD_STROKE = 0.05f;

    private PdfPainter() {
    }

    static void paint(PDDocument document, PdfFonts fonts, PDRectangle size, List<DrawOp> ops) throws IOException {
        PDPage page = new PDPage(size);
        document.addPage(page);
        float height = size.getHeight();
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            PDFont font = fonts.font();
            float currentSize = 0;
            boolean bold = false;
            for (DrawOp op : ops) {
                if (op instanceof DrawOp.Text text) {
                    if (text.size() != currentSize) {
                        content.setFont(font, text.size());
                        content.setLineWidth(text.size() * BOLD_STROKE);
                        currentSize = text.size();
                    }
                    if (text.bold() != bold) {
                        content.setRenderingMode(text.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                        bold = text.bold();
                    }
                    content.setTextMatrix(Matrix.getTranslateInstance(text.x(), height - text.baseline()));
                    content.showText(text.text());
                }
            }
            content.endText();
            boolean boxes = false;
            for (DrawOp op : ops) {
                if (op instanceof DrawOp.Box box) {
                    content.addRect(box.x(), height - box.top() - box.height(), box.width(), box.height());
                    boxes = true;
                }
            }
            if (boxes) {
                content.fill();
            }
            for (DrawOp op : ops) {
                if (op instanceof DrawOp.Bar bar) {
                    content.setNonStrokingColor(new Color(bar.rgb()));
                    content.addRect(bar.x(), height - bar.top() - bar.height(), bar.width(), bar.height());
                    content.fill();
                }
            }
            content.setLineWidth(0.5f);
            for (DrawOp op : ops) {
                if (op instanceof DrawOp.Rule rule) {
                    content.setLineDashPattern(rule.dashed() ? new float[] {2f, 1.5f} : new float[0], 0);
                    content.moveTo(rule.x(), height - rule.y());
                    content.lineTo(rule.x() + rule.width(), height - rule.y());
                    content.stroke();
                }
            }
        }
    }
}
