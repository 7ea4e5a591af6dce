package io.sparkwise.report;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A readable terminal summary of each application: what ran, where, how long, what it moved,
 * its heaviest stages, its failures and what went wrong reading the log. Plain text, aligned
 * columns, human units; no color (a later TTY-only addition).
 */
public final class TextReport implements Renderer {

    private final boolean color;

    /** Plain text, for files, pipes and tests. */
    public TextReport() {
        this(false);
    }

    /** @param color ANSI colors on the severity labels: only for an interactive terminal */
    public TextReport(boolean color) {
        this.color = color;
    }

    static final int TOP_STAGES = 10;
    static final int TOP_SQL = 5;
    static final int DAMAGED_LINES_SHOWN = 5;
    static final int NAME_WIDTH = 40;
    static final int MESSAGE_WIDTH = 100;
    private static final int LABEL_WIDTH = 22;

    @Override
    public Document begin(Writer out) {
        return Renderer.lines(out, "\n", this::lines);
    }

    /** The report of one application, line by line. */
    List<String> lines(AnalyzedApplication analyzed) {
        Application app = analyzed.application();
        List<String> lines = new ArrayList<>();
        header(app, lines);
        FindingsText.lines(analyzed.analysis(), lines, color);
        executors(app.executors(), lines);
        work(app, lines);
        totals(app.totals(), lines);
        topStages(app.stages(), lines);
        failures(app.taskFailures(), lines);
        sql(app.sqlExecutions(), lines);
        readReport(app.readReport(), lines);
        return lines;
    }

    private void header(Application app, List<String> lines) {
        ApplicationInfo info = app.info();
        lines.add("Application " + (info.name().isEmpty() ? "(name not in the log)" : SafeText.line(info.name())));
        field(lines, "id", info.id());
        info.attemptId().ifPresent(attempt -> field(lines, "attempt", attempt));
        field(lines, "user", info.sparkUser());
        field(lines, "Spark version", info.sparkVersion().orElse("unknown"));
        field(lines, "cluster manager", info.clusterManager().label()
                + info.master().map(master -> " (master " + master + ")").orElse(""));
        field(lines, "started", info.startTime().isPresent() ? SparkTime.readable(info.startTime().getAsLong()) : "unknown");
        info.endTime().ifPresent(end -> field(lines, "ended", SparkTime.readable(end)));
        field(lines, "duration", Units.millis(info.duration()) + (info.completed() ? "" : " (until the last event)"));
        field(lines, "status", status(app));
    }

    private static String status(Application app) {
        if (app.info().completed()) {
            return "completed";
        }
        return app.readReport().inProgress() ? "incomplete (in progress)" : "incomplete (no ApplicationEnd)";
    }

    private void executors(List<Executor> all, List<String> lines) {
        List<Executor> workers = all.stream().filter(e -> !e.isDriver()).toList();
        // In local mode the driver runs the tasks: count it then, and only then.
        List<Executor> taskRunners = workers.isEmpty() ? all : workers;
        lines.add("");
        lines.add("Executors");
        field(lines, "executors", !workers.isEmpty() ? count(workers.size())
                : all.isEmpty() ? "none recorded in the log" : "driver only (local mode)");
        field(lines, "cores", count(taskRunners.stream().mapToLong(Executor::totalCores).sum()));
        field(lines, "max concurrent tasks", count(taskRunners.stream().mapToLong(Executor::maxTasks).sum()));
        List<Executor> removed = workers.stream().filter(e -> e.removeTime().isPresent()).toList();
        field(lines, "added / removed", workers.size() + " added, " + removed.size() + " removed");
        for (Map.Entry<String, Long> reason : byCountDescending(removed.stream()
                .map(e -> e.removeReason().orElse("no reason logged")).toList()).entrySet()) {
            lines.add("    " + reason.getValue() + " x " + cut(oneLine(reason.getKey()), MESSAGE_WIDTH));
        }
    }

