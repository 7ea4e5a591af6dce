package io.sparkwise.report.html;

import io.sparkwise.analysis.ApplicationProfile;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.timeline.CriticalPath;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.Renderer;
import io.sparkwise.report.SparkTime;
import io.sparkwise.report.Units;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page per application: inline CSS, hand-drawn SVG charts and a few lines
 * of script to sort tables; nothing is loaded from the network (the page's Content-Security-Policy
 * forbids it). Its size is bounded whatever the task count: the model has no per-task data, and
 * charts and tables cap the stages, executors and plan nodes they draw.
 */
public final class HtmlReport implements Renderer {

    static final int TOP_FINDINGS = 5;
    static final int TOP_STAGES_BY_COST = 5;
    static final String CSS = resource("report.css");
    static final String SCRIPT = resource("report.js");
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    /** Writes the page of the one application; several applications need one page each, see {@link HtmlPages}. */
    @Override
    public void render(List<AnalyzedApplication> applications, Writer out) throws IOException {
        if (applications.size() != 1) {
            throw onePagePerApplication(applications.size());
        }
        Renderer.super.render(applications, out);
    }

    /** A document of exactly one application: its page; a second application is refused, see {@link HtmlPages}. */
    @Override
    public Document begin(Writer out) {
        return new Document() {
            private int count;

            @Override
            public void application(AnalyzedApplication application) throws IOException {
                if (++count > 1) {
                    throw onePagePerApplication(count);
                }
                out.write(page(application));
                out.flush();
            }

            @Override
            public void end() throws IOException {
                if (count != 1) {
                    throw onePagePerApplication(count);
                }
                out.flush();
            }
        };
    }

    private static IllegalArgumentException onePagePerApplication(int count) {
        return new IllegalArgumentException("an HTML report is one page per application, got "
                + count + " applications: write them to a directory with an index page");
    }

    /** The whole page of one application. */
    public String page(AnalyzedApplication analyzed) {
        Application app = analyzed.application();
        List<StageAttempt> criticalPath = CriticalPath.of(app.stages());
        Html html = new Html();
        head(html, "Sparkwise: " + displayName(app.info()));
        html.open("header");
        html.element("h1", displayName(app.info()));
        html.element("div", app.info().id() + app.info().attemptId().map(a -> " attempt " + a).orElse(""), "class", "sub mono");
        nav(html);
        html.close("header").open("main");

        section(html, "overview", "Overview");
        overview(html, analyzed);
        html.close("section");

        section(html, "findings", "Findings");
        FindingsSection.write(html, analyzed.analysis());
        html.close("section");

        section(html, "executors", "Executors");
        TimelineCharts.executors(html, app);
        Tables.executors(html, app.executors());
        html.close("section");

        section(html, "stages", "Stages");
        TimelineCharts.stages(html, app, criticalPath);
        criticalPath(html, criticalPath);
        html.close("section");

        section(html, "tasks", "Task durations");
        StageCharts.taskDurations(html, app.stages());
        html.close("section");

        section(html, "spill-gc", "Spill and GC");
        StageCharts.spill(html, app.stages());
        StageCharts.gc(html, app.stages());
        html.close("section");

        section(html, "io", "Input, shuffle and output");
        StageCharts.bytes(html, app.stages());
        html.close("section");

        section(html, "stage-list", "All stages");
        Tables.stages(html, app.stages());
        html.close("section");

        section(html, "sql", "SQL queries");
        SqlSection.write(html, app.sqlExecutions(), analyzed.analysis().findings());
        html.close("section");

        section(html, "environment", "Environment");
        EnvironmentSection.write(html, app.environment());
        html.close("section");

        readReport(html, app);
        html.close("main");
        tail(html);
        return html.toString();
    }

    static void head(Html html, String title) {
        html.trusted("<!DOCTYPE html>\n");
        html.open("html", "lang", "en").open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.empty("meta", "name", "generator", "content", "sparkwise");
        html.element("title", title);
        html.open("style").trusted(CSS).close("style");
        html.close("head").open("body");
    }

    static void tail(Html html) {
        html.open("footer").text("Written by Sparkwise from the application's event log. Works offline.").close("footer");
        html.open("script").trusted(SCRIPT).close("script");
        html.close("body").close("html");
        html.trusted("\n");
    }

    private static void nav(Html html) {
        html.open("nav");
        String[][] links = {{"overview", "Overview"}, {"findings", "Findings"}, {"executors", "Executors"},
            {"stages", "Stages"}, {"tasks", "Task durations"}, {"spill-gc", "Spill and GC"}, {"io", "I/O"},
            {"stage-list", "All stages"}, {"sql", "SQL"}, {"environment", "Environment"}};
        for (String[] link : links) {
            html.element("a", link[1], "href", "#" + link[0]);
        }
        html.close("nav");
    }

    private static void fact(Html html, String name, String value) {
        html.element("dt", name).element("dd", value);
    }

    private static void section(Html html, String id, String title) {
        html.open("section", "id", id);
        html.element("h2", title);
    }

