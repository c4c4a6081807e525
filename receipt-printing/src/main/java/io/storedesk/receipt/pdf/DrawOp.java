package io.storedesk.receipt.pdf;

/**
 * A measured drawing operation. Vertical positions count down from the top of the page, so a layout
 * can be measured before the page height is known.
 */
sealed interface DrawOp {

    /** Text whose baseline is {@code baseline} points below the top of the page. */
    record Text(float x, float baseline, boolean bold, float size, String text) implements DrawOp {
    }

    /** A filled black rectangle (barcode bars, QR modules). */
    record Box(float x, float top, float width, float height) implements DrawOp {
    }

    /** A filled rectangle in a colour ({@code rgb} as 0xRRGGBB): the bars of a chart. */
    record Bar(float x, float top, float width, float height, int rgb) implements DrawOp {
    }

    /** A horizontal line, solid or dashed. */
    record Rule(float x, float y, float width, boolean dashed) implements DrawOp {
    }
}