    private void work(Application app, List<String> lines) {
        lines.add("");
        lines.add("Work");
        Map<JobStatus, Long> jobs = app.jobs().stream().collect(Collectors.groupingBy(Job::status, Collectors.counting()));
        field(lines, "jobs", count(app.jobs().size()) + ": "
                + countsOf(jobs, JobStatus.SUCCEEDED, "succeeded", JobStatus.FAILED, "failed")
                + nonZero(jobs, JobStatus.RUNNING, "running") + nonZero(jobs, JobStatus.UNKNOWN, "unknown"));
        Map<StageStatus, Long> stages = app.stages().stream()
                .collect(Collectors.groupingBy(StageAttempt::status, Collectors.counting()));
        field(lines, "stage attempts", count(app.stages().size()) + ": "
                + countsOf(stages, StageStatus.COMPLETE, "complete", StageStatus.FAILED, "failed")
                + ", " + count(stages.getOrDefault(StageStatus.SKIPPED, 0L)) + " skipped"
                + nonZero(stages, StageStatus.ACTIVE, "active") + nonZero(stages, StageStatus.PENDING, "pending"));
        field(lines, "tasks", count(app.stages().stream().mapToLong(StageAttempt::numCompleteTasks).sum()) + " completed, "
                + count(app.stages().stream().mapToLong(StageAttempt::numFailedTasks).sum()) + " failed, "
                + count(app.stages().stream().mapToLong(StageAttempt::numKilledTasks).sum()) + " killed, "
                + count(app.jobs().stream().mapToLong(Job::numSkippedTasks).sum()) + " skipped");
    }

    private void totals(TaskMetricTotals totals, List<String> lines) {
        lines.add("");
        lines.add("Totals");
        field(lines, "input read", Units.bytes(totals.inputBytes()));
        field(lines, "output written", Units.bytes(totals.outputBytes()));
        field(lines, "shuffle read", Units.bytes(totals.shuffleReadBytes()));
        field(lines, "shuffle write", Units.bytes(totals.shuffleWriteBytes()));
        field(lines, "memory spilled", Units.bytes(totals.memoryBytesSpilled()));
        field(lines, "disk spilled", Units.bytes(totals.diskBytesSpilled()));
        field(lines, "executor run time", Units.millis(totals.executorRunTime()));
        field(lines, "CPU time", Units.nanos(totals.executorCpuTime()));
        field(lines, "GC time", Units.millis(totals.jvmGcTime())
                + " (" + Units.percent(totals.jvmGcTime(), totals.executorRunTime()) + " of executor run time)");
    }

    private void topStages(List<StageAttempt> stages, List<String> lines) {
        lines.add("");
        if (stages.isEmpty()) {
            lines.add("Top stages by executor run time: none");
            return;
        }
        lines.add("Top stages by executor run time");
        TextTable table = new TextTable("STAGE", "NAME", "STATUS", "TASKS>", "DURATION>", "RUN TIME>",
                "SHUFFLE READ>", "SHUFFLE WRITE>", "DISK SPILL>", "MEDIAN TASK>", "MAX TASK>");
        stages.stream()
                .sorted(Comparator.comparingLong((StageAttempt s) -> s.metrics().executorRunTime()).reversed())
                .limit(TOP_STAGES)
                .forEach(stage -> table.row(stageRow(stage)));
        lines.addAll(table.lines("  "));
    }

    private static String[] stageRow(StageAttempt stage) {
        TaskMetricTotals m = stage.metrics();
        QuantileSketch durations = stage.taskDistributions().of(TaskQuantity.DURATION);
        return new String[] {
            stage.stageId() + "." + stage.attemptId(),
            cut(stage.name(), NAME_WIDTH),
            stage.status().name(),
            count(stage.numTasks()),
            stage.duration().isPresent() ? Units.millis(stage.duration().getAsLong()) : "-",
            Units.millis(m.executorRunTime()),
            Units.bytes(m.shuffleReadBytes()),
            Units.bytes(m.shuffleWriteBytes()),
            Units.bytes(m.diskBytesSpilled()),
            durations.isEmpty() ? "-" : Units.millis(durations.quantile(0.5)),
            durations.isEmpty() ? "-" : Units.millis(durations.max()),
        };
    }

