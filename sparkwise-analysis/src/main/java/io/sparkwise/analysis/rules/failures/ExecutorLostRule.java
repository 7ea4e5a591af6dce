package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.analysis.rules.config.SparkVersions;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Executors lost for a reason other than a requested release (dynamic allocation's idle release, a
 * driver kill): exit codes, heartbeat timeouts, preemption or spot loss, decommissioning, lost
 * workers. Grouped by cause from the YARN, Kubernetes and standalone wording of
 * ExecutorRemoved's reason and of ExecutorLostFailure's loss reason. Memory kills are left to
 * memory.executor-oom.
 *
 * <p>Wasted core-seconds: the summed duration of the task attempts lost with the executors
 * (ExecutorLostFailure). Recomputed stages are counted by failures.stage-retries.
 */
public final class ExecutorLostRule extends BaseRule implements ApplicationRule {

    public static final String ID = "failures.executor-lost";

    /** Spark's spark.network.timeout default (configuration.html). */
    private static final long DEFAULT_NETWORK_TIMEOUT_MS = SparkDefaults.NETWORK_TIMEOUT_S * 1000;

    public ExecutorLostRule() {
        super(ID, RuleCategory.FAILURES,
                "Executors lost to crashes, heartbeat timeouts, preemption or decommissioning");
    }

    /** The causes this rule tells apart, in the order a message is tested against them. */
    enum Cause {
        PREEMPTED("preempted or spot capacity reclaimed"),
        DECOMMISSIONED("decommissioned"),
        HEARTBEAT("heartbeat timed out"),
        EXIT_CODE("exit code"),
        DISASSOCIATED("RPC client disassociated"),
        WORKER_LOST("worker lost"),
        OTHER("other");

        final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /** Lost executors and their lost tasks are facts as soon as they happen; the groups grow as more are lost. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Executor e : app.executors()) {
            String reason = e.removeReason().orElse("");
            if (!FailureSignals.isLost(e) || FailureSignals.isMemoryKill("", reason)) {
                continue;
            }
            groups.computeIfAbsent(key(reason), k -> new Group(k, reason)).executors.add(e.id());
        }
        for (TaskFailureGroup g : app.taskFailures()) {
            if (g.kind() != TaskFailureKind.EXECUTOR_LOST_FAILURE || FailureSignals.isMemoryKill(g.cause(), g.sampleMessage())) {
                continue;
            }
            Group group = groups.computeIfAbsent(key(g.cause() + " " + g.sampleMessage()), k -> new Group(k, g.sampleMessage()));
            group.lostTasks += g.count();
            group.wastedMs += g.wastedTaskTime();
            g.executorIds().stream().filter(id -> !group.executors.contains(id)).forEach(group.executors::add);
        }
        List<Finding> findings = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.executors.size() >= settings.getLong("minLostExecutors") || g.lostTasks > 0) {
                findings.add(finding(context, settings, g).withSubject(g.label));
            }
        }
        return findings;
    }

    /** A cause label: "exit code 143", "heartbeat timed out", ... */
    static String key(String message) {
        Cause cause = classify(message);
        if (cause == Cause.EXIT_CODE) {
            return "exit code " + FailureSignals.exitCode(message).orElseThrow();
        }
        return cause.label;
    }

