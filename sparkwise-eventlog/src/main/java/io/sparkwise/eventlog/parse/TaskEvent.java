package io.sparkwise.eventlog.parse;

import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.event.AccumulatorUpdates;
import io.sparkwise.state.event.MetricValues;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskEndReason;
import io.sparkwise.state.event.TaskInfo;
import io.sparkwise.state.event.TaskStart;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Scratch space for the fields of one SparkListenerTaskStart / TaskEnd, filled straight from the
 * token stream (no JSON tree) and then copied into the immutable event. One instance is reused
 * for every task event of a log, so its growable arrays are allocated once: task events are
 * almost all the lines of a log, so this path decides the reader's speed and allocation rate.
 */
final class TaskEvent {

    int stageId;
    int stageAttemptId;
    long taskId;
    int index;
    long launchTime;
    long finishTime;
    long gettingResultTime;
    String executorId;
    String locality;
    boolean speculative;

    /** "Success", "ExceptionFailure", ...; {@link #reasonFields} has the rest for non-successes. */
    String reason;
    Map<String, Object> reasonFields;

    boolean hasMetrics;
    final long[] metrics = new long[TaskMetric.values().length];

    /** Task executor metrics (peak memory etc.), as parallel arrays. */
    private String[] peakNames = new String[32];
    private long[] peakValues = new long[32];
    private int peakCount;

    /** Numeric accumulator updates of the task (ID, Update), for SQL plan metrics. */
    private long[] accumulatorIds = new long[64];
    private long[] accumulatorUpdates = new long[64];
    private int accumulatorCount;

    /** Resets every field before the next event is parsed into this instance. */
    void clear() {
        stageId = -1;
        stageAttemptId = 0;
        taskId = -1;
        index = -1;
        launchTime = 0;
        finishTime = 0;
        gettingResultTime = 0;
        executorId = "";
        locality = "ANY";
        speculative = false;
        reason = "Success";
        reasonFields = null;
        hasMetrics = false;
        Arrays.fill(metrics, 0);
        peakCount = 0;
        accumulatorCount = 0;
    }

    void addPeak(String name, long value) {
        if (peakCount == peakNames.length) {
            peakNames = Arrays.copyOf(peakNames, peakCount * 2);
            peakValues = Arrays.copyOf(peakValues, peakCount * 2);
        }
        peakNames[peakCount] = name;
        peakValues[peakCount++] = value;
    }

    void addAccumulator(long id, long update) {
        if (accumulatorCount == accumulatorIds.length) {
            accumulatorIds = Arrays.copyOf(accumulatorIds, accumulatorCount * 2);
            accumulatorUpdates = Arrays.copyOf(accumulatorUpdates, accumulatorCount * 2);
        }
        accumulatorIds[accumulatorCount] = id;
        accumulatorUpdates[accumulatorCount++] = update;
    }

    private TaskInfo taskInfo() {
        return new TaskInfo(taskId, index, launchTime, finishTime, gettingResultTime, executorId, locality, speculative,
                AccumulatorUpdates.of(accumulatorIds, accumulatorUpdates, accumulatorCount));
    }

    TaskStart toTaskStart() {
        return new TaskStart(stageId, stageAttemptId, taskInfo());
    }

    TaskEnd toTaskEnd() {
        TaskEndReason endReason = "Success".equals(reason) ? TaskEndReason.SUCCESS
                : JsonEventDecoder.taskEndReason(reason, reasonFields);
        return new TaskEnd(stageId, stageAttemptId, endReason, taskInfo(),
                MetricValues.of(peakNames, peakValues, peakCount),
                hasMetrics ? Optional.of(TaskMetricTotals.of(metrics)) : Optional.empty());
    }
}
