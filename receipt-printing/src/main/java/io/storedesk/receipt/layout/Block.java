package io.storedesk.receipt.layout;

import java.util.List;
import java.util.Objects;

/**
 * One element of a composed receipt, top to bottom. Blocks say what is shown; renderers say how:
 * widths, wrapping and fonts are theirs.
 */
public sealed interface Block {

    /** A paragraph, wrapped to the paper width. */
    record Text(String text, Align align, TextStyle style) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A table row: the first cell is left-aligned and wraps; every further cell is right-aligned in
     * its own column. Two cells make a "label ... amount" row; four make a tax table row.
     */
    record Row(List<String> cells, TextStyle style) implements Block {
        public Row {
            cells = List.copyOf(cells);
            if (cells.isEmpty()) {
                throw new IllegalArgumentException("a row needs at least one cell");
            }
        }

        /** Right-aligned cells: all but the first. */
        public List<String> rightCells() {
            return cells.subList(1, cells.size());
        }
    }

    /** A thin horizontal separator. */
    record Rule() implements Block {
    }

    /** Vertical space of about one line. */
    record Space() implements Block {
    }

    /** A conspicuous centred banner, e.g. "COPY" on reprints. */
    record Banner(String text) implements Block {
    }

    /** A Code 128 barcode with its human-readable text below. */
    record Barcode(String payload) implements Block {
    }

    /** A QR code. */
    record QrCode(String payload) implements Block {
    }
}
