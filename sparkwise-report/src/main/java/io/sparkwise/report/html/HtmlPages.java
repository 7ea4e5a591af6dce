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
 * {@code <appId>[_<attempt>].html}, and an {@code index.html} that links them.
 */
public final class HtmlPages {

    public static final String INDEX = "index.html";

    private final HtmlReport report = new HtmlReport();

    /** Writes the pages and the index into {@code directory} (created if missing); returns the files written. */
    public List<Path> write(List<AnalyzedApplication> applications, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> names = fileNames(applications);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < applications.size(); i++) {
            Path file = directory.resolve(names.get(i));
            writeString(file, report.page(applications.get(i)));
            written.add(file);
        }
        Path index = directory.resolve(INDEX);
        writeString(index, index(applications, names));
        written.add(index);
        return written;
    }

    /** A file name per application: its id (and attempt) with anything but letters, digits, '.', '-' and '_' replaced. */
    static List<String> fileNames(List<AnalyzedApplication> applications) {
        Set<String> used = new HashSet<>(Set.of(INDEX));
        List<String> names = new ArrayList<>();
        for (AnalyzedApplication a : applications) {
            ApplicationInfo info = a.application().info();
            String base = safe(info.id() + info.attemptId().map(at -> "_" + at).orElse(""));
            String name = base + ".html";
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n + ".html";
            }
            names.add(name);
        }
        return names;
    }

    private static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.length() > 150 ? cleaned.substring(0, 150) : cleaned;
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "app" + cleaned : cleaned;
    }

    /** The index page: one row per application with its duration, health and finding counts. */
    static String index(List<AnalyzedApplication> applications, List<String> fileNames) {
        Html html = new Html();
        HtmlReport.head(html, "Sparkwise: " + applications.size() + " applications");
        html.open("header").element("h1", "Sparkwise: " + applications.size() + " applications").close("header");
        html.open("main").open("section", "id", "index");
        html.open("table", "class", "sortable", "id", "application-index");
        Tables.header(html, "application", "id", "duration", "health", "critical", "warning", "info", "report");
        html.open("tbody");
        for (int i = 0; i < applications.size(); i++) {
            AnalyzedApplication a = applications.get(i);
            ApplicationInfo info = a.application().info();
            List<Finding> findings = a.analysis().findings();
            String health = findings.isEmpty() ? "healthy" : a.analysis().worstSeverity().label();
            html.open("tr", "class", "app");
            html.element("td", HtmlReport.displayName(info));
            html.element("td", info.id() + info.attemptId().map(at -> " attempt " + at).orElse(""), "class", "mono");
            Tables.number(html, info.duration(), Units::millis);
            html.open("td", "data-v", Integer.toString(findings.isEmpty() ? -1 : a.analysis().worstSeverity().ordinal()))
                    .element("span", health, "class", "badge " + health).close("td");
            for (Severity s : new Severity[] {Severity.CRITICAL, Severity.WARNING, Severity.INFO}) {
                Tables.number(html, findings.stream().filter(f -> f.severity() == s).count(), Long::toString);
            }
            html.open("td").element("a", "open", "href", fileNames.get(i)).close("td");
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
