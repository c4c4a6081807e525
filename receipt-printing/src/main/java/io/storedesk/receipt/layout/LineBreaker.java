package io.storedesk.receipt.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping at spaces against any width measure: character count on a thermal printer,
 * font metrics in a PDF. Words longer than a whole line are split between characters, so no text is
 * ever cut off.
 */
public final class LineBreaker {

    /** Width of a piece of text in the caller's unit (columns, points, ...). */
    @FunctionalInterface
    public interface Measure {
        float width(String text);
    }

    private LineBreaker() {
    }

    /** Lines of at most {@code maxWidth}; an empty text gives one empty line. */
    public static List<String> wrap(String text, float maxWidth, Measure measure) {
        List<String> lines = new ArrayList<>(2);
        if (measure.width(text) <= maxWidth) {
            lines.add(text);
            return lines;
        }
        String rest = text.strip();
        while (!rest.isEmpty()) {
            int end = breakBefore(rest, maxWidth, measure);
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).stripLeading();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** End of the first line: after the last whole word that fits, or inside an overlong word. */
    private static int breakBefore(String text, float maxWidth, Measure measure) {
        if (measure.width(text) <= maxWidth) {
            return text.length();
        }
        int fits = -1;
        int space = text.indexOf(' ');
        while (space > 0 && measure.width(text.substring(0, space)) <= maxWidth) {
            fits = space;
            space = text.indexOf(' ', space + 1);
        }
        return fits > 0 ? fits : fittingPrefix(text.substring(0, space > 0 ? space : text.length()), maxWidth, measure);
    }

    private static int fittingPrefix(String word, float maxWidth, Measure measure) {
        int cut = word.offsetByCodePoints(0, 1);
        while (cut < word.length()) {
            int next = word.offsetByCodePoints(cut, 1);
            if (measure.width(word.substring(0, next)) > maxWidth) {
                break;
            }
            cut = next;
        }
        return cut;
    }
}
