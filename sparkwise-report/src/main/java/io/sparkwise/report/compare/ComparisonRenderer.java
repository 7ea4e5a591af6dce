package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.Comparison;

import java.io.IOException;
import java.io.Writer;

/** Writes a comparison of two runs in one format. */
public interface ComparisonRenderer {

    /** Writes the document; flushes {@code out} but never closes it (it may be the terminal). */
    void render(Comparison comparison, Writer out) throws IOException;
}
