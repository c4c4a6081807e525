package io.storedesk.receipt.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A small ESC/POS interpreter for tests: walks the bytes the way a printer does, records each
 * command and collects printed lines decoded with the code page selected by {@code ESC t}.
 */
final class EscPosParser {

    /** One command, e.g. "ESC t 51", "GS k 73 {B0001-000123", "GS V 66 3". */
    record Command(String text) {
    }

    final List<Command> commands = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    int codePage = -1;

    static EscPosParser parse(byte[] bytes, Charset charset) {
        EscPosParser parser = new EscPosParser();
        parser.run(bytes, charset);
        return parser;
    }

    List<String> commandTexts() {
        return commands.stream().map(Command::text).toList();
    }

    private void run(byte[] b, Charset charset) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c == 0x1B) {
                int op = b[i + 1];
                switch (op) {
                    case '@' -> { add("ESC @"); i += 2; }
                    case 't' -> { codePage = b[i + 2] & 0xFF; add("ESC t " + codePage); i += 3; }
                    case 'E', 'a' -> { add("ESC " + (char) op + " " + b[i + 2]); i += 3; }
                    case 'p' -> { add("ESC p " + b[i + 2] + " " + (b[i + 3] & 0xFF) + " " + (b[i + 4] & 0xFF)); i += 5; }
                    default -> throw new IllegalStateException("unknown ESC " + op + " at " + i);
                }
            } else if (c == 0x1D) {
                int op = b[i + 1];
                switch (op) {
                    case '!', 'h', 'w', 'H', 'f' -> { add("GS " + (char) op + " " + (b[i + 2] & 0xFF)); i += 3; }
                    case 'V' -> { add("GS V " + b[i + 2] + " " + b[i + 3]); i += 4; }
                    case 'k' -> {
                        int n = b[i + 3] & 0xFF;
                        add("GS k " + b[i + 2] + " " + new String(b, i + 4, n, Charset.forName("US-ASCII")));
                        i += 4 + n;
                    }
                    case '(' -> {
                        int n = (b[i + 3] & 0xFF) | (b[i + 4] & 0xFF) << 8;
                        add("GS ( k " + b[i + 6] + " " + b[i + 7] + " " + new String(b, i + 8, n - 3, Charset.forName("UTF-8")));
                        i += 5 + n;
                    }
                    default -> throw new IllegalStateException("unknown GS " + op + " at " + i);
                }
            } else if (c == 0x0A) {
                lines.add(new String(line.toByteArray(), charset));
                line.reset();
                i++;
            } else if (c < 0x20) {
                throw new IllegalStateException("unexpected control byte " + c + " at " + i);
            } else {
                line.write(c);
                i++;
            }
        }
    }

    private void add(String text) {
        commands.add(new Command(text));
    }
}
