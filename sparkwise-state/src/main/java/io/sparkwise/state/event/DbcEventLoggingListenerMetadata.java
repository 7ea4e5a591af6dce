package io.sparkwise.state.event;

import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Databricks' DBCEventLoggingListenerMetadata, the first line of each rolled log part: its
 * fields (Spark Version, Rollover Number, SparkContext Id, ...) as text.
 */
public record DbcEventLoggingListenerMetadata(OptionalLong time, Map<String, String> fields) implements SparkEvent {
    public DbcEventLoggingListenerMetadata {
        requireNonNull(time, "time is null");
        fields = Copies.orderedMap(fields, "fields");
    }
}
