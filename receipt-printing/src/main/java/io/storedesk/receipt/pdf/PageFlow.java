package io.storedesk.receipt.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Measures text onto fixed-size pages, top to bottom, starting a new page when the next piece does
 * not fit. Produces one list of {@link DrawOp}s per page; nothing is drawn yet.
 */
final class PageFlow {

    static final float LEADING = 1.3f;

    private final PdfFonts fonts;
    private final float top;
    private final float bottom;
    private final List<List<DrawOp>> pages = new ArrayList<>();
    private final Runnable onNewPage;
    private List<DrawOp> ops;
    private float y;

    /** {@code onNewPage} runs at the top of every page after the first (e.g. to repeat a table header). */
    PageFlow(PdfFonts fonts, float top, float bottom, Runnable onNewPage) {
        this.fonts = fonts;
        this.top = top;
        this.bottom = bottom;
        this.onNewPage = onNewPage;
        startPage();
    }

    List<List<DrawOp>> pages() {
        return pages;
    }

    PdfFonts fonts() {
        return fonts;
    }

    float y() {
        return y;
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    void need(float height) {
        if (y + height > bottom) {
            startPage();
            onNewPage.run();
        }
    }

    /** Text starting at {@code x} on the current line; does not advance. */
    void text(float x, String text, boolean bold, float size) {
        String fitted = fonts.fit(text);
        if (!fitted.isEmpty()) {
            ops.add(new DrawOp.Text(x, y + size, bold, size, fitted));
        }
    }

    /** Text ending at {@code right} on the current line; does not advance. */
    void rightText(float right, String text, boolean bold, float size) {
        String fitted = fonts.fit(text);
        ops.add(new DrawOp.Text(right - fonts.width(fitted, size), y + size, bold, size, fitted));
    }

    /** Moves down one line of the given font size. */
    void newLine(float size) {
        y += size * LEADING;
    }

    void gap(float points) {
        y += points;
    }

    void rule(float x, float width) {
        ops.add(new DrawOp.Rule(x, y + 2, width, false));
        y += 4;
    }

    /** Adds an operation to every page (used for page numbers once the count is known). */
    void onEveryPage(IntFunction<DrawOp> op) {
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).add(op.apply(i));
        }
    }

    private void startPage() {
        ops = new ArrayList<>(256);
        pages.add(ops);
        y = top;
    }
}
