package io.sparkwise.state.event;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerJobStart.
 *
 * @param stageInfos every stage of the job, also those that will be skipped
 * @param properties the job's local properties (description, job group, SQL execution id, pool, tags)
 */
public record JobStart(
        int jobId,
        OptionalLong time,
        List<StageInfo> stageInfos,
        List<Integer> stageIds,
        Map<String, String> properties) implements SparkEvent {

    public JobStart {
        requireNonNull(time, "time is null");
        stageInfos = Copies.list(stageInfos, "stageInfos");
        stageIds = Copies.list(stageIds, "stageIds");
        properties = Copies.orderedMap(properties, "properties");
    }
}