    static Cause classify(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("preempt") || m.contains("spot") || m.contains("evicted") || m.contains("exit status: -102")) {
            return Cause.PREEMPTED;
        }
        if (m.contains("decommission")) {
            return Cause.DECOMMISSIONED;
        }
        if (m.contains("heartbeat")) {
            return Cause.HEARTBEAT;
        }
        if (FailureSignals.exitCode(message).isPresent()) {
            return Cause.EXIT_CODE;
        }
        if (m.contains("worker lost") || m.contains("worker decommissioned")) {
            return Cause.WORKER_LOST;
        }
        if (m.contains("disassociated")) {
            return Cause.DISASSOCIATED;
        }
        return Cause.OTHER;
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, Group g) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("executorsLost", g.executors.size());
        evidence.put("executorIds", String.join(", ", g.executors.subList(0, Math.min(g.executors.size(), 20))));
        evidence.put("lostTasks", g.lostTasks);
        evidence.put("wastedTaskTime", g.wastedMs);
        evidence.put("sampleReason", FailureSignals.cut(g.sample, (int) settings.getLong("maxMessageChars")));
        double wasted = g.wastedMs / 1000.0;
        String title = g.executors.size() + " executor" + (g.executors.size() == 1 ? "" : "s") + " lost: " + g.label;
        return new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence, context.impact(wasted),
                fix(context.application(), settings, g), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, RuleSettings settings, Group g) {
        Map<String, String> props = app.environment().sparkProperties();
        Map<String, String> config = new LinkedHashMap<>();
        String text;
        switch (classify(g.label + " " + g.sample)) {
            case PREEMPTED -> {
                text = "The cluster took executors back (preemption or spot reclaim). Run on capacity that is not "
                        + "preempted, or let Spark migrate shuffle and cached blocks off executors being reclaimed.";
                decommission(app, props, config);
            }
            case DECOMMISSIONED -> {
                text = "Executors were decommissioned (node drain, spot notice or scale-down). Migrate their shuffle "
                        + "and cached blocks so the work they hold survives.";
                decommission(app, props, config);
            }
            case HEARTBEAT -> {
                long current = SparkDurations.parseMs(props.get("spark.network.timeout"), TimeUnit.SECONDS).orElse(DEFAULT_NETWORK_TIMEOUT_MS);
                long suggested = settings.getLong("suggestedNetworkTimeoutSeconds");
                text = "The driver stopped hearing from executors: long GC pauses (see the gc rules), an overloaded "
                        + "node or network trouble. Find the pause first; a longer timeout only waits longer for it.";
                if (current < suggested * 1000) {
                    config.put("spark.network.timeout", suggested + "s");
                }
            }
            case EXIT_CODE -> text = exitCodeText(FailureSignals.exitCode(g.label).orElse(-1));
            case DISASSOCIATED -> text = "The executor's JVM went away without a reason Spark could name: read its "
                    + "container or pod log; a kill for memory shows up there (see memory.executor-oom).";
            case WORKER_LOST -> text = "A standalone worker or its host went away with its executors: check the node.";
            default -> text = "Read the executor's log for why it ended: " + FailureSignals.firstLine(g.sample, 200);
        }
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        return new Recommendation(text, config);
    }

    /** Graceful decommissioning (Spark 3.1+): migrate shuffle and RDD blocks off leaving executors. */
    private static void decommission(Application app, Map<String, String> props, Map<String, String> config) {
        if (!SparkVersions.atLeast(app, 3, 1)) {
            return;
        }
        if (!"true".equals(props.get("spark.decommission.enabled"))) {
            config.put("spark.decommission.enabled", "true");
        }
        if (!"true".equals(props.get("spark.storage.decommission.enabled"))) {
            config.put("spark.storage.decommission.enabled", "true");
        }
        if (!"true".equals(props.get("spark.storage.decommission.shuffleBlocks.enabled"))) {
            config.put("spark.storage.decommission.shuffleBlocks.enabled", "true");
        }
        if (!"true".equals(props.get("spark.storage.decommission.rddBlocks.enabled"))) {
            config.put("spark.storage.decommission.rddBlocks.enabled", "true");
        }
    }

    /** Exit codes of SparkExitCode / ExecutorExitCode and of the signals containers die by. */
    static String exitCodeText(int code) {
        return switch (code) {
            case 1 -> "The executor JVM exited with status 1 (a generic failure): read its stderr for the error.";
            case 50 -> "Exit code 50: an uncaught exception killed the executor (SparkExitCode.UNCAUGHT_EXCEPTION): read its log.";
            case 53 -> "Exit code 53: the executor could not create its local directories (ExecutorExitCode."
                    + "DISK_STORE_FAILED_TO_CREATE_DIR): check spark.local.dir / the node's disks.";
            case 56 -> "Exit code 56: the executor gave up after failing to send heartbeats to the driver "
                    + "(ExecutorExitCode.HEARTBEAT_FAILURE): check driver load and the network.";
            case 134 -> "Exit code 134 (SIGABRT): the JVM aborted, usually a native crash (JNI library, native memory): "
                    + "look for an hs_err_pid file in the executor's log directory.";
            case 143 -> "Exit code 143 (SIGTERM): the cluster manager stopped the container: preemption, node shutdown "
                    + "or a kill by YARN/Kubernetes; its log names which.";
            default -> "The executor exited with code " + code + ": read its container or pod log for the cause.";
        };
    }

    private static final class Group {
        final String label;
        final String sample;
        final List<String> executors = new ArrayList<>();
        int lostTasks;
        long wastedMs;

        Group(String label, String sample) {
            this.label = label;
            this.sample = sample;
        }
    }
}
