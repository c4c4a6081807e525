package io.storedesk.receipt.pdf;

import io.storedesk.receipt.layout.Align;
import io.storedesk.receipt.layout.Block;
import io.storedesk.receipt.layout.LineBreaker;
import io.storedesk.receipt.layout.TextStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures composed blocks on a roll of given width into {@link DrawOp}s, top to bottom, so that the
 * page height is known before anything is drawn. Rows follow the same rules as on the printer: the
 * first cell wraps on the left, the other cells are right-aligned by font metrics, the last at the
 * right margin and others a quarter of the width apart.
 */
final class RollLayout {

    static final float NORMAL_SIZE = 8f;
    static final float LARGE_SIZE = 11f;
    private static final float LEADING = 1.25f;
    private static final float GAP = 4f;

    private final PdfFonts fonts;
    private final float left;
    private final float width;
    private final List<DrawOp> ops = new ArrayList<>(128);
    private float y;

    RollLayout(PdfFonts fonts, float margin, float width) {
        this.fonts = fonts;
        this.left = margin;
        this.width = width;
        this.y = margin;
    }

    List<DrawOp> ops() {
        return ops;
    }

    /** Distance from the top of the page to the bottom of the last block. */
    float bottom() {
        return y;
    }

    RollLayout add(Block block) {
        if (block instanceof Block.Text text) {
            boolean bold = text.style() != TextStyle.NORMAL;
            float size = size(text.style());
            for (String line : wrap(fonts.fit(text.text()), width, size)) {
                float lineWidth = fonts.width(line, size);
                float x = switch (text.align()) {
                    case LEFT -> left;
                    case CENTER -> left + (width - lineWidth) / 2;
                    case RIGHT -> left + width - lineWidth;
                };
                line(x, bold, size, line);
            }
        } else if (block instanceof Block.Row row) {
            row(row);
        } else if (block instanceof Block.Rule) {
            rule(true);
        } else if (block instanceof Block.Space) {
            y += NORMAL_SIZE * 0.8f;
        } else if (block instanceof Block.Banner banner) {
            rule(false);
            add(new Block.Text("*** " + banner.text() + " ***", Align.CENTER, TextStyle.LARGE));
            rule(false);
        } else if (block instanceof Block.Barcode barcode) {
            y += 2;
            y += Symbols.code128(barcode.payload(), left, y, width, Units.mm(10), ops) + 1;
            add(new Block.Text(barcode.payload(), Align.CENTER, TextStyle.NORMAL));
        } else if (block instanceof Block.QrCode qr) {
            y += 4;
            y += Symbols.qr(qr.payload(), left, y, width, Units.mm(28), ops) + 2;
        }
        return this;
    }

    private void row(Block.Row row) {
        boolean bold = row.style() != TextStyle.NORMAL;
        float size = size(row.style());
        List<String> right = row.rightCells().stream().map(fonts::fit).toList();
        float[] widths = new float[right.size()];
        float[] starts = new float[right.size()];
        float spacing = right.size() > 1 ? width / 4 : 0;
        float limit = left + width;
        for (int i = right.size() - 1; i >= 0; i--) {
            widths[i] = fonts.width(right.get(i), size);
            float end = Math.min(left + width - (right.size() - 1 - i) * spacing, limit);
            starts[i] = end - widths[i];
            limit = starts[i] - GAP;
        }
        String first = fonts.fit(row.cells().get(0));
        if (right.size() == 1 && widths[0] > width * 0.6f) {
            wrap(first + " " + right.get(0), width, size).forEach(line -> line(left, bold, size, line));
            return;
        }
        float leftWidth = right.isEmpty() ? width : starts[0] - GAP - left;
        boolean ownLine = leftWidth < width / 3 && fonts.width(first, size) > leftWidth;
        List<String> leftLines = wrap(first, ownLine ? width : leftWidth, size);
        if (ownLine) {
            leftLines.forEach(line -> line(left, bold, size, line));
        } else if (!leftLines.get(0).isEmpty()) {
            ops.add(new DrawOp.Text(left, y + size, bold, size, leftLines.get(0)));
        }
        for (int i = 0; i < right.size(); i++) {
            ops.add(new DrawOp.Text(starts[i], y + size, bold, size, right.get(i)));
        }
        if (ownLine && right.isEmpty()) {
            return;
        }
        y += size * LEADING;
        if (!ownLine) {
            leftLines.subList(1, leftLines.size()).forEach(line -> line(left, bold, size, line));
        }
    }

    private void line(float x, boolean bold, float size, String text) {
        if (!text.isEmpty()) {
            ops.add(new DrawOp.Text(x, y + size, bold, size, text));
        }
        y += size * LEADING;
    }

    private void rule(boolean dashed) {
        y += 3;
        ops.add(new DrawOp.Rule(left, y, width, dashed));
        y += 3;
    }

    private List<String> wrap(String text, float maxWidth, float size) {
        return LineBreaker.wrap(text, maxWidth, s -> fonts.width(s, size));
    }

    private static float size(TextStyle style) {
        return style == TextStyle.LARGE ? LARGE_SIZE : NORMAL_SIZE;
    }
}
