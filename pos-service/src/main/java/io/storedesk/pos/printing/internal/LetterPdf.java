package io.storedesk.pos.printing.internal;

import io.storedesk.receipt.pdf.A4Document;

/**
 * A {@link Letter} as an A4 PDF: seller top left, the title, the rows as a two-column table and the
 * paragraphs, wrapped to the page and continued on a new page when one is full. Laid out on the
 * receipt library's {@link A4Document} (the one A4 page layout: its embedded font, so Czech, Latvian
 * and Cyrillic print). Stateless and thread-safe.
 */
final class LetterPdf {

    private static final float MARGIN = 56f;
    private static final float LABEL_WIDTH = 170f;
    private static final float BODY = 10f;
    private static final float LEADING = 14f;
    private static final float PARAGRAPH_GAP = 6f;

    byte[] render(Letter letter) {
        try (A4Document page = new A4Document(MARGIN, BODY, LEADING)) {
            for (String line : letter.seller()) {
                page.line(line);
            }
            page.gap(LEADING);
            page.title(letter.title(), null);
            for (Letter.Row row : letter.rows()) {
                page.field(row.label(), row.value(), LABEL_WIDTH);
            }
            page.gap(LEADING);
            for (String paragraph : letter.paragraphs()) {
                page.line(paragraph);
                page.gap(PARAGRAPH_GAP);
            }
            return page.toPdf(letter.title() + " " + letter.number());
        }
    }
}
