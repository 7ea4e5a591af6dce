package io.sparkwise.report.compare;

import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.analysis.compare.ConfigChange;
import io.sparkwise.analysis.compare.ExecutorLayout;
import io.sparkwise.analysis.compare.FindingChange;
import io.sparkwise.analysis.compare.MetricDelta;
import io.sparkwise.analysis.compare.RunIdentity;
import io.sparkwise.analysis.compare.RunMetric;
import io.sparkwise.analysis.compare.StageDelta;
import io.sparkwise.analysis.compare.StageRun;
import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A comparison for the terminal: aligned columns, human units, before left and after right. */
final class ComparisonText implements LineRenderer {

    /** Stages shown per list; the JSON has them all. */
    static final int STAGES_SHOWN = 20;
    static final int NAME_WIDTH = 40;
    static final int VALUE_WIDTH = 60;

    @Override
    public List<String> lines(Comparison c) {
        List<String> lines = new ArrayList<>();
        header(c, lines);
        metrics(c, lines);
        executors(c, lines);
        config(c, lines);
        stages(c, lines);
        findings(c, lines);
        return lines;
    }

    private static void header(Comparison c, List<String> lines) {
        lines.add("Comparison of two runs");
        lines.add("  before  " + identity(c.before()));
        lines.add("  after   " + identity(c.after()));
        lines.add("");
        lines.add("  wall time       " + Figures.headline(c.metric(RunMetric.WALL_TIME)));
        lines.add("  task core time  " + Figures.headline(c.metric(RunMetric.TASK_CORE_TIME)));
    }

    /** Names and paths from the logs, made safe for one terminal line. */
    private static String identity(RunIdentity run) {
        return io.sparkwise.report.SafeText.line(run.applicationId() + run.attemptId().map(a -> " attempt " + a).orElse("")
                + " \"" + run.name() + "\", Spark " + run.sparkVersion().orElse("version unknown")
                + run.master().map(m -> ", " + m).orElse("") + (run.completed() ? "" : ", incomplete")
                + " (" + run.source() + ")");
    }

    private static void metrics(Comparison c, List<String> lines) {
        TextTable table = new TextTable("", "BEFORE>", "AFTER>", "CHANGE>");
        RunMetric.Group group = null;
        for (MetricDelta m : c.metrics()) {
            if (m.metric().group() != group) {
                group = m.metric().group();
                table.title(group.title());
            }
            RunMetric.Unit unit = m.metric().unit();
            table.row("  " + m.metric().label(), Figures.value(unit, m.before()), Figures.value(unit, m.after()),
                    Figures.change(m));
        }
        lines.add("");
        lines.addAll(table.lines(""));
    }

    private static void executors(Comparison c, List<String> lines) {
        ExecutorLayout b = c.beforeExecutors();
        ExecutorLayout a = c.afterExecutors();
        TextTable table = new TextTable("Executors", "BEFORE>", "AFTER>");
        table.row("  executors", Units.count(b.executors()), Units.count(a.executors()));
        table.row("  total cores", Units.count(b.totalCores()), Units.count(a.totalCores()));
        table.row("  cores per executor", Units.count(b.coresPerExecutor()), Units.count(a.coresPerExecutor()));
        table.row("  storage memory per executor", Units.bytes(b.storageMemoryPerExecutor()),
                Units.bytes(a.storageMemoryPerExecutor()));
        table.row("  spark.executor.memory", setting(b.executorMemory()), setting(a.executorMemory()));
        table.row("  spark.driver.memory", setting(b.driverMemory()), setting(a.driverMemory()));
        lines.add("");
        lines.addAll(table.lines(""));
    }

    private static String setting(Optional<String> value) {
        return value.orElse("(default)");
    }

    private static void config(Comparison c, List<String> lines) {
        lines.add("");
        if (c.configChanges().isEmpty()) {
            lines.add("Spark configuration: no differences (per-run ids, hosts, ports and paths not compared)");
            return;
        }
        lines.add("Spark configuration: " + configCounts(c.configChanges())
                + " (per-run ids, hosts, ports and paths not compared)");
        for (ConfigChange change : c.configChanges()) {
            String key = io.sparkwise.report.SafeText.line(change.key());
            lines.add(switch (change.kind()) {
                case CHANGED -> "  ~ " + key + ": " + cut(change.before().orElseThrow()) + " -> "
                        + cut(change.after().orElseThrow());
                case ADDED -> "  + " + key + "=" + cut(change.after().orElseThrow());
                case REMOVED -> "  - " + key + "=" + cut(change.before().orElseThrow());
            });
        }
    }

