package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.analysis.rules.config.SparkVersions;
import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reduce tasks that could not fetch shuffle data (FetchFailed): the map output was lost with its
 * executor, or its disk or the network failed. Spark then re-runs the map stage, so the cost is the
 * failed fetches plus the stage retry (reported by failures.stage-retries).
 *
 * <p>Wasted core-seconds: the summed duration of the FetchFailed task attempts.
 */
public final class FetchFailedRule extends BaseRule implements StageRule {

    public static final String ID = "failures.fetch-failed";

    /** Spark defaults: spark.shuffle.io.maxRetries 3, spark.shuffle.io.retryWait 5s (configuration.html). */
    private static final int DEFAULT_MAX_RETRIES = SparkDefaults.SHUFFLE_IO_MAX_RETRIES;
    private static final long DEFAULT_RETRY_WAIT_MS = SparkDefaults.SHUFFLE_IO_RETRY_WAIT_S * 1000;

    public FetchFailedRule() {
        super(ID, RuleCategory.FAILURES,
                "Shuffle fetch failures: map output lost with an executor, a disk or the network");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        List<TaskFailureGroup> fetch = stage.taskFailures().stream()
                .filter(g -> g.kind() == TaskFailureKind.FETCH_FAILED).toList();
        int count = fetch.stream().mapToInt(TaskFailureGroup::count).sum();
        if (count < settings.getLong("minFetchFailedTasks")) {
            return List.of();
        }
        return List.of(finding(context, settings, stage, fetch, count));
    }

    /** Every attempt with task failures, whatever its status. */
    @Override
    public boolean judges(StageAttempt stage) {
        return true;
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, StageAttempt stage,
                                   List<TaskFailureGroup> fetch, int count) {
        Application app = context.application();
        long wastedMs = fetch.stream().mapToLong(TaskFailureGroup::wastedTaskTime).sum();
        TreeSet<String> hosts = new TreeSet<>();
        fetch.forEach(g -> hosts.add(g.cause().replace("shuffle fetch failed from ", "")));
        long lost = app.executors().stream().filter(FailureSignals::isLost).count();
        long memoryLost = app.executors().stream().filter(FailureSignals::isLost)
                .filter(e -> FailureSignals.isMemoryKill("", e.removeReason().orElse(""))).count();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("fetchFailedTasks", count);
        evidence.put("wastedTaskTime", wastedMs);
        evidence.put("hosts", String.join(", ", hosts));
        evidence.put("sampleMessage", FailureSignals.cut(fetch.get(0).sampleMessage(), (int) settings.getLong("maxMessageChars")));
        evidence.put("executorsLost", lost);
        evidence.put("executorsLostToMemory", memoryLost);
        String title = count + " shuffle fetch failure" + (count == 1 ? "" : "s") + " in stage " + stage.stageId()
                + " (map output on " + hosts.size() + " host" + (hosts.size() == 1 ? "" : "s") + " lost)";
        double wasted = wastedMs / 1000.0;
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(app, settings, memoryLost > 0), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, RuleSettings settings, boolean memoryLoss) {
        Map<String, String> props = app.environment().sparkProperties();
        Map<String, String> config = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        if (memoryLoss) {
            text.append("Executors holding the map output died of memory: fix that first (see memory.executor-oom). ");
        }
        int retries = intProp(props, "spark.shuffle.io.maxRetries", DEFAULT_MAX_RETRIES);
        long waitMs = SparkDurations.parseMs(props.get("spark.shuffle.io.retryWait"), TimeUnit.SECONDS).orElse(DEFAULT_RETRY_WAIT_MS);
        long suggestedRetries = settings.getLong("suggestedMaxRetries");
        long suggestedWaitS = settings.getLong("suggestedRetryWaitSeconds");
        if (retries < suggestedRetries || waitMs < suggestedWaitS * 1000) {
            config.put("spark.shuffle.io.maxRetries", String.valueOf(Math.max(retries, suggestedRetries)));
            config.put("spark.shuffle.io.retryWait", Math.max(waitMs / 1000, suggestedWaitS) + "s");
            text.append("Ride out short network or node hiccups with more and longer fetch retries. ");
        }
        boolean shuffleService = "true".equals(props.get("spark.shuffle.service.enabled"));
        if (!shuffleService && SparkVersions.atLeast(app, 3, 1)) {
            config.put("spark.decommission.enabled", "true");
            config.put("spark.storage.decommission.enabled", "true");
            config.put("spark.storage.decommission.shuffleBlocks.enabled", "true");
            text.append("Without an external shuffle service, map output dies with its executor: graceful "
                    + "decommissioning migrates shuffle blocks off executors that are being removed or preempted");
            text.append(app.info().clusterManager() == ClusterManager.KUBERNETES ? "." : "; on YARN or standalone an "
                    + "external shuffle service (spark.shuffle.service.enabled=true, with the NodeManager aux service "
                    + "installed) keeps map output when an executor dies.");
        } else if (!shuffleService) {
            text.append("Without an external shuffle service, map output dies with its executor: enable it "
                    + "(spark.shuffle.service.enabled=true, with the NodeManager aux service installed) where the cluster has one.");
        } else {
            text.append("The external shuffle service is on, so the map output was lost with a node or a disk: "
                    + "check the hosts named in the evidence.");
        }
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        return new Recommendation(text.toString().strip(), config);
    }

    private static int intProp(Map<String, String> props, String key, int fallback) {
        try {
            return props.containsKey(key) ? Integer.parseInt(props.get(key).trim()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
