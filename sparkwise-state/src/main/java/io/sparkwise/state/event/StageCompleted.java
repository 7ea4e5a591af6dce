package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/** SparkListenerStageCompleted: also for a failed attempt (its StageInfo has a failure reason). */
public record StageCompleted(StageInfo stageInfo) implements SparkEvent {
    public StageCompleted {
        requireNonNull(stageInfo, "stageInfo is null");
    }
}
