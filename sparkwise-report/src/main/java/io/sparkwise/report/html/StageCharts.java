package io.sparkwise.report.html;

import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.report.Units;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** Per-stage charts: task-duration distributions, spill, GC and bytes moved. */
final class StageCharts {

    /** Stages per chart: enough to see the heavy ones, few enough to read. All stages are in the table. */
    static final int TOP = 30;
    private static final int ROW = 18;

    private StageCharts() {
    }

    /** Box and whisker plot of task durations (min, p25, median, p75, p95, max) of the heaviest stages. */
    static void taskDurations(Html html, List<StageAttempt> stages) {
        List<StageAttempt> rows = top(stages, s -> s.taskDistributions().of(TaskQuantity.DURATION).sum());
        if (rows.isEmpty()) {
            html.element("p", "No stage has successful tasks in the log, so there are no task durations.", "class", "note");
            return;
        }
        long min = rows.stream().mapToLong(s -> s.taskDistributions().of(TaskQuantity.DURATION).min()).min().orElse(1);
        long max = rows.stream().mapToLong(s -> s.taskDistributions().of(TaskQuantity.DURATION).max()).max().orElse(1);
        Chart.Axis axis = Chart.Axis.log(Math.max(1, min), Math.max(10, max), Units::millis, "task duration (log scale)");
        Chart.begin(html, "task-durations", "Task duration distribution per stage", Chart.height(rows.size(), ROW), axis,
                List.of(new Chart.Legend("whisker", "min to max"), new Chart.Legend("box", "p25 to p75"),
                        new Chart.Legend("median", "median"), new Chart.Legend("p95", "p95")));
        int y = Chart.TOP;
        for (StageAttempt s : rows) {
            QuantileSketch d = s.taskDistributions().of(TaskQuantity.DURATION);
            double mid = y + ROW / 2.0;
            String tip = label(s) + ": " + d.count() + " successful tasks\nmin " + Units.millis(d.min())
                    + ", p25 " + Units.millis(d.quantile(0.25)) + ", median " + Units.millis(d.quantile(0.5))
                    + ", p75 " + Units.millis(d.quantile(0.75)) + ", p95 " + Units.millis(d.quantile(0.95))
                    + ", max " + Units.millis(d.max());
            Chart.rowLabel(html, label(s), y + ROW - 5);
            html.open("g", "class", "mark boxplot");
            html.element("title", tip);
            html.empty("line", "class", "whisker", "x1", Html.num(axis.x(d.min())), "x2", Html.num(axis.x(d.max())),
                    "y1", Html.num(mid), "y2", Html.num(mid));
            double b1 = axis.x(d.quantile(0.25));
            html.empty("rect", "class", "box", "x", Html.num(b1), "y", Html.num(y + 3),
                    "width", Html.num(Math.max(1, axis.x(d.quantile(0.75)) - b1)), "height", Html.num(ROW - 6));
            String median = Html.num(axis.x(d.quantile(0.5)));
            html.empty("line", "class", "median", "x1", median, "x2", median, "y1", Html.num(y + 2), "y2", Html.num(y + ROW - 2));
            double p95 = axis.x(d.quantile(0.95));
            html.empty("path", "class", "p95", "d", "M" + Html.num(p95) + " " + Html.num(mid - 4) + "l4 4l-4 4l-4 -4z");
            html.close("g");
            y += ROW;
        }
        Chart.end(html, caption(rows.size(), stages.size(), "total task time")
                + " Quantiles come from per-stage sketches (within 1%); whiskers end at the exact min and max.");
    }

    /** Memory and disk spill of the stages that spilled the most. */
    static void spill(Html html, List<StageAttempt> stages) {
        List<StageAttempt> rows = top(stages, s -> s.metrics().memoryBytesSpilled() + s.metrics().diskBytesSpilled());
        if (rows.isEmpty()) {
            html.element("p", "No stage spilled to memory or disk.", "class", "note");
            return;
        }
        long max = rows.stream().mapToLong(s -> Math.max(s.metrics().memoryBytesSpilled(), s.metrics().diskBytesSpilled()))
                .max().orElse(1);
        groupedBars(html, "spill", "Spill per stage", rows, Chart.Axis.linear(max, Units::bytes, "bytes spilled"),
                List.of(new Series("spill-memory", "memory spilled (deserialized size)", m -> m.memoryBytesSpilled()),
                        new Series("spill-disk", "disk spilled (serialized size)", m -> m.diskBytesSpilled())),
                caption(rows.size(), stages.size(), "spill"));
    }