    static String configCounts(List<ConfigChange> changes) {
        return count(changes, ConfigChange.Kind.CHANGED) + " changed, " + count(changes, ConfigChange.Kind.ADDED)
                + " added, " + count(changes, ConfigChange.Kind.REMOVED) + " removed";
    }

    private static long count(List<ConfigChange> changes, ConfigChange.Kind kind) {
        return changes.stream().filter(ch -> ch.kind() == kind).count();
    }

    private static void stages(Comparison c, List<String> lines) {
        lines.add("");
        lines.add("Stages: " + c.matchedStages().size() + " in both runs, " + c.addedStages().size() + " only after, "
                + c.removedStages().size() + " only before (matched by call site and SQL plan, not by id)");
        if (!c.matchedStages().isEmpty()) {
            TextTable table = new TextTable("STAGE", "NAME", "DURATION BEFORE>", "AFTER>", "CHANGE>",
                    "RUN TIME BEFORE>", "AFTER>", "CHANGE>");
            c.matchedStages().stream().limit(STAGES_SHOWN).forEach(d -> table.row(
                    stageIds(d), cut(d.after().name(), NAME_WIDTH),
                    Units.millis(d.before().duration()), Units.millis(d.after().duration()),
                    Figures.millisChange(d.durationDelta()),
                    Units.millis(d.before().executorRunTime()), Units.millis(d.after().executorRunTime()),
                    Figures.millisChange(d.executorRunTimeDelta())));
            lines.add("  Most moved first (wall-time change)");
            lines.addAll(table.lines("  "));
            more(c.matchedStages().size(), lines);
        }
        unmatched("Only in the after run", c.addedStages(), lines);
        unmatched("Only in the before run", c.removedStages(), lines);
    }

    private static String stageIds(StageDelta d) {
        int b = d.before().stageId();
        int a = d.after().stageId();
        return b == a ? String.valueOf(a) : b + " -> " + a;
    }

    private static void unmatched(String title, List<StageRun> stages, List<String> lines) {
        if (stages.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("STAGE", "NAME", "STATUS", "ATTEMPTS>", "TASKS>", "DURATION>", "RUN TIME>");
        stages.stream().limit(STAGES_SHOWN).forEach(s -> table.row(String.valueOf(s.stageId()),
                cut(s.name(), NAME_WIDTH), s.status().name(), Units.count(s.attempts()),
                Units.count(s.numTasks()), Units.millis(s.duration()), Units.millis(s.executorRunTime())));
        lines.add("");
        lines.add("  " + title);
        lines.addAll(table.lines("  "));
        more(stages.size(), lines);
    }

    private static void more(int size, List<String> lines) {
        if (size > STAGES_SHOWN) {
            lines.add("  ... and " + (size - STAGES_SHOWN) + " more (all of them in --format json)");
        }
    }

    private static void findings(Comparison c, List<String> lines) {
        lines.add("");
        lines.add("Findings: " + c.appearedFindings().size() + " appeared, " + c.disappearedFindings().size()
                + " went away (by rule and scope)");
        c.appearedFindings().forEach(f -> lines.add("  + " + finding(f)));
        c.disappearedFindings().forEach(f -> lines.add("  - " + finding(f)));
    }

    private static String finding(FindingChange f) {
        return "[" + f.severity().label().toUpperCase(Locale.ROOT) + "] " + f.ruleId() + ", "
                + io.sparkwise.report.SafeText.line(f.scope()) + ": " + cut(f.title(), 120);
    }

    private static String cut(String s, int width) {
        int newline = s.indexOf('\n');
        String line = newline < 0 ? s : s.substring(0, newline);
        return io.sparkwise.report.SafeText.cut(io.sparkwise.report.SafeText.line(line), width, "...");
    }

    private static String cut(String s) {
        return cut(s, VALUE_WIDTH);
    }
}
