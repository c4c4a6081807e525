package io.storedesk.receipt.pdf;

import io.storedesk.receipt.text.Transliterator;
import java.io.IOException;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font of one document: the library's face embedded as a subset, text fitting to what the font
 * can draw, and text widths from the font metrics. Bold uses the same face (and the same advance
 * widths); the painter thickens it with an outline stroke.
 */
final class PdfFonts {

    private final FontLibrary library;
    private final PDType0Font font;

    PdfFonts(PDDocument document, FontLibrary library, TrueTypeFont face) throws IOException {
        this.library = library;
        this.font = PDType0Font.load(document, face, true);
    }

    PDFont font() {
        return font;
    }

    /** The text with every character the fonts lack transliterated. */
    String fit(String text) {
        return Transliterator.fit(text, library::covers);
    }

    /**
     * Width in points of fitted text from the font metrics, {@code getStringWidth(s) / 1000 * size},
     * summed from the library's per-character advance widths (no kerning, as PDFBox draws none).
     */
    float width(String text, float size) {
        float thousandths = 0;
        for (int i = 0; i < text.length(); i++) {
            thousandths += library.width(text.charAt(i));
        }
        return thousandths / 1000f * size;
    }
}
