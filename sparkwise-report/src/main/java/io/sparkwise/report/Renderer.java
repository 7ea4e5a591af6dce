package io.sparkwise.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a report of analyzed applications in one format, as one document. The document is
 * streamed: {@link #begin} it, add each application as it is ready, {@link Document#end} it, so a
 * caller over thousands of logs holds one application at a time, not all of them.
 */
public interface Renderer {

    /** One document being written on a {@link Writer}, an application attempt at a time. */
    interface Document {

        /**
         * Writes the part of one application attempt. When this returns, everything written for it
         * has been flushed to the writer, so the caller may release the application and may add its
         * own text after it (the CLI's cost sections in text and Markdown).
         */
        void application(AnalyzedApplication application) throws IOException;

        /** Ends the document and flushes the writer, never closing it (it may be the terminal). */
        void end() throws IOException;
    }

    /** Starts a document on {@code out}; write to {@code out} only between applications until it ends. */
    Document begin(Writer out) throws IOException;

    /**
     * A document of lines: each application's lines as {@code linesOf} gives them, with
     * {@code separator} between two applications (the text and Markdown reports).
     */
    static Document lines(Writer out, String separator, Function<AnalyzedApplication, List<String>> linesOf) {
        return new Document() {
            private boolean first = true;

            @Override
            public void application(AnalyzedApplication application) throws IOException {
                if (!first) {
                    out.write(separator);
                }
                first = false;
                for (String line : linesOf.apply(application)) {
                    out.write(line);
                    out.write("\n");
                }
                out.flush();
            }

            @Override
            public void end() throws IOException {
                out.flush();
            }
        };
    }

    /**
     * Writes one document covering every application attempt, in the order given. Flushes
     * {@code out} but never closes it (it may be the terminal).
     */
    default void render(List<AnalyzedApplication> applications, Writer out) throws IOException {
        Document document = begin(out);
        for (AnalyzedApplication application : applications) {
            document.application(application);
        }
        document.end();
    }
}
