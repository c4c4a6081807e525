package io.storedesk.receipt.escpos;

import io.storedesk.receipt.layout.LineBreaker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed-width text layout for a character printer. A row's first cell is left-aligned and wrapped;
 * the other cells are right-aligned, the last at the right margin and any others in columns a quarter
 * of the width apart (the tax table). The right cells share the first line of the left cell; a value
 * too long for that is printed after its label as a wrapped paragraph instead. Cells
 * must already be fitted to the code page, so one character is one column.
 */
final class ColumnLayout {

    private final int columns;

    ColumnLayout(int columns) {
        this.columns = columns;
    }

    /** A paragraph wrapped to the width. */
    List<String> wrap(String text) {
        return LineBreaker.wrap(text, columns, String::length);
    }

    /** The printed lines of a row. */
    List<String> row(List<String> cells) {
        List<String> right = cells.subList(1, cells.size());
        if (right.isEmpty()) {
            return wrap(cells.get(0));
        }
        if (right.size() == 1 && right.get(0).length() > columns * 3 / 5) {
            return wrap(cells.get(0) + " " + right.get(0));
        }
        int[] starts = rightCellStarts(right);
        int leftWidth = starts[0] - 1;
        List<String> lines = new ArrayList<>(2);
        if (leftWidth < columns / 3 && cells.get(0).length() > leftWidth) {
            lines.addAll(wrap(cells.get(0)));
            lines.add(compose("", right, rightCellStarts(right)));
            return lines;
        }
        List<String> left = LineBreaker.wrap(cells.get(0), leftWidth, String::length);
        lines.add(compose(left.get(0), right, starts));
        lines.addAll(left.subList(1, left.size()));
        return lines;
    }

    /** A separator line as wide as the paper. */
    String rule() {
        return "-".repeat(columns);
    }

    private int[] rightCellStarts(List<String> right) {
        int count = right.size();
        int spacing = count == 1 ? 0 : columns / 4;
        int[] starts = new int[count];
        int limit = columns;
        for (int i = count - 1; i >= 0; i--) {
            int end = Math.min(columns - (count - 1 - i) * spacing, limit);
            starts[i] = end - right.get(i).length();
            limit = starts[i] - 1;
        }
        return starts;
    }

    private String compose(String left, List<String> right, int[] starts) {
        if (starts[0] < 0) {
            return String.join(" ", right);
        }
        char[] line = new char[columns];
        Arrays.fill(line, ' ');
        left.getChars(0, Math.min(left.length(), columns), line, 0);
        for (int i = 0; i < right.size(); i++) {
            String cell = right.get(i);
            cell.getChars(0, cell.length(), line, starts[i]);
        }
        int end = columns;
        while (end > 0 && line[end - 1] == ' ') {
            end--;
        }
        return new String(line, 0, end);
    }
}
