package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.JobRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs that failed (JobFailed). A failed job is an outright failure: its result never arrived.
 *
 * <p>Wasted core-seconds: the executor run time of every attempt of the job's stages.
 */
public final class FailedJobsRule extends BaseRule implements JobRule {

    public static final String ID = "failures.failed-jobs";

    public FailedJobsRule() {
        super(ID, RuleCategory.FAILURES,
                "Jobs that failed");
    }

    @Override
    public List<Finding> evaluate(Job job, AnalysisContext context) {
        if (job.status() != JobStatus.FAILED) {
            return List.of();
        }
        return List.of(finding(context, context.settings(ID), job));
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, Job job) {
        long runMs = context.application().stages().stream().filter(s -> s.jobIds().contains(job.jobId()))
                .mapToLong(s -> s.metrics().executorRunTime()).sum();
        String reason = job.failureReason().orElse("");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("failureReason", reason.isEmpty() ? "(not logged)" : FailureSignals.cut(reason, (int) settings.getLong("maxMessageChars")));
        evidence.put("numFailedStages", job.numFailedStages());
        evidence.put("numFailedTasks", job.numFailedTasks());
        evidence.put("executorRunTime", runMs);
        evidence.put("stageIds", job.stageIds().toString());
        boolean cancelled = isCancellation(reason);
        double wasted = runMs / 1000.0;
        // A failed job is an outright failure and is critical whatever it cost; a job someone cancelled
        // is not a failure of the application, so it is ranked by its cost like any other finding.
        Severity severity = cancelled ? context.severityFor(wasted) : Severity.CRITICAL;
        String title = "Job " + job.jobId() + (cancelled ? " was cancelled" : " failed")
                + (reason.isEmpty() ? "" : ": " + FailureSignals.firstLine(reason, 120));
        String text = cancelled
                ? "The job was cancelled (by the user, a job group or a shutdown); if that was not intended, find who cancelled it."
                : "The job's result never arrived. Its failed stage and task findings (failures.task-failures, "
                + "failures.fetch-failed, failures.executor-lost, memory.executor-oom) name the cause; fix that one.";
        return new Finding(ID, severity, title, Scope.job(job.jobId()), evidence, context.impact(wasted),
                Recommendation.text(text), List.of(), Optional.empty());
    }

    static boolean isCancellation(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        return r.startsWith("job ") && (r.contains("cancelled") || r.contains("canceled"));
    }
}
