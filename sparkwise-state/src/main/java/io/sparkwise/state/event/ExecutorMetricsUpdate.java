package io.sparkwise.state.event;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerExecutorMetricsUpdate (the heartbeat): the executor's peak metrics per running stage
 * attempt. Event logs carry it only with spark.eventLog.logStageExecutorMetrics.
 */
public record ExecutorMetricsUpdate(String executorId, List<StageUpdate> executorUpdates) implements SparkEvent {

    public ExecutorMetricsUpdate {
        requireNonNull(executorId, "executorId is null");
        executorUpdates = Copies.list(executorUpdates, "executorUpdates");
    }

    /** The executor's peaks for one stage attempt. */
    public record StageUpdate(int stageId, int stageAttemptId, MetricValues executorMetrics) {
        public StageUpdate {
            requireNonNull(executorMetrics, "executorMetrics is null");
        }
    }
}
