package io.sparkwise.state;

import io.sparkwise.model.ReadReport;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Typed events for tests, with the few fields a test varies and Spark's defaults for the rest. */
final class Events {

    private Events() {
    }

    static ReadReport report() {
        return new ReadReport("test", List.of(), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false, false, List.of());
    }

    static ExecutorAdded executorAdded(String id, long time) {
        return new ExecutorAdded(time, id, "host-" + id, 4, 0, Map.of(), Map.of(), Map.of());
    }

    static StageInfo stageInfo(int stageId, boolean submitted, boolean completed, Optional<String> failure) {
        return new StageInfo(stageId, 0, "stage " + stageId, 3, List.of(stageId), List.of(), "",
                submitted ? OptionalLong.of(1000L + stageId) : OptionalLong.empty(),
                completed ? OptionalLong.of(2000L + stageId) : OptionalLong.empty(), failure, 0);
    }

    static JobStart jobStart(int jobId, int stageId, Map<String, String> properties) {
        return new JobStart(jobId, OptionalLong.of(1000L + jobId), List.of(stageInfo(stageId, false, false, Optional.empty())),
                List.of(stageId), properties);
    }

    static StageSubmitted stageSubmitted(int stageId) {
        return new StageSubmitted(stageInfo(stageId, true, false, Optional.empty()), Map.of());
    }

    static StageCompleted stageCompleted(int stageId, Optional<String> failure) {
        return new StageCompleted(stageInfo(stageId, true, true, failure));
    }

    static JobEnd jobEnd(int jobId, boolean succeeded) {
        return new JobEnd(jobId, OptionalLong.of(3000L + jobId), succeeded,
                succeeded ? Optional.empty() : Optional.of("stage failed"));
    }

    static TaskInfo taskInfo(long taskId, int index, String executorId, boolean finished, AccumulatorUpdates accumulables) {
        return new TaskInfo(taskId, index, 1000 + taskId, finished ? 1100 + taskId : 0, 0, executorId, "PROCESS_LOCAL",
                false, accumulables);
    }

    static TaskStart taskStart(int stageId, long taskId, int index, String executorId) {
        return new TaskStart(stageId, 0, taskInfo(taskId, index, executorId, false, AccumulatorUpdates.EMPTY));
    }

    static TaskEnd taskEnd(int stageId, long taskId, int index, String executorId, TaskEndReason reason,
                           TaskMetricTotals metrics, AccumulatorUpdates accumulables) {
        return new TaskEnd(stageId, 0, reason, taskInfo(taskId, index, executorId, true, accumulables),
                MetricValues.EMPTY, Optional.of(metrics));
    }

    /** Task metrics with a run time and input bytes, the rest 0. */
    static TaskMetricTotals metrics(long runTime, long inputBytes) {
        long[] m = new long[TaskMetric.values().length];
        m[TaskMetric.EXECUTOR_RUN_TIME.ordinal()] = runTime;
        m[TaskMetric.INPUT_BYTES.ordinal()] = inputBytes;
        return TaskMetricTotals.of(m);
    }
}
