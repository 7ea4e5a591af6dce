package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.spark.SparkDefaults;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Task attempts that failed with an exception (or a lost result, a denied commit, an unknown
 * reason), per stage attempt and exception class. Out-of-memory errors are left to
 * memory.executor-oom, fetch failures to failures.fetch-failed and executor losses to
 * failures.executor-lost, so each failed task is reported once.
 *
 * <p>Wasted core-seconds: the summed duration of the failed attempts (wastedTaskTime / 1000).
 */
public final class TaskFailuresRule extends BaseRule implements StageRule {

    public static final String ID = "failures.task-failures";

    /** The kinds this rule owns; FetchFailed, ExecutorLostFailure and TaskKilled have their own rules. */
    private static final Set<TaskFailureKind> KINDS = EnumSet.of(TaskFailureKind.EXCEPTION_FAILURE,
            TaskFailureKind.TASK_RESULT_LOST, TaskFailureKind.TASK_COMMIT_DENIED, TaskFailureKind.UNKNOWN_REASON);

    /** Exceptions of flaky infrastructure (network, remote storage): a retry can succeed. */
    private static final List<String> TRANSIENT = List.of("java.io.IOException", "java.net.SocketTimeoutException",
            "java.net.ConnectException", "java.net.SocketException", "java.util.concurrent.TimeoutException",
            "org.apache.spark.rpc.RpcTimeoutException", "connection reset", "broken pipe", "no route to host",
            "slow down", "slowdown", "503 service unavailable", "throttl");

    /** Spark's spark.task.maxFailures default outside local mode. */
    private static final int DEFAULT_MAX_FAILURES = SparkDefaults.TASK_MAX_FAILURES;

    public TaskFailuresRule() {
        super(ID, RuleCategory.FAILURES,
                "Task attempts that failed with an exception, by stage and exception class");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        List<TaskFailureGroup> owned = new ArrayList<>();
        boolean memorySkipped = false;
        for (TaskFailureGroup g : stage.taskFailures()) {
            if (!KINDS.contains(g.kind())) {
                continue;
            }
            if (FailureSignals.isMemoryKill(g.cause(), g.sampleMessage())) {
                memorySkipped = true;
            } else {
                owned.add(g);
            }
        }
        int failed = owned.stream().mapToInt(TaskFailureGroup::count).sum();
        if (failed < settings.getLong("minFailedTasks")) {
            return List.of();
        }
        return List.of(finding(context, settings, stage, owned, failed, memorySkipped));
    }

    /** Every attempt with task failures, whatever its status. */
    @Override
    public boolean judges(StageAttempt stage) {
        return true;
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, StageAttempt stage,
                                   List<TaskFailureGroup> groups, int failed, boolean memorySkipped) {
        long wastedMs = groups.stream().mapToLong(TaskFailureGroup::wastedTaskTime).sum();
        double wasted = wastedMs / 1000.0;
        int maxChars = (int) settings.getLong("maxMessageChars");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("failedTaskAttempts", failed);
        evidence.put("wastedTaskTime", wastedMs);
        evidence.put("stageStatus", stage.status().name());
        for (TaskFailureGroup g : groups) {
            evidence.put("failures[" + g.cause() + "]", g.count());
            evidence.put("sampleMessage[" + g.cause() + "]", FailureSignals.cut(g.sampleMessage(), maxChars));
        }
        TaskFailureGroup top = groups.get(0);
        String title = failed + " failed task attempt" + (failed == 1 ? "" : "s") + " in stage " + stage.stageId()
                + " (" + top.cause() + (groups.size() > 1 ? " and " + (groups.size() - 1) + " more" : "") + ")";
        return new Finding(TaskFailuresRule.ID, context.severityFor(wasted),
                title, Scope.stage(stage.stageId(), stage.attemptId()), evidence, context.impact(wasted),
                fix(context.application(), stage, top, memorySkipped), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, StageAttempt stage, TaskFailureGroup top, boolean memorySkipped) {
        String memory = memorySkipped ? " Out-of-memory failures in this stage are reported by memory.executor-oom." : "";
        String firstLine = FailureSignals.firstLine(top.sampleMessage(), 200);
        if (top.cause().contains("PythonException")) {
            return Recommendation.text("A Python UDF or lambda raised an exception (" + lastTracebackLine(top.sampleMessage())
                    + "). Retries run the same code on the same rows: fix or guard the function." + memory);
        }
        boolean exhausted = stage.status() == StageStatus.FAILED;
        if (isTransient(top)) {
            int current = maxFailures(app);
            if (exhausted && !FailureSignals.isLocal(app)) {
                int suggested = Math.max(DEFAULT_MAX_FAILURES, current * 2);
                return new Recommendation("Transient infrastructure errors (" + top.cause() + ": " + firstLine
                        + ") exhausted the task's retries and failed the stage: allow more attempts while the storage "
                        + "or network problem is fixed." + memory,
                        Map.of("spark.task.maxFailures", String.valueOf(suggested)));
            }
            return Recommendation.text("Transient infrastructure errors (" + top.cause() + ": " + firstLine
                    + "); retries absorbed them, at the cost of the failed attempts. Check the storage or network "
                    + "the tasks talk to." + memory);
        }
        return Recommendation.text("Tasks threw " + top.cause() + " (" + firstLine + "). The same exception on every "
                + "attempt is a bug or bad input data, which more retries (spark.task.maxFailures) cannot fix: "
                + "fix the code or the data the stack trace points to." + memory);
    }

    private static boolean isTransient(TaskFailureGroup g) {
        String text = (g.cause() + " " + g.sampleMessage()).toLowerCase(Locale.ROOT);
        return TRANSIENT.stream().anyMatch(t -> text.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static int maxFailures(Application app) {
        try {
            return Integer.parseInt(app.environment().sparkProperty("spark.task.maxFailures")
                    .orElse(String.valueOf(DEFAULT_MAX_FAILURES)).trim());
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_FAILURES;
        }
    }

    private static String lastTracebackLine(String message) {
        String[] lines = message.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("at ") && !l.startsWith("File ") && !l.equals("...")) {
                return FailureSignals.cut(l, 200);
            }
        }
        return FailureSignals.firstLine(message, 200);
    }
}