    private void failures(List<TaskFailureGroup> groups, List<String> lines) {
        lines.add("");
        if (groups.isEmpty()) {
            lines.add("Task failures: none");
            return;
        }
        long attempts = groups.stream().mapToLong(TaskFailureGroup::count).sum();
        long lost = groups.stream().mapToLong(TaskFailureGroup::wastedTaskTime).sum();
        lines.add("Task failures: " + count(attempts) + " task attempts, " + Units.millis(lost) + " of task time lost");
        TextTable table = new TextTable("KIND", "CAUSE", "COUNT>", "LOST TIME>", "STAGES", "SAMPLE MESSAGE");
        groups.stream()
                .sorted(Comparator.comparingInt(TaskFailureGroup::count).reversed())
                .forEach(g -> table.row(g.kind().sparkName(), cut(g.cause(), NAME_WIDTH), count(g.count()),
                        Units.millis(g.wastedTaskTime()),
                        g.stageIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                        cut(oneLine(g.sampleMessage()), MESSAGE_WIDTH)));
        lines.addAll(table.lines("  "));
    }

    private void sql(List<SqlExecution> executions, List<String> lines) {
        lines.add("");
        if (executions.isEmpty()) {
            lines.add("SQL executions: none");
            return;
        }
        lines.add("SQL executions: " + count(executions.size()) + ", longest first");
        TextTable table = new TextTable("ID>", "STATUS", "DURATION>", "JOBS>", "DESCRIPTION");
        executions.stream()
                .sorted(Comparator.comparingLong((SqlExecution e) -> e.duration().orElse(-1)).reversed())
                .limit(TOP_SQL)
                .forEach(e -> table.row(String.valueOf(e.id()), e.status(),
                        e.duration().isPresent() ? Units.millis(e.duration().getAsLong()) : "-",
                        count(e.successJobIds().size() + e.failedJobIds().size() + e.runningJobIds().size()),
                        cut(oneLine(e.description()), MESSAGE_WIDTH)));
        lines.addAll(table.lines("  "));
    }

    private void readReport(ReadReport report, List<String> lines) {
        lines.add("");
        lines.add("Event log");
        field(lines, "source", report.source());
        field(lines, "read", count(report.files().size()) + (report.files().size() == 1 ? " file, " : " files, ")
                + Units.bytes(report.bytesRead()) + ", " + count(report.lines()) + " lines, "
                + count(report.events()) + " events");
        if (report.damagedLineCount() > 0) {
            field(lines, "damaged lines", count(report.damagedLineCount()) + " skipped");
            report.damagedLines().stream().limit(DAMAGED_LINES_SHOWN).forEach(d ->
                    lines.add("    " + SafeText.line(d.file()) + ":" + d.line() + ": "
                            + cut(oneLine(d.reason()), MESSAGE_WIDTH)));
        }
        if (report.truncatedLastLine()) {
            field(lines, "last line", report.inProgress() ? "cut off (normal for an in-progress log)" : "cut off");
        }
        report.notes().forEach(note -> field(lines, "note", note));
        if (!report.unknownEvents().isEmpty()) {
            long total = report.unknownEvents().values().stream().mapToLong(Long::longValue).sum();
            field(lines, "unknown events", count(total) + " events of " + count(report.unknownEvents().size()) + " kinds, not used");
            byCount(report.unknownEvents()).forEach((name, n) -> lines.add("    " + count(n) + " x " + SafeText.line(name)));
        }
    }

    /** A labelled value; the value (often from the log) made safe for one terminal line. */
    private static void field(List<String> lines, String label, String value) {
        lines.add("  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length() + 1)) + SafeText.line(value));
    }

    private static <K> String countsOf(Map<K, Long> counts, K first, String firstLabel, K second, String secondLabel) {
        return count(counts.getOrDefault(first, 0L)) + " " + firstLabel + ", "
                + count(counts.getOrDefault(second, 0L)) + " " + secondLabel;
    }

    private static <K> String nonZero(Map<K, Long> counts, K key, String label) {
        long n = counts.getOrDefault(key, 0L);
        return n == 0 ? "" : ", " + count(n) + " " + label;
    }

    private static Map<String, Long> byCountDescending(List<String> values) {
        return byCount(values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
    }

    /** Largest count first, ties by name, so the output is stable. */
    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Made safe for one line ({@link SafeText#line}), then cut to {@code width} at a code-point boundary. */
    static String cut(String s, int width) {
        return SafeText.cut(SafeText.line(s), width, "...");
    }

    /** First line only: stack traces and plan texts would break the layout. */
    static String oneLine(String s) {
        int newline = s.indexOf('\n');
        return (newline < 0 ? s : s.substring(0, newline)).strip();
    }
}
