package io.sparkwise.state;

import io.sparkwise.model.Executor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/** Mutable state of one executor while events are applied (Spark's LiveExecutor). */
final class LiveExecutor {
    final String id;
    final long addTime;
    String hostPort;
    String host;
    boolean isActive = true;
    int totalCores;
    int maxTasks;
    OptionalLong removeTime = OptionalLong.empty();
    Optional<String> removeReason = Optional.empty();
    long maxMemory;
    long totalOnHeap = -1;
    long totalOffHeap;
    int activeTasks;
    int completedTasks;
    int failedTasks;
    int totalTasks;
    long totalDuration;
    long totalGcTime;
    long totalInputBytes;
    long totalShuffleRead;
    long totalShuffleWrite;
    boolean isExcluded;
    final TreeSet<Integer> excludedInStages = new TreeSet<>();
    int resourceProfileId;
    Map<String, String> executorLogs = Map.of();
    Map<String, String> attributes = Map.of();
    Map<String, List<String>> resources = Map.of();
    final PeakMetrics peaks = new PeakMetrics();

    LiveExecutor(String id, long addTime) {
        this.id = id;
        this.addTime = addTime;
    }

    String hostname() {
        if (host != null) {
            return host;
        }
        if (hostPort == null) {
            return "";
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /**
     * @param asDriver the History Server (4.0) reports the driver's uptime as its totalDuration and
     *     its JVM's TotalGCTime peak as its totalGCTime, whatever tasks ran in it (local mode)
     */
    Executor toModel(boolean asDriver, long applicationDuration) {
        long duration = asDriver ? applicationDuration : totalDuration;
        long gcTime = asDriver ? peaks.peak("TotalGCTime") : totalGcTime;
        Optional<Executor.MemoryMetrics> memory = totalOnHeap >= 0
                ? Optional.of(new Executor.MemoryMetrics(0, 0, totalOnHeap, totalOffHeap))
                : Optional.empty();
        String shownHostPort = hostPort != null ? hostPort : (host != null ? host : "");
        return new Executor(id, shownHostPort, hostname(), isActive, totalCores, maxTasks, addTime, removeTime,
                removeReason, maxMemory, memory, activeTasks, failedTasks, completedTasks, totalTasks,
                duration, gcTime, totalInputBytes, totalShuffleRead, totalShuffleWrite,
                0, 0, 0, isExcluded, List.copyOf(excludedInStages), resourceProfileId, executorLogs, attributes,
                resources, peaks.toModel());
    }
}
