package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Executors or nodes Spark excluded (blacklisted before 3.1) after repeated task failures: a bad
 * node, disk or library on one host. Reported from the executors still excluded at the end and
 * from the exclusion events in the log (exclusions may have expired since).
 *
 * <p>Wasted core-seconds: not measurable from the log (it does not say how long an executor stayed
 * excluded while allocated); the failed attempts themselves are counted by failures.task-failures.
 */
public final class ExcludedExecutorsRule extends BaseRule implements ApplicationRule {

    public static final String ID = "failures.excluded-executors";

    /** Exclusion events under their 3.1+ and pre-3.1 names. */
    private static final List<String> EVENTS = List.of(
            "SparkListenerExecutorExcluded", "SparkListenerExecutorBlacklisted",
            "SparkListenerNodeExcluded", "SparkListenerNodeBlacklisted",
            "SparkListenerExecutorExcludedForStage", "SparkListenerExecutorBlacklistedForStage",
            "SparkListenerNodeExcludedForStage", "SparkListenerNodeBlacklistedForStage");

    public ExcludedExecutorsRule() {
        super(ID, RuleCategory.FAILURES,
                "Executors or nodes excluded after repeated task failures (bad nodes)");
    }

    /** "Still excluded at the end": an exclusion may be lifted before the application ends. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        TreeSet<String> excluded = new TreeSet<>();
        TreeSet<String> hosts = new TreeSet<>();
        int failedTasks = 0;
        for (Executor e : app.executors()) {
            if (!e.isDriver() && (e.isExcluded() || !e.excludedInStages().isEmpty())) {
                excluded.add(e.id());
                hosts.add(e.host());
                failedTasks += e.failedTasks();
            }
        }
        long events = EVENTS.stream().mapToLong(n -> app.readReport().eventCounts().getOrDefault(n, 0L)).sum();
        if (excluded.size() + events < settings.getLong("minExclusions")) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("excludedExecutors", excluded.size());
        evidence.put("executorIds", String.join(", ", excluded));
        evidence.put("hosts", String.join(", ", hosts));
        evidence.put("exclusionEvents", events);
        evidence.put("failedTasksOnExcludedExecutors", failedTasks);
        String title = excluded.isEmpty()
                ? "Spark excluded executors or nodes " + events + " time" + (events == 1 ? "" : "s") + " after task failures"
                : excluded.size() + " executor" + (excluded.size() == 1 ? "" : "s") + " still excluded at the end, on "
                + hosts.size() + " host" + (hosts.size() == 1 ? "" : "s");
        String text = "Repeated task failures on the same executors point to a bad node (disk, memory, network, a missing "
                + "or wrong native library) rather than to the job: check the hosts named here and take bad ones out of "
                + "the cluster. The failed attempts are reported by failures.task-failures.";
        return List.of(new Finding(ID, context.severityFor(0), title, Scope.APPLICATION, evidence, context.impact(0),
                Recommendation.text(text), List.of(), Optional.empty()));
    }
}
