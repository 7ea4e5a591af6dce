package io.sparkwise.state.event;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** SparkListenerStageSubmitted, with the submitting job's local properties. */
public record StageSubmitted(StageInfo stageInfo, Map<String, String> properties) implements SparkEvent {
    public StageSubmitted {
        requireNonNull(stageInfo, "stageInfo is null");
        properties = Copies.orderedMap(properties, "properties");
    }
}
