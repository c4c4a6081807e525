package io.storedesk.pos.printing.internal;

import java.util.List;
import java.util.Locale;

/**
 * A written confirmation for a customer (a complaint received, a complaint settled): the seller's
 * lines, a title, label/value rows and paragraphs, all in the store's language. Rendered as an A4
 * PDF ({@link LetterPdf}) or as ESC/POS text for the receipt printer ({@link LetterEscPos}).
 */
record Letter(String title, String number, List<String> seller, List<Row> rows, List<String> paragraphs,
        Locale locale) {

    record Row(String label, String value) {
    }

    Letter {
        seller = List.copyOf(seller);
        rows = List.copyOf(rows);
        paragraphs = List.copyOf(paragraphs);
    }
}
