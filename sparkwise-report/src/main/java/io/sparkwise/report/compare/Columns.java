package io.sparkwise.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for the terminal: a header ending in {@code >} marks a right-aligned column.
 * Like the text report's {@code TextTable} (package-private there), plus rows that hold a title
 * only, for the sections of one table.
 */
final class Columns {

    private final String[] headers;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    Columns(String... headers) {
        this.headers = new String[headers.length];
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].endsWith(">");
            this.headers[i] = right[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
        }
    }

    Columns row(String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** A row with a title in the first column only; it does not widen that column. */
    Columns title(String title) {
        rows.add(new String[] {title});
        return this;
    }

    List<String> lines(String indent) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = row.length == 1 ? widths[i] : Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(indent, headers, widths));
        for (String[] row : rows) {
            lines.add(row.length == 1 ? indent + row[0] : line(indent, row, widths));
        }
        return lines;
    }

    private String line(String indent, String[] cells, int[] widths) {
        StringBuilder s = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - cells[i].length());
            s.append(i > 0 ? "  " : "").append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        return s.toString().stripTrailing();
    }
}
