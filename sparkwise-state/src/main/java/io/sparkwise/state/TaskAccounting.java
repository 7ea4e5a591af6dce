package io.sparkwise.state;

import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;

/**
 * What task starts and ends add to their stage attempt, its jobs, their executor and the SQL plan
 * metrics, as AppStatusListener counts them. The only per-task state is the set of running tasks,
 * bounded by the tasks running at once; a finished task leaves only sums and sketch counts.
 */
final class TaskAccounting {

    private static final TaskMetric[] METRICS = TaskMetric.values();

    private final JobsAndStagesState jobsAndStages;
    private final ExecutorsState executors;
    private final SqlExecutionsState sql;
    /** Tasks started and not ended. */
    private final LongMap<Boolean> liveTasks = new LongMap<>();
    private final FailureGroups failures = new FailureGroups();

    TaskAccounting(JobsAndStagesState jobsAndStages, ExecutorsState executors, SqlExecutionsState sql) {
        this.jobsAndStages = jobsAndStages;
        this.executors = executors;
        this.sql = sql;
    }

    FailureGroups failures() {
        return failures;
    }

    int liveTaskCount() {
        return liveTasks.size();
    }

    void onTaskStart(TaskStart e) {
        TaskInfo info = e.taskInfo();
        liveTasks.put(info.taskId(), Boolean.TRUE);
        LiveStage stage = jobsAndStages.liveStage(e.stageId(), e.stageAttemptId());
        if (stage != null) {
            stage.activeTasks++;
            stage.firstLaunchTime = Math.min(stage.firstLaunchTime, info.launchTime());
            stage.localitySummary.merge(info.locality(), 1L, Long::sum);
            stage.activeTasksPerExecutor.merge(info.executorId(), 1, Integer::sum);
            for (LiveJob job : stage.jobs) {
                job.activeTasks++;
            }
        }
        LiveExecutor exec = executors.live(info.executorId());
        if (exec != null) {
            exec.activeTasks++;
            exec.totalTasks++;
        }
    }

    void onTaskEnd(TaskEnd e) {
        TaskInfo info = e.taskInfo();
        long duration = info.duration();
        TaskEndReason reason = e.reason();
        TaskMetricTotals taskMetrics = e.taskMetrics().orElse(null);

        // As the History Server: a task's metrics count for its stage only when its start was seen.
        TaskMetricTotals delta = liveTasks.remove(info.taskId()) ? taskMetrics : null;

        int completedDelta = 0;
        int failedDelta = 0;
        int killedDelta = 0;
        switch (reason.name()) {
            case "Success" -> completedDelta = 1;
            case "TaskKilled", "TaskCommitDenied" -> killedDelta = 1;
            default -> failedDelta = 1;
        }
        String killedKey = killedDelta > 0 ? killedSummaryKey(reason) : null;

        LiveStage stage = jobsAndStages.liveStage(e.stageId(), e.stageAttemptId());
        if (stage != null) {
            if (delta != null) {
                for (TaskMetric m : METRICS) {
                    stage.metrics[m.ordinal()] += delta.get(m);
                }
            }
            stage.activeTasks--;
            stage.completedTasks += completedDelta;
            if (completedDelta > 0 && info.index() >= 0) {
                stage.completedIndices.set(info.index());
            }
            stage.failedTasks += failedDelta;
            stage.killedTasks += killedDelta;
            if (killedKey != null) {
                stage.killedSummary.merge(killedKey, 1, Integer::sum);
            }
            stage.activeTasksPerExecutor.merge(info.executorId(), -1, Integer::sum);
            stage.peaks.update(e.taskExecutorMetrics());
            boolean removeStage = stage.activeTasks == 0
                    && (stage.status == StageStatus.COMPLETE || stage.status == StageStatus.FAILED);
            for (LiveJob job : stage.jobs) {
                job.activeTasks--;
                job.completedTasks += completedDelta;
                if (completedDelta > 0) {
                    job.addCompletedIndex(e.stageId(), info.index());
                }
                job.failedTasks += failedDelta;
                job.killedTasks += killedDelta;
                if (killedKey != null) {
                    job.killedSummary.merge(killedKey, 1, Integer::sum);
                }
            }
            if (completedDelta > 0 && taskMetrics != null) {
                addDistributions(stage, info, taskMetrics, duration);
            }
            if (completedDelta == 0) {
                recordFailure(stage.failures, reason, e.stageId(), info.executorId(), duration);
            }
            if (removeStage) {
                jobsAndStages.removeLiveStage(stage);
            }
        }
        if (completedDelta == 0) {
            recordFailure(failures, reason, e.stageId(), info.executorId(), duration);
        }

        LiveExecutor exec = executors.live(info.executorId());
        if (exec != null) {
            exec.activeTasks--;
            exec.completedTasks += completedDelta;
            exec.failedTasks += failedDelta;
            exec.totalDuration += duration;
            exec.peaks.update(e.taskExecutorMetrics());
            // Spark keeps the first attempt's metrics for resubmitted tasks (see AppStatusListener).
            if (!"Resubmitted".equals(reason.name()) && taskMetrics != null) {
                exec.totalGcTime += taskMetrics.get(TaskMetric.JVM_GC_TIME);
                exec.totalInputBytes += taskMetrics.get(TaskMetric.INPUT_BYTES);
                exec.totalShuffleRead += taskMetrics.shuffleReadBytes();
                exec.totalShuffleWrite += taskMetrics.get(TaskMetric.SHUFFLE_WRITE_BYTES);
            }
        }
        AccumulatorUpdates accumulables = info.accumulables();
        for (int i = 0; i < accumulables.size(); i++) {
            sql.onAccumulatorUpdate(accumulables.id(i), accumulables.update(i));
        }
    }

