package io.sparkwise.report.html;

import io.sparkwise.model.Executor;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.report.Units;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The stage and executor tables. Cells of numbers carry their raw value in {@code data-v} so
 * the page's script sorts by value, not by the formatted text.
 */
final class Tables {

    static final int MAX_ROWS = 2000;

    private Tables() {
    }

    static void stages(Html html, List<StageAttempt> all) {
        List<StageAttempt> stages = all.stream()
                .sorted(Comparator.comparingInt(StageAttempt::stageId).thenComparingInt(StageAttempt::attemptId))
                .limit(MAX_ROWS).toList();
        if (stages.isEmpty()) {
            html.element("p", "No stages in the log.", "class", "note");
            return;
        }
        if (stages.size() < all.size()) {
            html.element("p", "The first " + MAX_ROWS + " of " + all.size() + " stage attempts.", "class", "note");
        }
        html.open("div", "class", "scroll").open("table", "class", "sortable", "id", "stage-table");
        header(html, "stage", "status", "name", "tasks", "failed", "duration", "task time", "median task",
                "p95 task", "max task", "input", "shuffle read", "shuffle write", "output", "memory spill",
                "disk spill", "GC time");
        html.open("tbody");
        for (StageAttempt s : stages) {
            TaskMetricTotals m = s.metrics();
            QuantileSketch d = s.taskDistributions().of(TaskQuantity.DURATION);
            html.open("tr", "id", "stage-" + s.stageId() + "-" + s.attemptId());
            html.element("td", s.stageId() + "." + s.attemptId(), "data-v", Long.toString(s.stageId() * 1000L + s.attemptId()));
            html.element("td", s.status().name().toLowerCase(Locale.ROOT));
            html.element("td", SqlSection.cut(s.name(), 80), "title", SqlSection.cut(s.name(), 400));
            number(html, s.numTasks(), n -> String.format(Locale.ROOT, "%,d", n));
            number(html, s.numFailedTasks(), n -> String.format(Locale.ROOT, "%,d", n));
            number(html, s.duration().orElse(-1), n -> n < 0 ? "-" : Units.millis(n));
            number(html, m.executorRunTime(), Units::millis);
            number(html, d.isEmpty() ? -1 : d.quantile(0.5), n -> n < 0 ? "-" : Units.millis(n));
            number(html, d.isEmpty() ? -1 : d.quantile(0.95), n -> n < 0 ? "-" : Units.millis(n));
            number(html, d.isEmpty() ? -1 : d.max(), n -> n < 0 ? "-" : Units.millis(n));
            number(html, m.inputBytes(), Units::bytes);
            number(html, m.shuffleReadBytes(), Units::bytes);
            number(html, m.shuffleWriteBytes(), Units::bytes);
            number(html, m.outputBytes(), Units::bytes);
            number(html, m.memoryBytesSpilled(), Units::bytes);
            number(html, m.diskBytesSpilled(), Units::bytes);
            number(html, m.jvmGcTime(), Units::millis);
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
    }

    static void executors(Html html, List<Executor> all) {
        List<Executor> executors = all.stream().sorted(Comparator.comparingLong(Executor::addTime)).limit(MAX_ROWS).toList();
        if (executors.isEmpty()) {
            return;
        }
        html.open("div", "class", "scroll").open("table", "class", "sortable", "id", "executor-table");
        header(html, "executor", "host", "cores", "alive", "removed because", "tasks", "failed", "task time", "GC time",
                "input", "shuffle read", "shuffle write");
        html.open("tbody");
        for (Executor e : executors) {
            html.open("tr");
            html.element("td", e.id());
            html.element("td", e.host());
            number(html, e.totalCores(), Long::toString);
            number(html, e.removeTime().orElse(-1) < 0 ? -1 : e.removeTime().getAsLong() - e.addTime(),
                    n -> n < 0 ? "until the end" : Units.millis(n));
            html.element("td", SqlSection.cut(e.removeReason().orElse(""), 120), "title", e.removeReason().orElse(null));
            number(html, e.totalTasks(), n -> String.format(Locale.ROOT, "%,d", n));
            number(html, e.failedTasks(), n -> String.format(Locale.ROOT, "%,d", n));
            number(html, e.totalDuration(), Units::millis);
            number(html, e.totalGCTime(), Units::millis);
            number(html, e.totalInputBytes(), Units::bytes);
            number(html, e.totalShuffleRead(), Units::bytes);
            number(html, e.totalShuffleWrite(), Units::bytes);
            html.close("tr");
        }
        html.close("tbody").close("table").close("div");
    }

    static void header(Html html, String... columns) {
        html.open("thead").open("tr");
        for (String c : columns) {
            html.element("th", c, "title", "click to sort");
        }
        html.close("tr").close("thead");
    }

    static void number(Html html, long value, LongFunction<String> format) {
        html.element("td", format.apply(value), "class", "num", "data-v", Long.toString(value));
    }
}
