package io.storedesk.receipt.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrapping against any width measure: character count on a thermal printer, font
 * metrics in a PDF. Words longer than a whole line are split between characters, so no text is ever
 * cut off.
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
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (measure.width(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (measure.width(rest) > maxWidth) {
                int cut = fittingPrefix(rest, maxWidth, measure);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
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
