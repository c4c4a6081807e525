package io.storedesk.pos.printing.documents;

/** What was printed (receipt, return, complaint or report number), on which printer, how many bytes. */
public record Printed(String document, String printer, int bytes) {
}
