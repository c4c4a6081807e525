package io.storedesk.receipt.pdf;

import io.storedesk.receipt.layout.LineBreaker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The one way to write an A4 PDF: invoices, reports and letters all lay out their pages here. Text is
 * set in the library's embedded font (DejaVu Sans Condensed, subset into the document), so Latvian,
 * Czech and Russian print as typed; a character the font lacks is transliterated, never dropped.
 *
 * <p>The document writes top to bottom. A current line position moves down as text is added and a new
 * page starts when {@link #need} finds that the next piece does not fit above the bottom margin.
 * Positions across the page ({@code x}, {@code right}) are in points from the left edge of the page
 * ({@link #mm} converts millimetres); vertical positions are managed by the document.
 *
 * <p>Two levels:
 * <ul>
 * <li>building blocks for a layout of its own (the invoice): {@link #text}, {@link #rightText},
 * {@link #newLine}, {@link #gap}, {@link #need}, {@link #rule}, {@link #wrap}, {@link #textWidth},
 * {@link #onNewPage} (e.g. to repeat a table header) and {@link #pageNumbers};</li>
 * <li>ready-made pieces in the document's body size and leading: {@link #title}, {@link #heading},
 * {@link #line} (wrapped), {@link #row} (label and right-aligned figure), {@link #field} (label and a
 * wrapped value in a second column), {@link #table} (the first column left, the others right-aligned
 * figures) and {@link #barChart} (horizontal bars).</li>
 * </ul>
 * Finish with {@link #toPdf}, then {@link #close} (try-with-resources). Not thread-safe: one per document.
 */
public final class A4Document implements AutoCloseable {

    public static final float PAGE_WIDTH = Units.mm(210);
    public static final float PAGE_HEIGHT = Units.mm(297);
    /** Line height of {@link #newLine} as a multiple of the font size. */
    public static final float LEADING = 1.3f;
    private static final int BAR_COLOUR = 0x2E6DB4;
    private static final float TITLE_SIZE = 16f;
    private static final float HEADING_SIZE = 12f;

    private final FontLibrary library = FontLibrary.shared();
    private final TrueTypeFont face;
    private final PDDocument document;
    private final PdfFonts fonts;
    private final float margin;
    private final float body;
    private final float leading;
    private final float bottom;
    private final List<List<DrawOp>> pages = new ArrayList<>();
    private Runnable onNewPage = () -> { };
    private List<DrawOp> ops;
    private float y;

    /**
     * A document with the same {@code margin} on all four sides, whose ready-made pieces use
     * {@code bodySize} text on lines {@code leading} points apart.
     */
    public A4Document(float margin, float bodySize, float leading) {
        this(margin, bodySize, leading, 0);
    }

    /** As {@link #A4Document(float, float, float)}, keeping {@code footer} points free above the bottom margin. */
    public A4Document(float margin, float bodySize, float leading, float footer) {
        this.margin = margin;
        this.body = bodySize;
        this.leading = leading;
        this.bottom = PAGE_HEIGHT - margin - footer;
        try {
            this.face = library.borrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the embedded fonts", e);
        }
        this.document = new PDDocument();
        try {
            this.fonts = new PdfFonts(document, library, face);
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException("Cannot embed the fonts", io)
                    : (RuntimeException) e;
        }
        startPage();
    }

    /** Points for a length in millimetres. */
    public static float mm(float millimetres) {
        return Units.mm(millimetres);
    }

    /** The left margin. */
    public float left() {
        return margin;
    }

    /** The right margin's position from the left edge. */
    public float right() {
        return PAGE_WIDTH - margin;
    }

    /** The width between the margins. */
    public float width() {
        return PAGE_WIDTH - 2 * margin;
    }

    /** Pages started so far. */
    public int pageCount() {
        return pages.size();
    }

    // ---- building blocks

    /** Runs at the top of every page after the first (e.g. to repeat a table header). */
    public A4Document onNewPage(Runnable action) {
        this.onNewPage = action;
        return this;
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    public void need(float height) {
        if (y + height > bottom) {
            startPage();
            onNewPage.run();
        }
    }

    /** Text starting at {@code x} on the current line; does not move down. */
    public void text(float x, String text, boolean bold, float size) {
        String fitted = fonts.fit(text);
        if (!fitted.isEmpty()) {
            ops.add(new DrawOp.Text(x, y + size, bold, size, fitted));
        }
    }

    /** Text ending at {@code right} on the current line (figures in a column); does not move down. */
    public void rightText(float right, String text, boolean bold, float size) {
        String fitted = fonts.fit(text);
        if (!fitted.isEmpty()) {
            ops.add(new DrawOp.Text(right - fonts.width(fitted, size), y + size, bold, size, fitted));
        }
    }

    /** Moves down one line of the given font size ({@link #LEADING} times the size). */
    public void newLine(float size) {
        y += size * LEADING;
    }

    /** Moves down {@code points}. */
    public void gap(float points) {
        y += points;
    }

    /** A thin line from {@code x}, {@code width} long, just below the current line; moves down 4 points. */
    public void rule(float x, float width) {
        ops.add(new DrawOp.Rule(x, y + 2, width, false));
        y += 4;
    }

    /** A filled bar of the charts' colour from {@code x} on the current line; does not move down. */
    public void bar(float x, float width, float height) {
        ops.add(new DrawOp.Bar(x, y, width, height, BAR_COLOUR));
    }

    /** Width in points of the text as it will print (after transliteration). */
    public float textWidth(String text, float size) {
        return fonts.width(fonts.fit(text), size);
    }

    /**
     * The text as printable lines of at most {@code width} points: broken at line breaks, then
     * between words (a word longer than a line is split), never cut off.
     */
    public List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>(2);
        for (String paragraph : fonts.fit(text == null ? "" : text).split("\n", -1)) {
            lines.addAll(LineBreaker.wrap(paragraph, width, s -> fonts.width(s, size)));
        }
        return lines;
    }

    /** The text shortened with "…" to at most {@code width} points, for a table cell. */
    public String ellipsize(String text, float width, float size) {
        String s = fonts.fit(text == null ? "" : text);
        if (fonts.width(s, size) <= width) {
            return s;
        }
        while (s.length() > 1 && fonts.width(s + "…", size) > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /**
     * "{@code label} n/m" on every page, in the bottom margin towards the right; call once all
     * content is laid out.
     */
    public void pageNumbers(String label) {
        int count = pages.size();
        for (int i = 0; i < count; i++) {
            pages.get(i).add(new DrawOp.Text(right() - Units.mm(20), PAGE_HEIGHT - margin + body, false, body - 1,
                    fonts.fit(label + " " + (i + 1) + "/" + count)));
        }
    }

    // ---- ready-made pieces in the body size

    /** A large title and, unless null, a subtitle line under it. */
    public void title(String text, String subtitle) {
        need(TITLE_SIZE * 2);
        text(left(), text, true, TITLE_SIZE);
        gap(22);
        if (subtitle != null) {
            text(left(), subtitle, false, body);
            gap(22);
        }
    }

    /** A section heading underlined across the page, kept with at least two lines after it. */
    public void heading(String text) {
        need(leading * 3);
        gap(8);
        text(left(), text, true, HEADING_SIZE);
        ops.add(new DrawOp.Rule(left(), y + 15, width(), false));
        gap(20);
    }

    /** Text across the page, wrapped at the right margin. */
    public void line(String text) {
        for (String part : wrap(text, width(), body)) {
            need(leading);
            text(left(), part, false, body);
            gap(leading);
        }
    }

    /** A label on the left and its value (a figure) aligned to the right margin. */
    public void row(String label, String value) {
        table(new float[] {0.7f, 0.3f}, List.of(List.of(label, value == null ? "" : value)), false);
    }

    /** A label and its value in a second column {@code labelWidth} points from the left margin, wrapped there. */
    public void field(String label, String value, float labelWidth) {
        List<String> parts = wrap(value, width() - labelWidth, body);
        need(leading * parts.size());
        text(left(), label, false, body);
        for (String part : parts) {
            need(leading);
            text(left() + labelWidth, part, false, body);
            gap(leading);
        }
    }

    /**
     * Rows of cells in columns whose widths are fractions of the page width: the first column
     * left-aligned, the others right-aligned (figures); a cell too wide for its column is shortened
     * with "…". With {@code header} the first row is a bold header, underlined.
     */
    public void table(float[] columns, List<List<String>> rows, boolean header) {
        for (int r = 0; r < rows.size(); r++) {
            need(leading);
            boolean bold = header && r == 0;
            float x = left();
            List<String> cells = rows.get(r);
            for (int c = 0; c < columns.length && c < cells.size(); c++) {
                float w = columns[c] * width();
                String cell = ellipsize(cells.get(c), w - 4, body);
                if (c == 0) {
                    text(x, cell, bold, body);
                } else {
                    rightText(x + w, cell, bold, body);
                }
                x += w;
            }
            if (bold) {
                ops.add(new DrawOp.Rule(left(), y + leading - 2, width(), false));
            }
            gap(leading);
        }
    }

    /**
     * A horizontal bar chart under a caption: one bar per entry, its length proportional to the value
     * (the largest fills the bar area), the label left of it and the value, as {@code shown} writes it,
     * right of it. Values are decimal numbers written as {@link BigDecimal} reads them; zero and
     * negative values draw no bar. With no entries the chart is the line {@code none}.
     */
    public void barChart(String caption, Map<String, String> values, UnaryOperator<String> shown, String none) {
        float barHeight = 11f;
        float barGap = 4f;
        need(leading + barHeight + barGap);
        text(left(), caption, false, body);
        gap(leading + 2);
        if (values.isEmpty()) {
            line(none);
            return;
        }
        BigDecimal max = values.values().stream().map(BigDecimal::new).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE);
        float labelWidth = 110f;
        float valueWidth = 70f;
        float area = width() - labelWidth - valueWidth;
        for (Map.Entry<String, String> e : values.entrySet()) {
            need(barHeight + barGap);
            BigDecimal v = new BigDecimal(e.getValue());
            float length = max.signum() <= 0 || v.signum() <= 0 ? 0f
                    : v.divide(max, 6, RoundingMode.HALF_UP).floatValue() * area;
            float baseline = y + barHeight - 2;
            textAt(left(), baseline, ellipsize(e.getKey(), labelWidth - 6, body));
            textAt(left() + labelWidth + length + 4, baseline, shown.apply(e.getValue()));
            if (length > 0) {
                bar(left() + labelWidth, Math.max(length, 1f), barHeight);
            }
            gap(barHeight + barGap);
        }
        gap(barGap);
    }

    // ---- output

    /** The PDF bytes of all pages laid out, with {@code title} as the document title. */
    public byte[] toPdf(String title) {
        try {
            PDRectangle a4 = new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT);
            for (List<DrawOp> page : pages) {
                PdfPainter.paint(document, fonts, a4, page);
            }
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PDF " + title, e);
        }
    }

    /** Gives the font back to the library and frees the document. */
    @Override
    public void close() {
        try {
            try {
                document.close();
            } finally {
                library.release(face);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void textAt(float x, float baseline, String text) {
        String fitted = fonts.fit(text);
        if (!fitted.isEmpty()) {
            ops.add(new DrawOp.Text(x, baseline, false, body, fitted));
        }
    }

    private void startPage() {
        ops = new ArrayList<>(256);
        pages.add(ops);
        y = margin;
    }
}
