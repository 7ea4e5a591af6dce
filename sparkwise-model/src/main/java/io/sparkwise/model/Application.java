package io.sparkwise.model;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One attempt of one Spark application, as read from its event log.
 *
 * <p>Everything here is an aggregate: per job, per stage attempt, per executor and per SQL
 * execution. There is never one object per task, so the size of this record does not grow with
 * the number of tasks the application ran.
 *
 * @param folded finished jobs, stages and SQL executions beyond the retention limits, as totals
 *     ({@link FoldedTotals#NONE} when none were dropped)
 */
public record Application(
        ApplicationInfo info,
        Environment environment,
        List<ResourceProfile> resourceProfiles,
        List<Job> jobs,
        List<StageAttempt> stages,
        List<Executor> executors,
        List<SqlExecution> sqlExecutions,
        List<TaskFailureGroup> taskFailures,
        ReadReport readReport,
        FoldedTotals folded) {

    public Application {
        requireNonNull(info, "info is null");
        requireNonNull(environment, "environment is null");
        resourceProfiles = List.copyOf(resourceProfiles);
        jobs = List.copyOf(jobs);
        stages = List.copyOf(stages);
        executors = List.copyOf(executors);
        sqlExecutions = List.copyOf(sqlExecutions);
        taskFailures = List.copyOf(taskFailures);
        requireNonNull(readReport, "readReport is null");
        requireNonNull(folded, "folded is null");
    }

    /** An application with nothing folded: every job, stage and SQL execution is in the lists. */
    public Application(ApplicationInfo info, Environment environment, List<ResourceProfile> resourceProfiles,
                       List<Job> jobs, List<StageAttempt> stages, List<Executor> executors,
                       List<SqlExecution> sqlExecutions, List<TaskFailureGroup> taskFailures, ReadReport readReport) {
        this(info, environment, resourceProfiles, jobs, stages, executors, sqlExecutions, taskFailures, readReport,
                FoldedTotals.NONE);
    }

    public Optional<StageAttempt> stage(int stageId, int attemptId) {
        return stages.stream().filter(s -> s.stageId() == stageId && s.attemptId() == attemptId).findFirst();
    }

    public Optional<Job> job(int jobId) {
        return jobs.stream().filter(j -> j.jobId() == jobId).findFirst();
    }

    public Optional<Executor> executor(String executorId) {
        return executors.stream().filter(e -> e.id().equals(executorId)).findFirst();
    }

    /** Sum of the task metrics over every stage attempt, those folded by retention limits included. */
    public TaskMetricTotals totals() {
        TaskMetricTotals sum = folded.taskMetrics();
        for (StageAttempt stage : stages) {
            sum = sum.plus(stage.metrics());
        }
        return sum;
    }
}
