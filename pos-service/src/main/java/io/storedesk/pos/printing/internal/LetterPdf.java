package io.storedesk.pos.printing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A {@link Letter} as an A4 PDF: seller top left, the title, the rows as a two-column table and the
 * paragraphs, wrapped to the page and continued on a new page when one is full. Set in the DejaVu Sans
 * face the receipt-printing library ships (embedded as a subset), so Czech, Latvian and Cyrillic print;
 * text widths from the font metrics. Stateless and thread-safe.
 */
final class LetterPdf {

    private static final String FONT = "/io/storedesk/receipt/pdf/fonts/DejaVuSansCondensed.ttf";
    private static final byte[] FONT_BYTES = load();
    private static final float MARGIN = 56f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 170f;
    private static final float BODY = 10f;
    private static final float LEADING = 14f;

    byte[] render(Letter letter) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
            try (Pages pages = new Pages(document, font)) {
                for (String line : letter.seller()) {
                    pages.line(MARGIN, line, BODY);
                }
                pages.gap(LEADING);
                pages.line(MARGIN, letter.title(), 15);
                pages.gap(6);
                for (Letter.Row row : letter.rows()) {
                    List<String> value = wrap(font, row.value() == null ? "" : row.value(), WIDTH - LABEL_WIDTH);
                    pages.need(LEADING * value.size());
                    pages.text(MARGIN, row.label(), BODY);
                    for (String part : value) {
                        pages.line(MARGIN + LABEL_WIDTH, part, BODY);
                    }
                }
                pages.gap(LEADING);
                for (String paragraph : letter.paragraphs()) {
                    for (String part : wrap(font, paragraph, WIDTH)) {
                        pages.line(MARGIN, part, BODY);
                    }
                    pages.gap(6);
                }
            }
            document.getDocumentInformation().setTitle(letter.title() + " " + letter.number());
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + letter.number() + " as PDF", e);
        }
    }

    static List<String> wrap(PDFont font, String text, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(font, candidate) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, String s) {
        try {
            return font.getStringWidth(s) / 1000 * BODY;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * BODY * 0.5f;
        }
    }

    private static byte[] load() {
        try (InputStream in = LetterPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes top to bottom, starting a new page when the next line does not fit. */
    private static final class Pages implements AutoCloseable {

        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void line(float x, String text, float size) throws IOException {
            text(x, text, size);
            y -= Math.max(LEADING, size * 1.3f);
        }

        void text(float x, String text, float size) throws IOException {
            need(LEADING);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y - size);
            content.showText(printable(text));
            content.endText();
        }

        private String printable(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    out.appendCodePoint(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
