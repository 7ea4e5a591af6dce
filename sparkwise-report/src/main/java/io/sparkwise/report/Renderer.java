package io.sparkwise.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes a report of analyzed applications in one format. */
public interface Renderer {

    /**
     * Writes one document covering every application attempt, in the order given. Flushes
     * {@code out} but never closes it (it may be the terminal).
     */
    void render(List<AnalyzedApplication> applications, Writer out) throws IOException;
}
