package io.sparkwise.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * An executor (or the driver, id "driver"), with the fields of the History Server's
 * ExecutorSummary (same names and units).
 *
 * @param totalDuration sum of task durations (ms)
 * @param maxMemory storage memory available to the block manager (bytes)
 * @param memoryMetrics on/off-heap storage memory, when the log reports it (Spark 2.3+)
 * @param peakMemoryMetrics peak executor metrics, when the log reports them (Spark 3.0+)
 */
public record Executor(
        String id,
        String hostPort,
        String host,
        boolean isActive,
        int totalCores,
        int maxTasks,
        long addTime,
        OptionalLong removeTime,
        Optional<String> removeReason,
        long maxMemory,
        Optional<MemoryMetrics> memoryMetrics,
        int activeTasks,
        int failedTasks,
        int completedTasks,
        int totalTasks,
        long totalDuration,
        long totalGCTime,
        long totalInputBytes,
        long totalShuffleRead,
        long totalShuffleWrite,
        int rddBlocks,
        long memoryUsed,
        long diskUsed,
        boolean isExcluded,
        List<Integer> excludedInStages,
        int resourceProfileId,
        Map<String, String> executorLogs,
        Map<String, String> attributes,
        Map<String, List<String>> resources,
        Optional<ExecutorMetrics> peakMemoryMetrics) {

    public static final String DRIVER_ID = "driver";

    public Executor {
        requireNonNull(id, "id is null");
        requireNonNull(hostPort, "hostPort is null");
        requireNonNull(host, "host is null");
        requireNonNull(removeTime, "removeTime is null");
        requireNonNull(removeReason, "removeReason is null");
        requireNonNull(memoryMetrics, "memoryMetrics is null");
        excludedInStages = List.copyOf(excludedInStages);
        executorLogs = Map.copyOf(executorLogs);
        attributes = Map.copyOf(attributes);
        resources = Map.copyOf(resources);
        requireNonNull(peakMemoryMetrics, "peakMemoryMetrics is null");
    }

    public boolean isDriver() {
        return DRIVER_ID.equals(id);
    }

    /** Storage memory figures of the History Server's MemoryMetrics. */
    public record MemoryMetrics(
            long usedOnHeapStorageMemory,
            long usedOffHeapStorageMemory,
            long totalOnHeapStorageMemory,
            long totalOffHeapStorageMemory) {
    }
}
