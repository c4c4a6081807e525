package io.storedesk.receipt;

/**
 * Width of a thermal paper roll, with the number of characters an ESC/POS printer prints per line
 * in its standard font on that roll.
 */
public enum PaperWidth {
    MM_80(80, 42),
    MM_58(58, 32);

    private final int millimetres;
    private final int columns;

    PaperWidth(int millimetres, int columns) {
        this.millimetres = millimetres;
        this.columns = columns;
    }

    /** Roll width in millimetres. */
    public int millimetres() {
        return millimetres;
    }

    /** Characters per line in the printer's standard font. */
    public int columns() {
        return columns;
    }
}
