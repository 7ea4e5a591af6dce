package io.sparkwise.cli;

import io.sparkwise.report.Renderer;
import io.sparkwise.report.Utf8Writers;
import io.sparkwise.report.html.HtmlPages;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where {@code analyze} writes each log's report, in input order, as soon as it is ready: nothing
 * is opened before the first application (so a run where no log could be read writes nothing) and
 * nothing of an application is kept once it is written.
 */
interface ReportSink extends AutoCloseable {

    /**
     * Writes the report of one log (and its cost section, if any).
     *
     * @throws IOException when the output cannot be written: the run cannot go on
     * @throws RuntimeException when this report could not be rendered; nothing of it was written
     */
    void write(AnalyzedLog log) throws IOException;

    /** Ends the output; the file written last (the index of HTML pages), if it is worth telling. */
    Optional<Path> finish() throws IOException;

    /** Releases the output (a file) even when the run stopped early. */
    @Override
    void close() throws IOException;

    /** One document, to stdout (never closed) or to a file. */
    static ReportSink document(Renderer renderer, Writer stdout) {
        return new Document(renderer, requireNonNull(stdout, "stdout is null"), null);
    }

    static ReportSink document(Renderer renderer, Path file) {
        return new Document(renderer, null, requireNonNull(file, "file is null"));
    }

    /** An HTML page per application and an index, in {@code directory}. */
    static ReportSink htmlPages(Path directory) {
        return new Pages(requireNonNull(directory, "directory is null"));
    }

    final class Document implements ReportSink {
        private final Renderer renderer;
        private final Path file;
        private Writer out;
        private Renderer.Document document;

        private Document(Renderer renderer, Writer stdout, Path file) {
            this.renderer = requireNonNull(renderer, "renderer is null");
            this.out = stdout;
            this.file = file;
        }

        @Override
        public void write(AnalyzedLog log) throws IOException {
            if (document == null) {
                if (file != null) {
                    out = Utf8Writers.newFile(file);
                }
                document = renderer.begin(out);
            }
            document.application(log.analyzed());
            if (log.costSection().isPresent()) {
                out.write(log.costSection().get());
                out.flush();
            }
        }

        @Override
        public Optional<Path> finish() throws IOException {
            if (document != null) {
                document.end();
            }
            return Optional.empty();
        }

        @Override
        public void close() throws IOException {
            if (file != null && out != null) {
                out.close();
            }
        }
    }

    final class Pages implements ReportSink {
        private final Path directory;
        private HtmlPages.Pages pages;

        private Pages(Path directory) {
            this.directory = directory;
        }

        @Override
        public void write(AnalyzedLog log) throws IOException {
            if (pages == null) {
                pages = new HtmlPages().begin(directory);
            }
            pages.page(log.analyzed());
        }

        @Override
        public Optional<Path> finish() throws IOException {
            return pages == null ? Optional.empty() : Optional.of(pages.end());
        }

        @Override
        public void close() {
        }
    }
}
