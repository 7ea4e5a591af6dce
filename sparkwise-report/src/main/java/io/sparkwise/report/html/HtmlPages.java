package io.sparkwise.report.html;

import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.Units;
import io.sparkwise.report.Utf8Writers;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Several applications as HTML: one page per application attempt, named
 * {@code <appId>[_<attempt>].html}, and an {@code index.html} that links them. Pages are written
 * one at a time ({@link #begin}), the index at the end from a small row kept per page, so a
 * directory of thousands of applications never holds more than one in memory.
 */
public final class HtmlPages {

    public static final String INDEX = "index.html";

    private final HtmlReport report = new HtmlReport();

    /** Writes the pages and the index into {@code directory} (created if missing); returns the files written. */
    public List<Path> write(List<AnalyzedApplication> applications, Path directory) throws IOException {
        Pages pages = begin(directory);
        List<Path> written = new ArrayList<>();
        for (AnalyzedApplication application : applications) {
            written.add(pages.page(application));
        }
        written.add(pages.end());
        return written;
    }

    /** Starts writing pages into {@code directory} (created if missing). */
    public Pages begin(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new Pages(directory);
    }

    /** The pages of one directory being written, in the order applications are given. */
    public final class Pages {
        private final Path directory;
        private final FileNames names = new FileNames();
        private final List<IndexRow> rows = new ArrayList<>();

        private Pages(Path directory) {
            this.directory = directory;
        }

        /** Writes the page of {@code application}; returns its file. */
        public Path page(AnalyzedApplication application) throws IOException {
            String page = report.page(application);
            String name = names.next(application.application().info());
            Path file = directory.resolve(name);
            writeString(file, page);
            rows.add(IndexRow.of(application, name));
            return file;
        }

        /** The number of pages written so far. */
        public int count() {
            return rows.size();
        }

        /** Writes the index of the pages written; returns its file. */
        public Path end() throws IOException {
            Path index = directory.resolve(INDEX);
            writeString(index, index(rows));
            return index;
        }
    }

    /** What the index shows of one application: a few strings and counts, not the application. */
    record IndexRow(String displayName, String id, long duration, String health, int healthRank,
                    long critical, long warning, long info, String fileName) {

        static IndexRow of(AnalyzedApplication a, String fileName) {
            ApplicationInfo info = a.application().info();
            List<Finding> findings = a.analysis().findings();
            boolean healthy = findings.isEmpty();
            return new IndexRow(HtmlReport.displayName(info), info.id() + info.attemptId().map(at -> " attempt " + at).orElse(""),
                    info.duration(), healthy ? "healthy" : a.analysis().worstSeverity().label(),
                    healthy ? -1 : a.analysis().worstSeverity().ordinal(),
                    count(findings, Severity.CRITICAL), count(findings, Severity.WARNING), count(findings, Severity.INFO),
                    fileName);
        }

        private static long count(List<Finding> findings, Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }
    }

    /** A file name per application: its id (and attempt) with anything but letters, digits, '.', '-' and '_' replaced. */
    static List<String> fileNames(List<AnalyzedApplication> applications) {
        FileNames names = new FileNames();
        return applications.stream().map(a -> names.next(a.application().info())).toList();
    }

    /** Unique file names, given in order: a clash (ignoring case) gets "-2", "-3"... */
    private static final class FileNames {
        private final Set<String> used = new HashSet<>(Set.of(INDEX));

        String next(ApplicationInfo info) {
            String base = safe(info.id() + info.attemptId().map(at -> "_" + at).orElse(""));
            String name = base + ".html";
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n + ".html";
            }
            return name;
        }
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.length() > 150 ? cleaned.substring(0, 150) : cleaned;
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "app" + cleaned : cleaned;
    }

    /** The index page: one row per application with its duration, health and finding counts. */
    static String index(List<IndexRow> rows) {
        Html html = new Html();
        HtmlReport.head(html, "Sparkwise: " + rows.size() + " applications");
        html.open("header").element("h1", "Sparkwise: " + rows.size() + " applications").close("header");
        html.open("main").open("section", "id", "index");
        html.open("table", "class", "sortable", "id", "application-index");
        Tables.header(html, "application", "id", "duration", "health", "critical", "warning", "info", "report");
        html.open("tbody");
        for (IndexRow row : rows) {
            html.open("tr", "class", "app");
            html.element("td", row.displayName());
            html.element("td", row.id(), "class", "mono");
            Tables.number(html, row.duration(), Units::millis);
            html.open("td", "data-v", Integer.toString(row.healthRank()))
                    .element("span", row.health(), "class", "badge " + row.health()).close("td");
            for (long count : new long[] {row.critical(), row.warning(), row.info()}) {
                Tables.number(html, count, Long::toString);
            }
            html.open("td").element("a", "open", "href", row.fileName()).close("td");
            html.close("tr");
        }
        html.close("tbody").close("table").close("section").close("main");
        HtmlReport.tail(html);
        return html.toString();
    }

    private static void writeString(Path file, String content) throws IOException {
        try (Writer out = Utf8Writers.newFile(file)) {
            out.write(content);
        }
    }
}
