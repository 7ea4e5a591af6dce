package io.sparkwise.state.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerExecutorAdded with the fields of its ExecutorInfo.
 *
 * @param time epoch milliseconds, 0 when not known
 * @param resources resource name (gpu, ...) to the addresses given to the executor
 */
public record ExecutorAdded(
        long time,
        String executorId,
        String host,
        int totalCores,
        int resourceProfileId,
        Map<String, String> logUrls,
        Map<String, String> attributes,
        Map<String, List<String>> resources) implements SparkEvent {

    public ExecutorAdded {
        requireNonNull(executorId, "executorId is null");
        requireNonNull(host, "host is null");
        logUrls = Copies.orderedMap(logUrls, "logUrls");
        attributes = Copies.orderedMap(attributes, "attributes");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        requireNonNull(resources, "resources is null").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        resources = Copies.orderedMap(copy, "resources");
    }
}
