package io.sparkwise.eventlog.build;

import io.sparkwise.model.TaskMetric;

import java.util.Map;

/**
 * The fields of a SparkListenerTaskStart / TaskEnd that the model uses, parsed without building a
 * JSON tree. One instance is reused for every task event of a log: task events are almost all the
 * lines of a log, so this path decides the reader's speed and allocation rate.
 */
public final class TaskEvent {

    public int stageId;
    public int stageAttemptId;
    public long taskId;
    public int index;
    public long launchTime;
    public long finishTime;
    public long gettingResultTime;
    public String executorId;
    public String locality;
    public boolean speculative;

    /** "Success", "ExceptionFailure", ...; {@link #reasonFields} has the rest for non-successes. */
    public String reason;
    public Map<String, Object> reasonFields;

    public boolean hasMetrics;
    public final long[] metrics = new long[TaskMetric.values().length];

    /** Task executor metrics (peak memory etc.), as parallel arrays. */
    public String[] peakNames = new String[32];
    public long[] peakValues = new long[32];
    public int peakCount;

    /** Numeric accumulator updates of the task (ID, Update), for SQL plan metrics. */
    public long[] accumulatorIds = new long[64];
    public long[] accumulatorUpdates = new long[64];
    public int accumulatorCount;

    /** Resets every field before the next event is parsed into this instance. */
    public void clear() {
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
        java.util.Arrays.fill(metrics, 0);
        peakCount = 0;
        accumulatorCount = 0;
    }

    public void addPeak(String name, long value) {
        if (peakCount == peakNames.length) {
            peakNames = java.util.Arrays.copyOf(peakNames, peakCount * 2);
            peakValues = java.util.Arrays.copyOf(peakValues, peakCount * 2);
        }
        peakNames[peakCount] = name;
        peakValues[peakCount++] = value;
    }

    public void addAccumulator(long id, long update) {
        if (accumulatorCount == accumulatorIds.length) {
            accumulatorIds = java.util.Arrays.copyOf(accumulatorIds, accumulatorCount * 2);
            accumulatorUpdates = java.util.Arrays.copyOf(accumulatorUpdates, accumulatorCount * 2);
        }
        accumulatorIds[accumulatorCount] = id;
        accumulatorUpdates[accumulatorCount++] = update;
    }

    /** Task duration as Spark's TaskInfo.duration: finish minus launch, 0 when not finished. */
    public long duration() {
        return finishTime > 0 ? finishTime - launchTime : 0;
    }
}
