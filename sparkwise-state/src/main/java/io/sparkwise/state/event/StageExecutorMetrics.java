package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/** SparkListenerStageExecutorMetrics: an executor's peak metrics during one stage attempt. */
public record StageExecutorMetrics(String executorId, int stageId, int stageAttemptId, MetricValues executorMetrics)
        implements SparkEvent {

    public StageExecutorMetrics {
        requireNonNull(executorId, "executorId is null");
        requireNonNull(executorMetrics, "executorMetrics is null");
    }
}
