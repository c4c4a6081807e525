package io.storedesk.receipt.layout;

/** Horizontal alignment of a text block. */
public enum Align {
    LEFT, CENTER, RIGHT
}
