package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/** SparkListenerTaskStart. */
public record TaskStart(int stageId, int stageAttemptId, TaskInfo taskInfo) implements SparkEvent {
    public TaskStart {
        requireNonNull(taskInfo, "taskInfo is null");
    }
}
