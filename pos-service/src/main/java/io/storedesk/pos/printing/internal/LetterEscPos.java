package io.storedesk.pos.printing.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.receipt.PaperWidth;
import io.storedesk.receipt.escpos.CodePage;
import io.storedesk.receipt.escpos.CodePageTable;
import io.storedesk.receipt.escpos.EscPosCommands;
import io.storedesk.receipt.text.Transliterator;

/**
 * A {@link Letter} as ESC/POS bytes for the receipt printer: the code page that prints the most of its
 * text (the receipt-printing library's table; what it cannot print is transliterated), the seller
 * centred, the title in bold, rows as "label: value" and paragraphs wrapped to the roll's columns,
 * then a feed and a cut.
 */
final class LetterEscPos {

    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;

    byte[] render(Letter letter, PaperWidth paper) {
        List<String> texts = new ArrayList<>(letter.seller());
        texts.add(letter.title());
        letter.rows().forEach(r -> texts.add(r.label() + r.value()));
        texts.addAll(letter.paragraphs());
        CodePage page = CodePageTable.epsonDefaults().choose(String.join("\n", texts), letter.locale());
        Out out = new Out(page, paper.columns());
        out.raw(EscPosCommands.initialize()).raw(ESC, 't', page.escPosNumber());
        out.raw(ESC, 'a', 1);
        letter.seller().forEach(out::line);
        out.raw('\n');
        out.raw(ESC, 'E', 1);
        out.line(letter.title());
        out.raw(ESC, 'E', 0).raw(ESC, 'a', 0);
        out.line(letter.number());
        out.line("-".repeat(paper.columns()));
        for (Letter.Row row : letter.rows()) {
            out.line(row.label() + ": " + (row.value() == null ? "" : row.value()));
        }
        out.line("-".repeat(paper.columns()));
        for (String paragraph : letter.paragraphs()) {
            out.line(paragraph);
            out.raw('\n');
        }
        return out.raw('\n', '\n', '\n').raw(GS, 'V', 66, 3).bytes();
    }

    private static final class Out {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        private final CodePage page;
        private final int columns;

        Out(CodePage page, int columns) {
            this.page = page;
            this.columns = columns;
        }

        Out raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        Out raw(int... b) {
            for (int x : b) {
                bytes.write(x);
            }
            return this;
        }

        /** Text wrapped at word boundaries to the roll's columns. */
        void line(String text) {
            String fitted = Transliterator.fit(text, page::canEncode);
            for (String part : wrap(fitted, columns)) {
                bytes.writeBytes(page.encode(part));
                bytes.write('\n');
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > columns) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, columns));
                word = word.substring(columns);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > columns) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