    private static void overview(Html html, AnalyzedApplication analyzed) {
        Application app = analyzed.application();
        ApplicationInfo info = app.info();
        List<Finding> findings = analyzed.analysis().findings();
        String health = findings.isEmpty() ? "healthy" : analyzed.analysis().worstSeverity().label();
        html.open("div", "class", "health " + health, "id", "health");
        html.element("span", health, "class", "badge " + health);
        html.text(findings.isEmpty() ? " No rule found a problem." : " " + FindingsSection.counts(findings) + ".");
        html.close("div");

        html.open("dl", "class", "facts");
        fact(html, "duration", Units.millis(info.duration()) + (info.completed() ? "" : " (incomplete: until the last event)"));
        fact(html, "cluster manager", info.clusterManager().label() + info.master().map(m -> " (" + m + ")").orElse(""));
        fact(html, "Spark version", info.sparkVersion().orElse("unknown"));
        fact(html, "user", info.sparkUser());
        fact(html, "started", info.startTime().isPresent() ? SparkTime.readable(info.startTime().getAsLong()) : "unknown");
        long workers = app.executors().stream().filter(e -> !e.isDriver()).count();
        fact(html, "executors", workers > 0 ? Long.toString(workers) : app.executors().isEmpty() ? "none in the log" : "driver only (local mode)");
        fact(html, "jobs / stage attempts / SQL queries", app.jobs().size() + " / " + app.stages().size() + " / "
                + app.sqlExecutions().size());
        html.close("dl");

        costDrivers(html, app);

        if (!findings.isEmpty()) {
            html.element("h3", "Top findings");
            html.open("ol", "class", "top-findings");
            for (Finding f : findings.subList(0, Math.min(TOP_FINDINGS, findings.size()))) {
                html.open("li");
                html.element("span", f.severity().label(), "class", "badge " + f.severity().label());
                html.element("b", " " + f.title());
                html.text(" (");
                FindingsSection.scopeLink(html, f.scope());
                html.text(")");
                FindingsSection.fix(html, f);
                html.close("li");
            }
            html.close("ol");
            if (findings.size() > TOP_FINDINGS) {
                html.open("p").open("a", "href", "#findings").text("All " + findings.size() + " findings").close("a").close("p");
            }
        }
    }

    /** What the application paid for (executor core time) and where it went (the stages with the most task time). */
    private static void costDrivers(Html html, Application app) {
        ApplicationProfile profile = ApplicationProfile.of(app);
        html.element("h3", "Cost drivers");
        html.open("ul", "class", "cost");
        if (profile.allocatedCoreMs() > 0) {
            html.element("li", coreTime(profile.allocatedCoreMs()) + " allocated to executors (" + profile.maxConcurrentCores()
                    + " cores at most), " + coreTime(profile.taskCoreMs()) + " of task time: "
                    + Units.percent(profile.taskCoreMs(), profile.allocatedCoreMs()) + " of the allocated time used by tasks");
        } else {
            html.element("li", coreTime(profile.taskCoreMs()) + " of task time; the log does not say which executors "
                    + "ran them, so allocated time is unknown");
        }
        long taskTime = Math.max(1, app.stages().stream().mapToLong(s -> s.metrics().executorRunTime()).sum());
        app.stages().stream().sorted(Comparator.comparingLong((StageAttempt s) -> s.metrics().executorRunTime()).reversed())
                .limit(TOP_STAGES_BY_COST).filter(s -> s.metrics().executorRunTime() > 0)
                .forEach(s -> {
                    html.open("li");
                    html.element("a", StageCharts.label(s), "href", "#stage-" + s.stageId() + "-" + s.attemptId());
                    html.text(": " + Units.percent(s.metrics().executorRunTime(), taskTime) + " of task time ("
                            + Units.millis(s.metrics().executorRunTime()) + ", " + s.numTasks() + " tasks) "
                            + SqlSection.cut(s.name(), 80));
                    html.close("li");
                });
        html.close("ul");
    }

    /** Core time in core-hours, or core-seconds when under a tenth of an hour. */
    static String coreTime(long coreMs) {
        return coreMs >= 360_000 ? String.format(Locale.ROOT, "%,.2f core-hours", coreMs / 3_600_000.0)
                : String.format(Locale.ROOT, "%,.1f core-seconds", coreMs / 1000.0);
    }

    private static void criticalPath(Html html, List<StageAttempt> path) {
        html.element("h3", "Critical path");
        html.element("p", CriticalPath.EXPLANATION, "class", "note");
        if (path.isEmpty()) {
            html.element("p", "No stage has both a submission and a completion time.", "class", "note");
            return;
        }
        long stageTime = path.stream().mapToLong(s -> s.duration().orElse(0)).sum();
        html.element("p", path.size() + " stage attempts, " + Units.millis(stageTime) + " of stage time.");
        html.open("ol", "class", "critical-path", "id", "critical-path");
        for (StageAttempt s : path) {
            html.open("li");
            html.element("a", StageCharts.label(s), "href", "#stage-" + s.stageId() + "-" + s.attemptId());
            html.text(" " + Units.millis(s.duration().orElse(0)) + ": " + SqlSection.cut(s.name(), 100));
            html.close("li");
        }
        html.close("ol");
    }

    private static void readReport(Html html, Application app) {
        html.open("section", "id", "log");
        html.element("h2", "Event log");
        var report = app.readReport();
        html.element("p", report.source() + ": " + report.files().size() + " file(s), " + Units.bytes(report.bytesRead())
                + ", " + String.format(Locale.ROOT, "%,d", report.events()) + " events"
                + (report.damagedLineCount() > 0 ? ", " + report.damagedLineCount() + " damaged lines skipped" : "")
                + (report.inProgress() ? ", still being written" : ""));
        if (!report.notes().isEmpty()) {
            html.open("ul", "class", "note");
            report.notes().forEach(n -> html.element("li", n));
            html.close("ul");
        }
        html.close("section");
    }

    static String displayName(ApplicationInfo info) {
        return info.name().isBlank() ? info.id() : info.name();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " of the HTML report");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
