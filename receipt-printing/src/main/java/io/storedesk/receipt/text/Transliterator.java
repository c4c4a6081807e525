package io.storedesk.receipt.text;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Makes text printable with a limited repertoire without losing it. Characters the repertoire has
 * are kept; every other character is replaced, in this order, by: a space (control characters and
 * unusual spaces), nothing (invisible format characters such as soft hyphens), an explicit
 * transliteration (Cyrillic to Latin, typographic quotes and dashes, ligatures, €), its compatibility
 * decomposition without accents ("ř" to "r", "ů" to "u", "½" to "1/2"), and finally a visible
 * {@code <U+XXXX>} so a character nobody can print is never silently lost or turned into "?".
 * Replacements are fitted again, so they only ever contain renderable characters (ASCII always is).
 */
public final class Transliterator {

    private static final int MAX_DEPTH = 3;
    private static final Map<Integer, String> TABLE = TransliterationTable.entries();

    private Transliterator() {
    }

    /**
     * The text with every character that {@code renderable} rejects replaced. Returns the same
     * instance when nothing needs replacing.
     */
    public static String fit(String text, IntPredicate renderable) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (!renderable.test(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 8).append(text, 0, i);
        appendFitted(out, text.substring(i), renderable, 0);
        return out.toString();
    }

    private static void appendFitted(StringBuilder out, String text, IntPredicate renderable, int depth) {
        text.codePoints().forEach(cp -> {
            if (renderable.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(replacement(cp, renderable, depth));
            }
        });
    }

    private static String replacement(int cp, IntPredicate renderable, int depth) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return renderable.test(' ') ? " " : "";
        }
        if (type == Character.FORMAT) {
            return "";
        }
        if (depth < MAX_DEPTH) {
            String candidate = TABLE.get(cp);
            if (candidate == null) {
                candidate = withoutMarks(cp);
            }
            if (candidate != null) {
                StringBuilder fitted = new StringBuilder(candidate.length());
                appendFitted(fitted, candidate, renderable, depth + 1);
                return fitted.toString();
            }
        }
        return String.format("<U+%04X>", cp);
    }

    private static String withoutMarks(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder base = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                base.appendCodePoint(c);
            }
        });
        String result = base.toString();
        return result.isEmpty() || result.codePointAt(0) == cp && result.length() == Character.charCount(cp)
                ? null : result;
    }
}
