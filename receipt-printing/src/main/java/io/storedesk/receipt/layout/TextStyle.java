package io.storedesk.receipt.layout;

/** Emphasis of a text block: normal, bold, or large (bold and bigger: double size on a printer). */
public enum TextStyle {
    NORMAL, BOLD, LARGE
}
