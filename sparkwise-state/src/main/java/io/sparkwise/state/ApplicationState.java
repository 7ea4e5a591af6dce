package io.sparkwise.state;

import io.sparkwise.model.Application;
import io.sparkwise.model.FoldedTotals;
import io.sparkwise.model.ReadReport;
import io.sparkwise.state.event.ApplicationEnd;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.BlockManagerAdded;
import io.sparkwise.state.event.DbcEventLoggingListenerMetadata;
import io.sparkwise.state.event.DriverAccumUpdates;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorExcluded;
import io.sparkwise.state.event.ExecutorExcludedForStage;
import io.sparkwise.state.event.ExecutorMetricsUpdate;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.ExecutorUnexcluded;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.LogStart;
import io.sparkwise.state.event.NodeExcluded;
import io.sparkwise.state.event.NodeExcludedForStage;
import io.sparkwise.state.event.NodeUnexcluded;
import io.sparkwise.state.event.OtherEvent;
import io.sparkwise.state.event.ResourceProfileAdded;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.SqlAdaptiveExecutionUpdate;
import io.sparkwise.state.event.SqlAdaptiveSqlMetricUpdates;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageExecutorMetrics;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The state of one Spark application built from its listener events, one at a time, with the
 * semantics of Spark's own {@code AppStatusListener} (the History Server's replay), so that every
 * count and total equals what the History Server reports for the same events. Where it departs
 * from it, the departure is commented and listed in docs/json.md.
 *
 * <p>The state is split by concern: the application as a whole, executors, jobs and stages, task
 * accounting, SQL executions; this class routes each event to them. {@link #snapshot} returns a
 * consistent {@link Application} at any moment, also while the application runs, and leaves the
 * state as it was.
 *
 * <p>Memory: per-stage-attempt, per-job and per-executor aggregates plus one entry per running
 * task; nothing per finished task. Finished jobs, stages and SQL executions beyond the
 * {@link RetentionLimits} are folded into totals, so an unbounded stream of events takes bounded
 * memory. Not thread-safe: one thread applies events and takes snapshots.
 */
public final class ApplicationState {

    private final RetentionLimits limits;
    private final ApplicationDetails details = new ApplicationDetails();
    private final ExecutorsState executors = new ExecutorsState();
    private final JobsAndStagesState jobsAndStages;
    private final SqlExecutionsState sql;
    private final TaskAccounting tasks;

    /** A state with Spark's default retention limits. */
    public ApplicationState() {
        this(RetentionLimits.DEFAULT);
    }

    public ApplicationState(RetentionLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
        jobsAndStages = new JobsAndStagesState(limits);
        sql = new SqlExecutionsState(limits);
        tasks = new TaskAccounting(jobsAndStages, executors, sql);
    }

    /** Applies one event. */
    public void onEvent(SparkEvent event) {
        requireNonNull(event, "event is null");
        // Task events are almost all events of an application: test for them first.
        if (event instanceof TaskEnd e) {
            noteTaskTime(e.taskInfo());
            tasks.onTaskEnd(e);
            jobsAndStages.enforceRetention();
        } else if (event instanceof TaskStart e) {
            noteTaskTime(e.taskInfo());
            tasks.onTaskStart(e);
        } else {
            onOtherEvent(event);
            jobsAndStages.enforceRetention();
            sql.enforceRetention();
        }
    }

    private void noteTaskTime(TaskInfo info) {
        details.noteTime(Math.max(info.launchTime(), info.finishTime()));
    }

    private void onOtherEvent(SparkEvent event) {
        if (event instanceof JobStart e) {
            details.noteTime(e.time().orElse(0));
            LiveJob job = jobsAndStages.onJobStart(e);
            job.sqlExecutionId.ifPresent(id -> sql.onJobStart(id, job.jobId));
        } else if (event instanceof JobEnd e) {
            details.noteTime(e.time().orElse(0));
            LiveJob job = jobsAndStages.onJobEnd(e);
            if (job != null) {
                job.sqlExecutionId.ifPresent(id -> sql.onJobEnd(id, job.jobId, e.succeeded()));
            }
        } else if (event instanceof StageSubmitted e) {
            jobsAndStages.onStageSubmitted(e);
        } else if (event instanceof StageCompleted e) {
            onStageCompleted(e);
        } else if (event instanceof StageExecutorMetrics e) {
            executors.onPeaks(e.executorId(), e.executorMetrics(), true);
            LiveStage stage = jobsAndStages.liveStage(e.stageId(), e.stageAttemptId());
            if (stage != null) {
                stage.peaks.update(e.executorMetrics());
            }
        } else if (event instanceof ExecutorMetricsUpdate e) {
            for (ExecutorMetricsUpdate.StageUpdate update : e.executorUpdates()) {
                executors.onPeaks(e.executorId(), update.executorMetrics(), false);
                LiveStage stage = jobsAndStages.liveStage(update.stageId(), update.stageAttemptId());
                if (stage != null) {
                    stage.peaks.update(update.executorMetrics());
                }
            }
        } else if (event instanceof SqlExecutionStart e) {
            details.noteTime(e.time().orElse(0));
            sql.onStart(e);
        } else if (event instanceof SqlExecutionEnd e) {
            details.noteTime(e.time().orElse(0));
            sql.onEnd(e);
        } else if (event instanceof SqlAdaptiveExecutionUpdate e) {
            sql.onAdaptiveUpdate(e);
        } else if (event instanceof SqlAdaptiveSqlMetricUpdates e) {
            sql.onAdaptiveMetrics(e);
        } else if (event instanceof DriverAccumUpdates e) {
            sql.onDriverAccumUpdates(e);
        } else {
            onApplicationOrExecutorEvent(event);
        }
    }

    private void onStageCompleted(StageCompleted e) {
        LiveStage stage = jobsAndStages.onStageCompleted(e);
        if (stage == null) {
            return;
        }
        for (String executorId : stage.excludedExecutors) {
            LiveExecutor exec = executors.live(executorId);
            if (exec != null) {
                exec.excludedInStages.remove(e.stageInfo().stageId());
            }
        }
    }

    private void onApplicationOrExecutorEvent(SparkEvent event) {
        if (event instanceof BlockManagerAdded e) {
            details.noteTime(e.time());
            executors.onBlockManagerAdded(e);
        } else if (event instanceof ExecutorAdded e) {
            details.noteTime(e.time());
            executors.onExecutorAdded(e, details.resourceProfile(e.resourceProfileId()), details.defaultCpusPerTask());
        } else if (event instanceof ExecutorRemoved e) {
            details.noteTime(e.time().orElse(0));
            executors.onExecutorRemoved(e);
        } else if (event instanceof ExecutorExcluded e) {
            details.noteTime(e.time());
            executors.setExcluded(e.executorId(), true);
        } else if (event instanceof ExecutorUnexcluded e) {
            details.noteTime(e.time());
            executors.setExcluded(e.executorId(), false);
        } else if (event instanceof NodeExcluded e) {
            details.noteTime(e.time());
            executors.setNodeExcluded(e.hostId(), true);
        } else if (event instanceof NodeUnexcluded e) {
            details.noteTime(e.time());
            executors.setNodeExcluded(e.hostId(), false);
        } else if (event instanceof ExecutorExcludedForStage e) {
            details.noteTime(e.time());
            excludeForStage(e);
        } else if (event instanceof NodeExcludedForStage e) {
            details.noteTime(e.time());
            excludeNodeForStage(e);
        } else if (event instanceof ApplicationStart e) {
            details.noteTime(e.time().orElse(0));
            details.onApplicationStart(e);
            executors.onDriverLogs(e.driverLogs(), e.driverAttributes());
        } else if (event instanceof ApplicationEnd e) {
            details.noteTime(e.time().orElse(0));
            details.onApplicationEnd(e.time());
        } else if (event instanceof LogStart e) {
            details.onLogStart(e.sparkVersion());
        } else if (event instanceof EnvironmentUpdate e) {
            details.onEnvironmentUpdate(e);
        } else if (event instanceof ResourceProfileAdded e) {
            details.onResourceProfileAdded(e);
        } else if (event instanceof DbcEventLoggingListenerMetadata e) {
            details.noteTime(e.time().orElse(0));
            details.onDatabricksMetadata(e.fields());
        } else if (event instanceof OtherEvent e) {
            details.noteTime(e.time());
        }
    }

    private void excludeForStage(ExecutorExcludedForStage e) {
        LiveStage stage = jobsAndStages.liveStage(e.stageId(), e.stageAttemptId());
        if (stage != null) {
            stage.excludedExecutors.add(e.executorId());
        }
        LiveExecutor exec = executors.live(e.executorId());
        if (exec != null) {
            exec.excludedInStages.add(e.stageId());
        }
    }

    private void excludeNodeForStage(NodeExcludedForStage e) {
        LiveStage stage = jobsAndStages.liveStage(e.stageId(), e.stageAttemptId());
        for (LiveExecutor exec : executors.liveOnHost(e.hostId())) {
            if (stage != null) {
                stage.excludedExecutors.add(exec.id);
            }
            exec.excludedInStages.add(e.stageId());
        }
    }

    /**
     * The application as the events so far describe it: running jobs, stages and tasks included.
     * Leaves the state unchanged, so it can be called at any moment, any number of times.
     *
     * @param report how the events were read (for a live application: what is known so far)
     * @param fallbackAppId the application id when no ApplicationStart was seen (e.g. from a file name)
     */
    public Application snapshot(ReadReport report, String fallbackAppId) {
        requireNonNull(report, "report is null");
        requireNonNull(fallbackAppId, "fallbackAppId is null");
        long duration = details.duration();
        JobsAndStagesState.Folded folded = new JobsAndStagesState.Folded();
        jobsAndStages.addFolded(folded);
        sql.addFolded(folded);
        return new Application(details.toModel(fallbackAppId, duration), details.environment(),
                details.resourceProfiles(), jobsAndStages.jobsToModel(), jobsAndStages.stagesToModel(),
                executors.toModel(duration), sql.toModel(), tasks.failures().toModel(), report, folded.toModel());
    }

    /**
     * What the events lack that a reader of the analysis should know (no ApplicationStart, no
     * ApplicationEnd, ...), for the {@link ReadReport}.
     *
     * @param inProgress the events are of a running application (an in-progress log, a live driver)
     */
    public List<String> notes(boolean inProgress) {
        List<String> notes = new ArrayList<>(details.notes(inProgress));
        JobsAndStagesState.Folded folded = new JobsAndStagesState.Folded();
        jobsAndStages.addFolded(folded);
        sql.addFolded(folded);
        FoldedTotals totals = folded.toModel();
        if (!totals.isEmpty()) {
            // Said, not hidden: rules judge only what was kept, as Spark's UI shows only what it kept.
            notes.add(String.format(Locale.ROOT, "retention limits (%d jobs, %d stages, %d SQL executions) folded the "
                    + "oldest %d finished jobs, %d stage attempts and %d SQL executions into totals: rules judged "
                    + "only the ones kept", limits.maxJobs(), limits.maxStages(), limits.maxSqlExecutions(),
                    totals.jobs(), totals.stageAttempts(), totals.sqlExecutions()));
        }
        return notes;
    }

    int retainedJobCount() {
        return jobsAndStages.retainedJobCount();
    }

    int retainedStageCount() {
        return jobsAndStages.retainedStageCount();
    }

    int retainedSqlExecutionCount() {
        return sql.retainedCount();
    }

    int retainedSqlMetricCount() {
        return sql.metricCount();
    }

    int liveTaskCount() {
        return tasks.liveTaskCount();
    }
}
