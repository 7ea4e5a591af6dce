package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What TestApps does not set and some rule tests need: failure groups with wasted time on a stage,
 * executors removed or excluded, event counts and job failure reasons. Each method returns a copy.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static TaskFailureGroup group(TaskFailureKind kind, String cause, int count, String message, int stageId,
                                         long wastedMs) {
        return new TaskFailureGroup(kind, cause, count, message, List.of(stageId), List.of("1"), wastedMs);
    }

    /** Sets the failure groups of every attempt of {@code stageId} and adds them to the application's. */
    public static Application withFailures(Application app, int stageId, TaskFailureGroup... groups) {
        List<StageAttempt> stages = new ArrayList<>();
        for (StageAttempt s : app.stages()) {
            stages.add(s.stageId() != stageId ? s : new StageAttempt(s.stageId(), s.attemptId(), s.status(), s.name(),
                    s.details(), s.description(), s.schedulingPool(), s.numTasks(), s.numActiveTasks(),
                    s.numCompleteTasks(), s.numFailedTasks(), s.numKilledTasks(), s.numCompletedIndices(),
                    s.submissionTime(), s.firstTaskLaunchedTime(), s.completionTime(), s.failureReason(), s.metrics(),
                    s.taskDistributions(), s.parentStageIds(), s.rddIds(), s.jobIds(), s.resourceProfileId(),
                    s.killedTasksSummary(), s.localitySummary(), List.of(groups), s.peakExecutorMetrics()));
        }
        List<TaskFailureGroup> all = new ArrayList<>(app.taskFailures());
        all.addAll(List.of(groups));
        return new Application(app.info(), app.environment(), app.resourceProfiles(), app.jobs(), stages,
                app.executors(), app.sqlExecutions(), all, app.readReport());
    }

    public static Executor executor(String id, int cores, Optional<String> removeReason, boolean excluded, int failedTasks) {
        return new Executor(id, "host-" + id + ":7337", "host-" + id, removeReason.isEmpty(), cores, cores, 0,
                removeReason.isPresent() ? OptionalLong.of(300_000) : OptionalLong.empty(), removeReason, 4L << 30,
                Optional.empty(), 0, failedTasks, 0, failedTasks, 0, 0, 0, 0, 0, 0, 0, 0, excluded, List.of(), 0,
                Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    public static Application withExecutors(Application app, Executor... executors) {
        List<Executor> all = new ArrayList<>(app.executors());
        all.addAll(List.of(executors));
        return new Application(app.info(), app.environment(), app.resourceProfiles(), app.jobs(), app.stages(), all,
                app.sqlExecutions(), app.taskFailures(), app.readReport());
    }

    public static Application withEventCounts(Application app, Map<String, Long> counts, long bytesRead) {
        ReadReport r = app.readReport();
        ReadReport report = new ReadReport(r.source(), r.files(), bytesRead, r.lines(), r.events(), counts,
                r.unknownEvents(), r.damagedLines(), r.damagedLineCount(), r.truncatedLastLine(), r.inProgress(), r.notes());
        return new Application(app.info(), app.environment(), app.resourceProfiles(), app.jobs(), app.stages(),
                app.executors(), app.sqlExecutions(), app.taskFailures(), report);
    }

    public static Application withJobReason(Application app, int jobId, String reason) {
        List<Job> jobs = app.jobs().stream().map(j -> j.jobId() != jobId ? j : new Job(j.jobId(), j.name(),
                j.description(), j.submissionTime(), j.completionTime(), j.stageIds(), j.jobGroup(), j.jobTags(),
                j.status(), j.numTasks(), j.numActiveTasks(), j.numCompletedTasks(), j.numSkippedTasks(),
                j.numFailedTasks(), j.numKilledTasks(), j.numCompletedIndices(), j.numActiveStages(),
                j.numCompletedStages(), j.numSkippedStages(), j.numFailedStages(), j.killedTasksSummary(),
                j.sqlExecutionId(), Optional.of(reason))).toList();
        return new Application(app.info(), app.environment(), app.resourceProfiles(), jobs, app.stages(),
                app.executors(), app.sqlExecutions(), app.taskFailures(), app.readReport());
    }

    /** The rule's proposal must pass the validator together with the application's own settings. */
    public static void assertValid(Application app, Map<String, String> config) {
        assertThat(new ConfigValidator().validate(app.environment().sparkProperties(), config).problems()).isEmpty();
    }
}
