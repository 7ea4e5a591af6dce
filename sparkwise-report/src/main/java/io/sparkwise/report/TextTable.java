package io.sparkwise.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table with aligned columns for the terminal: text columns left-aligned, number columns
 * right-aligned, two spaces between columns, no trailing spaces. Cells are made safe with
 * {@link SafeText#line}: a newline or a terminal escape in a name from a log cannot break a row.
 */
public final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Header names; a name ending in {@code >} marks a right-aligned column (the mark is not shown). */
    public TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].endsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
        }
    }

    public TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = SafeText.line(cells[i]);
        }
        rows.add(safe);
        return this;
    }

    /** A row with a title in the first column only (a section of the table); it does not widen that column. */
    public TextTable title(String title) {
        rows.add(new String[] {SafeText.line(title)});
        return this;
    }

    /** The table's lines, each starting with {@code indent}. */
    public List<String> lines(String indent) {
        int[] widths = widths();
        List<String> lines = new ArrayList<>();
        lines.add(line(indent, headers.toArray(String[]::new), widths));
        for (String[] row : rows) {
            lines.add(row.length == 1 && headers.size() > 1 ? indent + row[0] : line(indent, row, widths));
        }
        return lines;
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (String[] row : rows) {
                if (row.length == headers.size()) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
        }
        return widths;
    }

    private String line(String indent, String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                s.append("  ");
            }
            String pad = " ".repeat(widths[i] - cells[i].length());
            s.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        return s.toString().stripTrailing();
    }
}
