package io.storedesk.receipt.escpos;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * A single-byte printer code page: a JDK charset (for the character repertoire) and the number the
 * printer model uses for it in {@code ESC t n}. Encoding goes through a lookup table built once from
 * the charset, so it is fast and maps only printable bytes (0x20 and above, except 0x7F): a control
 * byte can never come out of receipt text and be taken for a printer command.
 */
public final class CodePage {

    private static final byte UNMAPPED = 0;

    private final String charsetName;
    private final int escPosNumber;
    private final byte[] bytesByChar = new byte[Character.MAX_VALUE + 1];

    private CodePage(String charsetName, int escPosNumber) {
        this.charsetName = charsetName;
        this.escPosNumber = escPosNumber;
        Charset charset = Charset.forName(charsetName);
        for (int b = 0xFF; b >= 0x20; b--) {
            if (b == 0x7F) {
                continue;
            }
            String decoded = new String(new byte[] {(byte) b}, charset);
            if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                bytesByChar[decoded.charAt(0)] = (byte) b;
            }
        }
    }

    /**
     * A code page for a JDK charset name (e.g. "Cp1257", "IBM852", "IBM866").
     *
     * @throws IllegalArgumentException if the JDK does not support the charset
     */
    public static CodePage of(String charsetName, int escPosNumber) {
        Objects.requireNonNull(charsetName, "charsetName");
        if (!Charset.isSupported(charsetName)) {
            throw new IllegalArgumentException("Charset not supported by this JDK: " + charsetName);
        }
        if (escPosNumber < 0 || escPosNumber > 255) {
            throw new IllegalArgumentException("ESC t number must be 0..255: " + escPosNumber);
        }
        return new CodePage(charsetName, escPosNumber);
    }

    /** The JDK charset name. */
    public String charsetName() {
        return charsetName;
    }

    /** The {@code n} of {@code ESC t n} for this page. */
    public int escPosNumber() {
        return escPosNumber;
    }

    /** Whether the page has a printable byte for the code point. */
    public boolean canEncode(int codePoint) {
        return codePoint <= Character.MAX_VALUE && bytesByChar[codePoint] != UNMAPPED;
    }

    /**
     * Bytes of a text that {@link #canEncode} accepts entirely (fit it with the transliterator first).
     *
     * @throws IllegalArgumentException for a character the page cannot print
     */
    public byte[] encode(String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            byte b = bytesByChar[c];
            if (b == UNMAPPED) {
                throw new IllegalArgumentException("Character U+%04X is not in %s".formatted((int) c, charsetName));
            }
            out[i] = b;
        }
        return out;
    }

    /** Decodes printer bytes back to text with the JDK charset (for checks and tests). */
    public String decode(byte[] bytes) {
        return new String(bytes, Charset.forName(charsetName));
    }

    @Override
    public String toString() {
        return charsetName + " (ESC t " + escPosNumber + ")";
    }
}
