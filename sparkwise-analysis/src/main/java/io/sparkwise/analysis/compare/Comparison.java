package io.sparkwise.analysis.compare;

import io.sparkwise.analysis.Finding;
import io.sparkwise.model.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Two runs side by side, to answer "why did tonight's run take twice as long?": the numbers that
 * moved, the settings that changed, the executors each run had, the stages that got slower or
 * faster (matched by what they run, not by id), and the findings that appeared or went away.
 *
 * @param metrics every {@link RunMetric}, in its declaration order
 * @param configChanges Spark properties set differently, by key; per-run ids, hosts and ports left out
 * @param matchedStages stages found in both runs, the most moved (absolute wall-time change) first
 * @param addedStages stages only the after run has, longest first
 * @param removedStages stages only the before run has, longest first
 * @param appearedFindings findings (rule id and scope) only the after run has, in its ranking
 * @param disappearedFindings findings only the before run has, in its ranking
 */
public record Comparison(
        RunIdentity before,
        RunIdentity after,
        List<MetricDelta> metrics,
        List<ConfigChange> configChanges,
        ExecutorLayout beforeExecutors,
        ExecutorLayout afterExecutors,
        List<StageDelta> matchedStages,
        List<StageRun> addedStages,
        List<StageRun> removedStages,
        List<FindingChange> appearedFindings,
        List<FindingChange> disappearedFindings) {

    /**
     * What a regression is judged on (the CLI's {@code --fail-on-regression}, a server's check
     * across runs): what the run took in time and in cores.
     */
    public static final List<RunMetric> REGRESSION_METRICS = List.of(RunMetric.WALL_TIME, RunMetric.TASK_CORE_TIME);

    public Comparison {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        metrics = List.copyOf(metrics);
        configChanges = List.copyOf(configChanges);
        requireNonNull(beforeExecutors, "beforeExecutors is null");
        requireNonNull(afterExecutors, "afterExecutors is null");
        matchedStages = List.copyOf(matchedStages);
        addedStages = List.copyOf(addedStages);
        removedStages = List.copyOf(removedStages);
        appearedFindings = List.copyOf(appearedFindings);
        disappearedFindings = List.copyOf(disappearedFindings);
    }

    /**
     * Compares two runs from their models and the findings the rules gave each. Computation only:
     * the renderers in {@code sparkwise-report} and a history server's regression check read the
     * same object.
     */
    public static Comparison of(Application before, List<Finding> beforeFindings,
                                Application after, List<Finding> afterFindings) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        RunMetric.Run b = RunMetric.Run.of(before);
        RunMetric.Run a = RunMetric.Run.of(after);
        List<MetricDelta> metrics = new ArrayList<>();
        for (RunMetric metric : RunMetric.values()) {
            metrics.add(new MetricDelta(metric, metric.read(b), metric.read(a)));
        }
        StageMatcher.Result stages = StageMatcher.match(before, after);
        return new Comparison(RunIdentity.of(before), RunIdentity.of(after), metrics,
                ConfigDiff.diff(before.environment().sparkProperties(), after.environment().sparkProperties()),
                ExecutorLayout.of(before), ExecutorLayout.of(after),
                stages.matched(), stages.added(), stages.removed(),
                onlyIn(afterFindings, beforeFindings),
                onlyIn(beforeFindings, afterFindings));
    }

    public MetricDelta metric(RunMetric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no metric " + metric));
    }

    /** The regression metrics that grew by more than {@code pct} percent. */
    public List<MetricDelta> regressions(double pct) {
        return REGRESSION_METRICS.stream().map(this::metric).filter(m -> m.grewMoreThan(pct)).toList();
    }

    /** Findings of {@code these} whose rule and scope {@code others} lacks, in the order of {@code these}. */
    private static List<FindingChange> onlyIn(List<Finding> these, List<Finding> others) {
        Map<String, FindingChange> only = new LinkedHashMap<>();
        these.stream().map(FindingChange::of).forEach(f -> only.putIfAbsent(f.key(), f));
        others.stream().map(FindingChange::of).forEach(f -> only.remove(f.key()));
        return List.copyOf(only.values());
    }
}
