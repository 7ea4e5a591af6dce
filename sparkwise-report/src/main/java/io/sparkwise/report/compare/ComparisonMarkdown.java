package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.analysis.compare.ConfigChange;
import io.sparkwise.analysis.compare.ExecutorLayout;
import io.sparkwise.analysis.compare.FindingChange;
import io.sparkwise.analysis.compare.MetricDelta;
import io.sparkwise.analysis.compare.RunMetric;
import io.sparkwise.analysis.compare.StageDelta;
import io.sparkwise.analysis.compare.StageRun;
import io.sparkwise.report.markdown.Markdown;
import io.sparkwise.report.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A comparison for a pull-request or chat comment: the headline first, then the tables. */
final class ComparisonMarkdown implements LineRenderer {

    static final int STAGES_SHOWN = 10;
    static final int NAME_WIDTH = 60;
    static final int VALUE_WIDTH = 80;

    @Override
    public List<String> lines(Comparison c) {
        List<String> lines = new ArrayList<>();
        lines.add("### Sparkwise compare: " + Markdown.code(c.before().applicationId()) + " → "
                + Markdown.code(c.after().applicationId()));
        lines.add("");
        MetricDelta wall = c.metric(RunMetric.WALL_TIME);
        lines.add(trend(wall) + " **wall time " + Figures.headline(wall) + "**, task core time "
                + Figures.headline(c.metric(RunMetric.TASK_CORE_TIME)));
        metrics(c, lines);
        executors(c, lines);
        config(c, lines);
        stages(c, lines);
        findings(c, lines);
        return lines;
    }

    private static String trend(MetricDelta m) {
        return m.delta() > 0 ? "🔺" : m.delta() < 0 ? "🔻" : "➖";
    }

    private static void metrics(Comparison c, List<String> lines) {
        lines.add("");
        lines.add(Markdown.row("", "before", "after", "change"));
        lines.add("|---|---:|---:|---:|");
        RunMetric.Group group = null;
        for (MetricDelta m : c.metrics()) {
            if (m.metric().group() != group) {
                group = m.metric().group();
                lines.add(Markdown.row("**" + Markdown.text(group.title(), VALUE_WIDTH) + "**", "", "", ""));
            }
            RunMetric.Unit unit = m.metric().unit();
            lines.add(Markdown.row(m.metric().label(), Figures.value(unit, m.before()), Figures.value(unit, m.after()),
                    Figures.change(m)));
        }
    }

    private static void executors(Comparison c, List<String> lines) {
        ExecutorLayout b = c.beforeExecutors();
        ExecutorLayout a = c.afterExecutors();
        lines.add("");
        lines.add(Markdown.row("executors", "before", "after"));
        lines.add("|---|---:|---:|");
        lines.add(Markdown.row("executors", Units.count(b.executors()), Units.count(a.executors())));
        lines.add(Markdown.row("total cores", Units.count(b.totalCores()), Units.count(a.totalCores())));
        lines.add(Markdown.row("cores per executor", Units.count(b.coresPerExecutor()),
                Units.count(a.coresPerExecutor())));
        lines.add(Markdown.row("storage memory per executor", Units.bytes(b.storageMemoryPerExecutor()),
                Units.bytes(a.storageMemoryPerExecutor())));
        lines.add(Markdown.row("`spark.executor.memory`", setting(b.executorMemory()), setting(a.executorMemory())));
        lines.add(Markdown.row("`spark.driver.memory`", setting(b.driverMemory()), setting(a.driverMemory())));
    }

    private static String setting(Optional<String> value) {
        return value.map(Markdown::code).orElse("default");
    }

    private static void config(Comparison c, List<String> lines) {
        lines.add("");
        if (c.configChanges().isEmpty()) {
            lines.add("**Spark configuration**: no differences (per-run ids, hosts, ports and paths not compared)");
            return;
        }
        lines.add("**Spark configuration**: " + ComparisonText.configCounts(c.configChanges())
                + " (per-run ids, hosts, ports and paths not compared)");
        lines.add("");
        lines.add(Markdown.row("key", "before", "after"));
        lines.add("|---|---|---|");
        for (ConfigChange change : c.configChanges()) {
            lines.add(Markdown.row(Markdown.code(change.key()), value(change.before()), value(change.after())));
        }
    }

    private static String value(Optional<String> value) {
        return value.map(v -> Markdown.code(cut(v))).orElse("_not set_");
    }

    private static void stages(Comparison c, List<String> lines) {
        lines.add("");
        lines.add("**Stages**: " + c.matchedStages().size() + " in both runs, " + c.addedStages().size()
                + " only after, " + c.removedStages().size() + " only before (matched by call site and SQL plan)");
        if (!c.matchedStages().isEmpty()) {
            lines.add("");
            lines.add(Markdown.row("stage", "name", "duration before", "after", "change", "run time before", "after",
                    "change"));
            lines.add("|---|---|---:|---:|---:|---:|---:|---:|");
            c.matchedStages().stream().limit(STAGES_SHOWN).forEach(d -> lines.add(Markdown.row(
                    stageIds(d), Markdown.text(d.after().name(), NAME_WIDTH),
                    Units.millis(d.before().duration()), Units.millis(d.after().duration()),
                    Figures.millisChange(d.durationDelta()),
                    Units.millis(d.before().executorRunTime()), Units.millis(d.after().executorRunTime()),
                    Figures.millisChange(d.executorRunTimeDelta()))));
            more(c.matchedStages().size(), lines);
        }
        unmatched("Only in the after run", c.addedStages(), lines);
        unmatched("Only in the before run", c.removedStages(), lines);
    }

    private static String stageIds(StageDelta d) {
        int b = d.before().stageId();
        int a = d.after().stageId();
        return b == a ? String.valueOf(a) : b + " → " + a;
    }

    private static void unmatched(String title, List<StageRun> stages, List<String> lines) {
        if (stages.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(title + ":");
        lines.add("");
        stages.stream().limit(STAGES_SHOWN).forEach(s -> lines.add("- stage " + s.stageId() + " "
                + Markdown.text(s.name(), NAME_WIDTH) + " (" + s.status().name() + ", " + Units.millis(s.duration())
                + ", run time " + Units.millis(s.executorRunTime()) + ")"));
        more(stages.size(), lines);
    }

    private static void more(int size, List<String> lines) {
        if (size > STAGES_SHOWN) {
            lines.add("");
            lines.add("_... and " + (size - STAGES_SHOWN) + " more (all of them in `--format json`)_");
        }
    }

    private static void findings(Comparison c, List<String> lines) {
        lines.add("");
        lines.add("**Findings**: " + c.appearedFindings().size() + " appeared, " + c.disappearedFindings().size()
                + " went away");
        if (c.appearedFindings().isEmpty() && c.disappearedFindings().isEmpty()) {
            return;
        }
        lines.add("");
        c.appearedFindings().forEach(f -> lines.add("- appeared: " + finding(f)));
        c.disappearedFindings().forEach(f -> lines.add("- went away: " + finding(f)));
    }

    private static String finding(FindingChange f) {
        return f.severity().label() + " " + Markdown.code(f.ruleId()) + ", " + Markdown.text(f.scope(), 160) + ": "
                + Markdown.text(f.title(), 160);
    }

    private static String cut(String s) {
        return io.sparkwise.report.SafeText.cut(s, VALUE_WIDTH, "...");
    }
}
