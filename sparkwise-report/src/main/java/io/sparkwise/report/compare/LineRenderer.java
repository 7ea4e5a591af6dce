package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.Comparison;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A format built as a list of lines (text, Markdown): the lines, then a newline after each. */
interface LineRenderer extends ComparisonRenderer {

    List<String> lines(Comparison comparison);

    @Override
    default void render(Comparison comparison, Writer out) throws IOException {
        for (String line : lines(comparison)) {
            out.write(line);
            out.write("\n");
        }
        out.flush();
    }
}
