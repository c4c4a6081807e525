package io.storedesk.pos.report.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes A4 pages top to bottom: headings, label/value rows, tables and horizontal bar charts,
 * starting a new page when one is full. Text is set in the embedded DejaVu Sans face that the
 * receipt-printing library ships (read from the classpath, embedded as a subset), so Latvian,
 * Czech and Cyrillic names print; a character the face lacks prints as '?'. Not thread-safe:
 * one per document.
 */
final class PdfReportPage implements AutoCloseable {

    static final String FONT = "/io/storedesk/receipt/pdf/fonts/DejaVuSansCondensed.ttf";
    private static final float MARGIN = 50f;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 9.5f;
    private static final float LEADING = 13f;
    private static final Color BAR = new Color(0x2E, 0x6D, 0xB4);
    private static final byte[] FONT_BYTES = load();

    private final PDDocument document;
    private final PDFont font;
    private PDPageContentStream content;
    private float y;

    PdfReportPage(PDDocument document) throws IOException {
        this.document = document;
        this.font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
        newPage();
    }

    private static byte[] load() {
        try (InputStream in = PdfReportPage.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + FONT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void title(String text, String subtitle) throws IOException {
        text(MARGIN, y - 16, text, 16);
        text(MARGIN, y - 32, subtitle, BODY);
        y -= 44;
    }

    void heading(String text) throws IOException {
        need(LEADING * 3);
        y -= 8;
        text(MARGIN, y - 12, text, 12);
        content.setStrokingColor(Color.GRAY);
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y - 15);
        content.lineTo(MARGIN + WIDTH, y - 15);
        content.stroke();
        y -= 20;
    }

    /** A label on the left and its value aligned to the right. */
    void row(String label, String value) throws IOException {
        table(new float[] {0.7f, 0.3f}, List.of(List.of(label, value)), false);
    }

    /** One row per entry: the key (after a prefix) and its value. */
    void rows(String prefix, Map<String, String> values) throws IOException {
        for (Map.Entry<String, String> e : values.entrySet()) {
            row(prefix + e.getKey(), e.getValue());
        }
    }

    /** Plain text lines, wrapped at the page width. */
    void line(String text) throws IOException {
        need(LEADING);
        text(MARGIN, y - BODY, fit(text, WIDTH, BODY), BODY);
        y -= LEADING;
    }

    /**
     * Rows of cells in columns whose widths are fractions of the page width; the first column is
     * left-aligned, the others right-aligned (figures). With {@code header} the first row is the header.
     */
    void table(float[] columns, List<List<String>> rows, boolean header) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            need(LEADING);
            float x = MARGIN;
            List<String> cells = rows.get(r);
            for (int c = 0; c < columns.length && c < cells.size(); c++) {
                float w = columns[c] * WIDTH;
                String cell = fit(cells.get(c) == null ? "" : cells.get(c), w - 4, BODY);
                float tx = c == 0 ? x : x + w - width(cell, BODY);
                text(tx, y - BODY, cell, BODY);
                x += w;
            }
            if (header && r == 0) {
                content.setStrokingColor(Color.LIGHT_GRAY);
                content.moveTo(MARGIN, y - LEADING + 2);
                content.lineTo(MARGIN + WIDTH, y - LEADING + 2);
                content.stroke();
            }
            y -= LEADING;
        }
    }

    /**
     * A horizontal bar chart: one bar per entry, its length proportional to the value (the
     * largest fills the bar area), the label left of it and the value right of it. Negative
     * values draw no bar.
     */
    void barChart(String caption, Map<String, String> values) throws IOException {
        barChart(caption, values, v -> v, "(none)");
    }

    /** A bar chart whose values are shown through {@code shown} (e.g. amounts in the store's format). */
    void barChart(String caption, Map<String, String> values, java.util.function.UnaryOperator<String> shown,
            String none) throws IOException {
        float barHeight = 11f;
        float gap = 4f;
        need(LEADING + barHeight + gap);
        text(MARGIN, y - BODY, caption, BODY);
        y -= LEADING + 2;
        if (values.isEmpty()) {
            line(none);
            return;
        }
        BigDecimal max = values.values().stream().map(BigDecimal::new).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        float labelWidth = 110f;
        float valueWidth = 70f;
        float area = WIDTH - labelWidth - valueWidth;
        for (Map.Entry<String, String> e : values.entrySet()) {
            need(barHeight + gap);
            BigDecimal v = new BigDecimal(e.getValue());
            float length = max.signum() <= 0 || v.signum() <= 0 ? 0f
                    : v.divide(max, 6, java.math.RoundingMode.HALF_UP).floatValue() * area;
            text(MARGIN, y - barHeight + 2, fit(e.getKey(), labelWidth - 6, BODY), BODY);
            if (length > 0) {
                content.setNonStrokingColor(BAR);
                content.addRect(MARGIN + labelWidth, y - barHeight, Math.max(length, 1f), barHeight);
                content.fill();
                content.setNonStrokingColor(Color.BLACK);
            }
            text(MARGIN + labelWidth + length + 4, y - barHeight + 2, shown.apply(e.getValue()), BODY);
            y -= barHeight + gap;
        }
        y -= gap;
    }

    private void text(float x, float baseline, String text, float size) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text));
        content.endText();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000f * size;
    }

    private String fit(String text, float maxWidth, float size) throws IOException {
        String s = safe(text);
        if (width(s, size) <= maxWidth) {
            return s;
        }
        while (s.length() > 1 && width(s + "…", size) > maxWidth) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** The text with every character the face cannot draw replaced by '?'. */
    private String safe(String text) {
        try {
            font.encode(text);
            return text;
        } catch (IllegalArgumentException | IOException e) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    out.append(c);
                } catch (IllegalArgumentException | IOException ex) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
