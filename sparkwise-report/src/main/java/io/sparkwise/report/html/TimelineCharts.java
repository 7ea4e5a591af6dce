package io.sparkwise.report.html;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.spark.ExecutorTimeline;
import io.sparkwise.report.SparkTime;
import io.sparkwise.report.Units;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The executor timeline and the stage Gantt chart, on one time axis: time since the application started. */
final class TimelineCharts {

    static final int MAX_EXECUTORS = 200;
    static final int MAX_STAGES = 500;

    /** The application's time span in epoch ms. */
    record Span(long start, long end) {
        static Span of(Application app) {
            long end = ExecutorTimeline.applicationEndMs(app);
            long start = ExecutorTimeline.applicationStartMs(app);
            for (StageAttempt s : app.stages()) {
                if (s.submissionTime().isPresent()) {
                    start = Math.min(start, s.submissionTime().getAsLong());
                }
                if (s.completionTime().isPresent()) {
                    end = Math.max(end, s.completionTime().getAsLong());
                }
            }
            // A damaged log's timestamps can be reversed or extreme (Long.MIN_VALUE, Long.MAX_VALUE):
            // keep the span at least 1 ms long without overflowing.
            return start == Long.MAX_VALUE ? new Span(start - 1, start) : new Span(start, Math.max(end, start + 1));
        }

        /** end - start, Long.MAX_VALUE when that does not fit in a long. */
        long length() {
            long length = end - start;
            return length < 0 ? Long.MAX_VALUE : length;
        }
    }

    private TimelineCharts() {
    }

    static Chart.Axis timeAxis(Span span) {
        return Chart.Axis.linear(span.length(), Units::millis, "time since the application started");
    }

    /** Executors (the driver in local mode) as rows: when each was alive, and when stages were running on the cluster. */
    static void executors(Html html, Application app) {
        List<Executor> workers = app.executors().stream().filter(e -> !e.isDriver()).toList();
        List<Executor> rows = (workers.isEmpty() ? app.executors() : workers).stream()
                .sorted(Comparator.comparingLong(Executor::addTime)).limit(MAX_EXECUTORS).toList();
        if (rows.isEmpty()) {
            html.element("p", "The log records no executors (no SparkListenerExecutorAdded and no driver block "
                    + "manager), so there is no executor timeline.", "class", "note");
            return;
        }
        Span span = Span.of(app);
        Chart.Axis axis = timeAxis(span);
        int rowHeight = rows.size() > 60 ? 8 : 16;
        int height = Chart.height(rows.size(), rowHeight);
        boolean[] busy = busyPixels(app.stages(), span, axis);
        Chart.begin(html, "executor-timeline", "Executor timeline: alive and busy", height, axis, List.of(
                new Chart.Legend("alive", "alive (added to removed)"),
                new Chart.Legend("busy", "busy: stages running; darker = more of its cores used by tasks"),
                new Chart.Legend("removed", "removed")));
        int y = Chart.TOP;
        for (ExecutorTimeline.Lifetime lifetime : ExecutorTimeline.of(rows, span.start(), span.end()).lifetimes()) {
            Executor e = lifetime.executor();
            long from = lifetime.fromMs();
            long to = lifetime.removeMs();
            double x1 = axis.x(from - span.start());
            double x2 = axis.x(to - span.start());
            double utilization = utilization(e, from, to);
            if (rowHeight >= 12) {
                Chart.rowLabel(html, (e.isDriver() ? "driver" : "executor " + e.id()), y + rowHeight - 4);
            }
            Chart.bar(html, "alive", x1, y + 1, x2 - x1, rowHeight - 2, executorTooltip(e, from, to, utilization));
            String opacity = String.format(Locale.ROOT, "%.2f", 0.25 + 0.75 * utilization);
            for (int px = (int) Math.floor(x1) - Chart.LEFT; px < Math.ceil(x2) - Chart.LEFT && px < busy.length; px++) {
                if (px < 0 || !busy[px]) {
                    continue;
                }
                int runEnd = px;
                while (runEnd + 1 < busy.length && busy[runEnd + 1] && runEnd + 1 < Math.ceil(x2) - Chart.LEFT) {
                    runEnd++;
                }
                html.empty("rect", "class", "mark busy", "x", Html.num(Chart.LEFT + px), "y", Html.num(y + 3),
                        "width", Html.num(runEnd - px + 1), "height", Html.num(Math.max(1, rowHeight - 6)),
                        "fill-opacity", opacity);
                px = runEnd;
            }
            if (e.removeTime().isPresent()) {
                html.empty("line", "class", "mark removed", "x1", Html.num(x2), "x2", Html.num(x2),
                        "y1", Html.num(y), "y2", Html.num(y + rowHeight));
            }
            y += rowHeight;
        }
        Chart.end(html, "Busy time is not per executor: the log gives task counts and totals per executor, not "
                + "task times, so a bar is busy while any stage had tasks running, shaded by the executor's "
                + "task time / (alive time x cores)."
                + (rows.size() < (workers.isEmpty() ? app.executors().size() : workers.size())
                ? " Showing the first " + MAX_EXECUTORS + " executors by add time." : ""));
    }

