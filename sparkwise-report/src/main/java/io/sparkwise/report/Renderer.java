package io.sparkwise.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

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