    /** GC time against executor run time, for the stages with the most GC. */
    static void gc(Html html, List<StageAttempt> stages) {
        List<StageAttempt> rows = top(stages, s -> s.metrics().jvmGcTime());
        if (rows.isEmpty()) {
            html.element("p", "No stage reports JVM GC time.", "class", "note");
            return;
        }
        long max = rows.stream().mapToLong(s -> s.metrics().executorRunTime()).max().orElse(1);
        groupedBars(html, "gc", "GC time per stage", rows, Chart.Axis.linear(max, Units::millis, "task time (sum over tasks)"),
                List.of(new Series("runtime", "executor run time", TaskMetricTotals::executorRunTime),
                        new Series("gc", "JVM GC time", TaskMetricTotals::jvmGcTime)),
                caption(rows.size(), stages.size(), "GC time"));
    }

    /** Input, shuffle read, shuffle write and output bytes of the stages that moved the most. */
    static void bytes(Html html, List<StageAttempt> stages) {
        List<StageAttempt> rows = top(stages, s -> moved(s.metrics()));
        if (rows.isEmpty()) {
            html.element("p", "No stage read input, shuffled or wrote output.", "class", "note");
            return;
        }
        long max = rows.stream().mapToLong(s -> Math.max(Math.max(s.metrics().inputBytes(), s.metrics().outputBytes()),
                Math.max(s.metrics().shuffleReadBytes(), s.metrics().shuffleWriteBytes()))).max().orElse(1);
        groupedBars(html, "io", "Bytes read and written per stage", rows, Chart.Axis.linear(max, Units::bytes, "bytes"),
                List.of(new Series("input", "input", TaskMetricTotals::inputBytes),
                        new Series("shuffle-read", "shuffle read", TaskMetricTotals::shuffleReadBytes),
                        new Series("shuffle-write", "shuffle write", TaskMetricTotals::shuffleWriteBytes),
                        new Series("output", "output", TaskMetricTotals::outputBytes)),
                caption(rows.size(), stages.size(), "bytes moved"));
    }

    private record Series(String cssClass, String label, ToLongFunction<TaskMetricTotals> value) {
    }

    private static void groupedBars(Html html, String id, String title, List<StageAttempt> rows, Chart.Axis axis,
                                    List<Series> series, String caption) {
        int barHeight = series.size() > 2 ? 4 : 7;
        int rowHeight = series.size() * barHeight + 4;
        Chart.begin(html, id, title, Chart.height(rows.size(), rowHeight), axis,
                series.stream().map(s -> new Chart.Legend(s.cssClass(), s.label())).toList());
        int y = Chart.TOP;
        for (StageAttempt stage : rows) {
            Chart.rowLabel(html, label(stage), y + rowHeight / 2.0 + 4);
            int by = y + 2;
            for (Series s : series) {
                long v = s.value().applyAsLong(stage.metrics());
                if (v > 0) {
                    String text = label(stage) + " " + s.label() + ": " + axis.label().apply(v);
                    Chart.bar(html, s.cssClass(), Chart.LEFT, by, axis.x(v) - Chart.LEFT, barHeight, text);
                }
                by += barHeight;
            }
            y += rowHeight;
        }
        Chart.end(html, caption);
    }

    static long moved(TaskMetricTotals m) {
        return m.inputBytes() + m.shuffleReadBytes() + m.shuffleWriteBytes() + m.outputBytes();
    }

    /** The {@link #TOP} stages with the largest positive {@code weight}, in stage id order. */
    private static List<StageAttempt> top(List<StageAttempt> stages, ToLongFunction<StageAttempt> weight) {
        return stages.stream().filter(s -> weight.applyAsLong(s) > 0)
                .sorted(Comparator.comparingLong(weight).reversed()).limit(TOP)
                .sorted(Comparator.comparingInt(StageAttempt::stageId).thenComparingInt(StageAttempt::attemptId))
                .toList();
    }

    private static String caption(int shown, int all, String by) {
        return shown < all ? "The " + shown + " stage attempts with the most " + by + " of " + all
                + ", in stage order; every stage is in the stage table." : "";
    }

    static String label(StageAttempt s) {
        return "stage " + s.stageId() + "." + s.attemptId();
    }
}