    private static double utilization(Executor e, long from, long to) {
        long capacity = Math.max(1, (to - from) * (long) Math.max(1, e.totalCores()));
        return Math.max(0, Math.min(1, (double) e.totalDuration() / capacity));
    }

    private static String executorTooltip(Executor e, long from, long to, double utilization) {
        return (e.isDriver() ? "driver" : "executor " + e.id()) + " on " + e.host() + ", " + e.totalCores() + " cores\n"
                + "added " + SparkTime.readable(from) + ", " + (e.removeTime().isPresent()
                ? "removed after " + Units.millis(to - from) + e.removeReason().map(r -> ": " + r).orElse("")
                : "alive until the end (" + Units.millis(to - from) + ")") + "\n"
                + e.totalTasks() + " tasks (" + e.failedTasks() + " failed), task time " + Units.millis(e.totalDuration())
                + String.format(Locale.ROOT, ", %.0f%% of its core time", 100 * utilization);
    }

    /** One flag per plot pixel: was any stage running tasks then. */
    private static boolean[] busyPixels(List<StageAttempt> stages, Span span, Chart.Axis axis) {
        boolean[] busy = new boolean[Chart.PLOT_WIDTH + 1];
        for (StageAttempt s : stages) {
            if (s.submissionTime().isEmpty()) {
                continue;
            }
            long from = s.firstTaskLaunchedTime().orElse(s.submissionTime().getAsLong());
            long to = s.completionTime().orElse(span.end());
            int a = (int) Math.floor(axis.x(from - span.start())) - Chart.LEFT;
            int b = (int) Math.ceil(axis.x(to - span.start())) - Chart.LEFT;
            for (int px = Math.max(0, a); px <= Math.min(busy.length - 1, b); px++) {
                busy[px] = true;
            }
        }
        return busy;
    }

    /** Stage attempts from submission to completion, the critical path marked. */
    static void stages(Html html, Application app, List<StageAttempt> criticalPath) {
        List<StageAttempt> timed = app.stages().stream().filter(s -> s.submissionTime().isPresent()).toList();
        if (timed.isEmpty()) {
            html.element("p", "No stage attempt has a submission time in the log.", "class", "note");
            return;
        }
        Span span = Span.of(app);
        List<StageAttempt> rows = timed.stream()
                .sorted(Comparator.comparingLong((StageAttempt s) -> duration(s, span)).reversed())
                .limit(MAX_STAGES)
                .sorted(Comparator.comparingLong((StageAttempt s) -> s.submissionTime().getAsLong())
                        .thenComparingInt(StageAttempt::stageId))
                .toList();
        Map<StageAttempt, Boolean> critical = new IdentityHashMap<>();
        criticalPath.forEach(s -> critical.put(s, true));
        Chart.Axis axis = timeAxis(span);
        int rowHeight = rows.size() > 60 ? 8 : 16;
        Chart.begin(html, "stage-gantt", "Stage timeline (submission to completion)", Chart.height(rows.size(), rowHeight),
                axis, List.of(new Chart.Legend("stage-ok", "completed"), new Chart.Legend("stage-failed", "failed"),
                        new Chart.Legend("stage-running", "no completion in the log"),
                        new Chart.Legend("critical", "on the critical path")));
        int y = Chart.TOP;
        for (StageAttempt s : rows) {
            long from = s.submissionTime().getAsLong() - span.start();
            long to = s.completionTime().orElse(span.end()) - span.start();
            String css = critical.containsKey(s) ? "critical" : s.status() == StageStatus.FAILED ? "stage-failed"
                    : s.completionTime().isEmpty() ? "stage-running" : "stage-ok";
            if (rowHeight >= 12) {
                Chart.rowLabel(html, "stage " + s.stageId() + "." + s.attemptId(), y + rowHeight - 4);
            }
            double x1 = axis.x(from);
            Chart.bar(html, css, x1, y + 1, axis.x(to) - x1, rowHeight - 2, stageTooltip(s, span));
            y += rowHeight;
        }
        Chart.end(html, rows.size() < timed.size()
                ? "Showing the " + MAX_STAGES + " longest of " + timed.size() + " stage attempts; all are in the stage table."
                : timed.size() + " stage attempts.");
    }

    private static long duration(StageAttempt s, Span span) {
        return s.completionTime().orElse(span.end()) - s.submissionTime().orElse(span.start());
    }

    static String stageTooltip(StageAttempt s, Span span) {
        return "stage " + s.stageId() + "." + s.attemptId() + " (" + s.status().name().toLowerCase(Locale.ROOT) + "): "
                + s.name() + "\n" + "submitted at +" + Units.millis(s.submissionTime().orElse(span.start()) - span.start())
                + ", ran " + Units.millis(duration(s, span)) + ", " + s.numTasks() + " tasks"
                + (s.parentStageIds().isEmpty() ? "" : ", parents " + s.parentStageIds());
    }
}