    private static String killedSummaryKey(TaskEndReason reason) {
        if (reason instanceof TaskEndReason.TaskKilled killed) {
            return killed.killReason().orElse("unknown reason");
        }
        TaskEndReason.TaskCommitDenied denied = (TaskEndReason.TaskCommitDenied) reason;
        return "TaskCommitDenied (Driver denied task commit) for job: " + denied.jobId()
                + ", partition: " + denied.partitionId() + ", attemptNumber: " + denied.attemptNumber();
    }

    private static void addDistributions(LiveStage stage, TaskInfo info, TaskMetricTotals m, long duration) {
        long gettingResultTime = info.gettingResultTime();
        long finish = info.finishTime();
        long fetchingResult = gettingResultTime > 0 && finish > 0 ? finish - gettingResultTime : 0;
        long runTime = m.get(TaskMetric.EXECUTOR_RUN_TIME);
        long deserialize = m.get(TaskMetric.EXECUTOR_DESERIALIZE_TIME);
        long serialize = m.get(TaskMetric.RESULT_SERIALIZATION_TIME);
        long schedulerDelay = Math.max(0, duration - runTime - deserialize - serialize - fetchingResult);
        stage.addToSketch(TaskQuantity.DURATION, duration);
        stage.addToSketch(TaskQuantity.EXECUTOR_DESERIALIZE_TIME, deserialize);
        stage.addToSketch(TaskQuantity.EXECUTOR_RUN_TIME, runTime);
        stage.addToSketch(TaskQuantity.EXECUTOR_CPU_TIME, m.get(TaskMetric.EXECUTOR_CPU_TIME));
        stage.addToSketch(TaskQuantity.RESULT_SIZE, m.get(TaskMetric.RESULT_SIZE));
        stage.addToSketch(TaskQuantity.JVM_GC_TIME, m.get(TaskMetric.JVM_GC_TIME));
        stage.addToSketch(TaskQuantity.RESULT_SERIALIZATION_TIME, serialize);
        stage.addToSketch(TaskQuantity.GETTING_RESULT_TIME, fetchingResult);
        stage.addToSketch(TaskQuantity.SCHEDULER_DELAY, schedulerDelay);
        stage.addToSketch(TaskQuantity.PEAK_EXECUTION_MEMORY, m.get(TaskMetric.PEAK_EXECUTION_MEMORY));
        stage.addToSketch(TaskQuantity.MEMORY_BYTES_SPILLED, m.get(TaskMetric.MEMORY_BYTES_SPILLED));
        stage.addToSketch(TaskQuantity.DISK_BYTES_SPILLED, m.get(TaskMetric.DISK_BYTES_SPILLED));
        stage.addToSketch(TaskQuantity.INPUT_BYTES, m.get(TaskMetric.INPUT_BYTES));
        stage.addToSketch(TaskQuantity.INPUT_RECORDS, m.get(TaskMetric.INPUT_RECORDS));
        stage.addToSketch(TaskQuantity.OUTPUT_BYTES, m.get(TaskMetric.OUTPUT_BYTES));
        stage.addToSketch(TaskQuantity.OUTPUT_RECORDS, m.get(TaskMetric.OUTPUT_RECORDS));
        stage.addToSketch(TaskQuantity.SHUFFLE_READ_BYTES, m.shuffleReadBytes());
        stage.addToSketch(TaskQuantity.SHUFFLE_READ_RECORDS, m.get(TaskMetric.SHUFFLE_READ_RECORDS));
        stage.addToSketch(TaskQuantity.SHUFFLE_FETCH_WAIT_TIME, m.get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME));
        stage.addToSketch(TaskQuantity.SHUFFLE_REMOTE_BYTES_READ, m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ));
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_BYTES, m.get(TaskMetric.SHUFFLE_WRITE_BYTES));
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_RECORDS, m.get(TaskMetric.SHUFFLE_WRITE_RECORDS));
        stage.addToSketch(TaskQuantity.SHUFFLE_WRITE_TIME, m.get(TaskMetric.SHUFFLE_WRITE_TIME));
    }

    /** Groups a failed or killed task by kind and cause, with a sample message. */
    private static void recordFailure(FailureGroups groups, TaskEndReason reason, int stageId, String executorId,
                                      long duration) {
        TaskFailureKind kind = TaskFailureKind.fromSparkName(reason.name());
        String cause;
        String message;
        if (reason instanceof TaskEndReason.ExceptionFailure f) {
            cause = f.className().orElse("unknown exception");
            message = f.description();
        } else if (reason instanceof TaskEndReason.ExecutorLostFailure f) {
            message = f.lossReason().orElse("");
            cause = FailureCauses.executorLoss(message);
        } else if (reason instanceof TaskEndReason.FetchFailed f) {
            message = f.message();
            cause = f.blockManagerHost().map(host -> "shuffle fetch failed from " + host).orElse("shuffle fetch failed");
        } else if (reason instanceof TaskEndReason.TaskKilled f) {
            message = f.killReason().orElse("");
            cause = message.isEmpty() ? "unknown reason" : message;
        } else {
            message = reason.name();
            cause = reason.name();
        }
        groups.add(kind, cause, message, stageId, executorId, duration);
    }
}
