package io.sparkwise.report.markdown;

import io.sparkwise.report.Units;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskMetricTotals;

import java.util.Comparator;
import java.util.List;

/** The summary numbers of the Markdown report: what ran, what it moved, its heaviest stages. */
final class SummaryMarkdown {

    static final int TOP_STAGES = 5;
    static final int NAME_WIDTH = 60;

    private SummaryMarkdown() {
    }

    static void lines(Application app, List<String> lines) {
        TaskMetricTotals totals = app.totals();
        lines.add("");
        lines.add(Markdown.row("metric", "value"));
        lines.add("|---|---|");
        lines.add(Markdown.row("jobs", count(app.jobs().size()) + " (" + jobs(app, JobStatus.FAILED) + " failed)"));
        lines.add(Markdown.row("stage attempts", count(app.stages().size()) + " (" + stages(app, StageStatus.FAILED)
                + " failed, " + stages(app, StageStatus.SKIPPED) + " skipped)"));
        lines.add(Markdown.row("tasks", count(app.stages().stream().mapToLong(StageAttempt::numCompleteTasks).sum())
                + " completed, " + count(app.stages().stream().mapToLong(StageAttempt::numFailedTasks).sum()) + " failed, "
                + count(app.stages().stream().mapToLong(StageAttempt::numKilledTasks).sum()) + " killed"));
        lines.add(Markdown.row("executors", executors(app)));
        lines.add(Markdown.row("input read", Units.bytes(totals.inputBytes())));
        lines.add(Markdown.row("output written", Units.bytes(totals.outputBytes())));
        lines.add(Markdown.row("shuffle read / write", Units.bytes(totals.shuffleReadBytes()) + " / "
                + Units.bytes(totals.shuffleWriteBytes())));
        lines.add(Markdown.row("spilled (memory / disk)", Units.bytes(totals.memoryBytesSpilled()) + " / "
                + Units.bytes(totals.diskBytesSpilled())));
        lines.add(Markdown.row("executor run time", Units.millis(totals.executorRunTime())));
        lines.add(Markdown.row("GC time", Units.millis(totals.jvmGcTime()) + " ("
                + Units.percent(totals.jvmGcTime(), totals.executorRunTime()) + " of run time)"));
        topStages(app, lines);
    }

    private static void topStages(Application app, List<String> lines) {
        if (app.stages().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("**Top stages by executor run time**");
        lines.add("");
        lines.add(Markdown.row("stage", "name", "status", "tasks", "duration", "run time", "shuffle read",
                "shuffle write", "disk spill"));
        lines.add("|---|---|---|---:|---:|---:|---:|---:|---:|");
        app.stages().stream()
                .sorted(Comparator.comparingLong((StageAttempt s) -> s.metrics().executorRunTime()).reversed()
                        .thenComparingInt(StageAttempt::stageId).thenComparingInt(StageAttempt::attemptId))
                .limit(TOP_STAGES)
                .forEach(s -> lines.add(Markdown.row(s.stageId() + "." + s.attemptId(),
                        Markdown.text(s.name(), NAME_WIDTH), s.status().name(), count(s.numTasks()),
                        s.duration().isPresent() ? Units.millis(s.duration().getAsLong()) : "-",
                        Units.millis(s.metrics().executorRunTime()),
                        Units.bytes(s.metrics().shuffleReadBytes()),
                        Units.bytes(s.metrics().shuffleWriteBytes()),
                        Units.bytes(s.metrics().diskBytesSpilled()))));
    }

    private static String executors(Application app) {
        List<Executor> workers = app.executors().stream().filter(e -> !e.isDriver()).toList();
        // In local mode the driver runs the tasks, so its cores are the application's.
        List<Executor> runners = workers.isEmpty() ? app.executors() : workers;
        long cores = runners.stream().mapToLong(Executor::totalCores).sum();
        String who = workers.isEmpty() ? "driver only (local mode)" : count(workers.size());
        return who + ", " + count(cores) + " cores";
    }

    private static long jobs(Application app, JobStatus status) {
        return app.jobs().stream().map(Job::status).filter(status::equals).count();
    }

    private static long stages(Application app, StageStatus status) {
        return app.stages().stream().map(StageAttempt::status).filter(status::equals).count();
    }

    private static String count(long n) {
        return Units.count(n);
    }
}
