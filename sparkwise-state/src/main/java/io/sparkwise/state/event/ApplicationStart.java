package io.sparkwise.state.event;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/** SparkListenerApplicationStart. */
public record ApplicationStart(
        String appName,
        Optional<String> appId,
        OptionalLong time,
        String sparkUser,
        Optional<String> appAttemptId,
        Map<String, String> driverLogs,
        Map<String, String> driverAttributes) implements SparkEvent {

    public ApplicationStart {
        requireNonNull(appName, "appName is null");
        requireNonNull(appId, "appId is null");
        requireNonNull(time, "time is null");
        requireNonNull(sparkUser, "sparkUser is null");
        requireNonNull(appAttemptId, "appAttemptId is null");
        driverLogs = Copies.orderedMap(driverLogs, "driverLogs");
        driverAttributes = Copies.orderedMap(driverAttributes, "driverAttributes");
    }
}
