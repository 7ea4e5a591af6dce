package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stages Spark resubmitted (attempt ids above 0): a fetch failure or a lost executor made the
 * scheduler re-run them. The work of the failed attempts is lost.
 *
 * <p>Wasted core-seconds: the executor run time of the stage's failed attempts.
 */
public final class StageRetriesRule extends BaseRule implements StageRule {

    public static final String ID = "failures.stage-retries";

    public StageRetriesRule() {
        super(ID, RuleCategory.FAILURES,
                "Stages re-run after a failed attempt (resubmitted stages)");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        List<StageAttempt> attempts = new ArrayList<>();
        for (StageAttempt s : context.application().stages()) {
            if (s.stageId() == stage.stageId()) {
                attempts.add(s);
            }
        }
        attempts.sort(Comparator.comparingInt(StageAttempt::attemptId));
        StageAttempt last = attempts.get(attempts.size() - 1);
        // The stage is judged on its latest attempt, over all its attempts so far.
        if (last.attemptId() != stage.attemptId() || last.attemptId() < settings.getLong("minRetries")) {
            return List.of();
        }
        return List.of(finding(context, settings, attempts, last));
    }

    /** Every attempt: the latest one judges the stage. */
    @Override
    public boolean judges(StageAttempt stage) {
        return true;
    }

    /** A later attempt's judgment replaces the earlier one's: one finding per stage, on its latest attempt. */
    @Override
    public boolean judgesAllAttempts() {
        return true;
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, List<StageAttempt> attempts,
                                   StageAttempt last) {
        List<StageAttempt> failed = attempts.stream().filter(a -> a.status() == StageStatus.FAILED).toList();
        long wastedMs = failed.stream().mapToLong(a -> a.metrics().executorRunTime()).sum();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("attempts", attempts.size());
        evidence.put("failedAttempts", failed.size());
        evidence.put("failedAttemptsExecutorRunTime", wastedMs);
        evidence.put("finalStatus", last.status().name());
        failed.stream().map(StageAttempt::failureReason).flatMap(Optional::stream).findFirst()
                .ifPresent(r -> evidence.put("failureReason", FailureSignals.cut(r, (int) settings.getLong("maxMessageChars"))));
        boolean fetch = attempts.stream().flatMap(a -> a.taskFailures().stream())
                .anyMatch(g -> g.kind() == TaskFailureKind.FETCH_FAILED)
                || failed.stream().anyMatch(a -> a.failureReason().orElse("").contains("FetchFailed"));
        String title = "Stage " + last.stageId() + " ran " + attempts.size() + " times (" + failed.size()
                + " failed attempt" + (failed.size() == 1 ? "" : "s") + ")";
        String text = (fetch
                ? "The stage was re-run because shuffle output was lost (see failures.fetch-failed for the fix). "
                : "The stage was re-run after a failed attempt, typically because an executor holding its input was "
                + "lost (see failures.executor-lost and memory.executor-oom). ")
                + "Each retry repeats the lost work; fix the loss, not the retry limit (spark.stage.maxConsecutiveAttempts).";
        double wasted = wastedMs / 1000.0;
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(last.stageId(), last.attemptId()), evidence,
                context.impact(wasted), Recommendation.text(text), List.of(), Optional.empty());
    }
}
