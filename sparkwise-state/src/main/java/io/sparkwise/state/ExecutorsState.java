package io.sparkwise.state;

import io.sparkwise.model.Executor;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.state.event.BlockManagerAdded;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.MetricValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executors (and the driver) as AppStatusListener keeps them: every executor ever registered,
 * and the live ones that events still update. Executors are few (thousands at most for the
 * biggest clusters), so none is folded.
 */
final class ExecutorsState {

    /** Every executor, in registration order; a re-registered id replaces its old entry, as in Spark. */
    private final Map<String, LiveExecutor> executors = new LinkedHashMap<>();
    private final Map<String, LiveExecutor> liveExecutors = new LinkedHashMap<>();

    LiveExecutor live(String executorId) {
        return liveExecutors.get(executorId);
    }

    /** A live executor, or one removed earlier: StageExecutorMetrics also updates removed executors. */
    LiveExecutor any(String executorId) {
        LiveExecutor exec = liveExecutors.get(executorId);
        return exec != null ? exec : executors.get(executorId);
    }

    Iterable<LiveExecutor> live() {
        return liveExecutors.values();
    }

    private LiveExecutor getOrCreate(String id, long addTime) {
        LiveExecutor exec = liveExecutors.get(id);
        if (exec == null) {
            exec = new LiveExecutor(id, addTime);
            liveExecutors.put(id, exec);
            executors.put(id, exec);
        }
        return exec;
    }

    void onDriverLogs(Map<String, String> logs, Map<String, String> attributes) {
        LiveExecutor driver = liveExecutors.get(Executor.DRIVER_ID);
        if (driver != null && !logs.isEmpty()) {
            driver.executorLogs = logs;
            driver.attributes = attributes;
        }
    }

    void onBlockManagerAdded(BlockManagerAdded e) {
        LiveExecutor exec = getOrCreate(e.executorId(), e.time());
        exec.hostPort = e.host() + ":" + e.port();
        if (e.maxOnHeapMemory().isPresent()) {
            exec.totalOnHeap = e.maxOnHeapMemory().getAsLong();
            exec.totalOffHeap = e.maxOffHeapMemory().orElse(0);
        }
        exec.isActive = true;
        exec.maxMemory = e.maxMemory();
    }

    /**
     * @param profile the executor's resource profile, null when unknown
     * @param defaultCpusPerTask spark.task.cpus
     */
    void onExecutorAdded(ExecutorAdded e, ResourceProfile profile, int defaultCpusPerTask) {
        LiveExecutor exec = getOrCreate(e.executorId(), e.time());
        exec.host = e.host();
        exec.isActive = true;
        exec.totalCores = e.totalCores();
        int cpusPerTask = defaultCpusPerTask;
        if (profile != null && profile.taskResources().containsKey("cpus")) {
            cpusPerTask = Math.max(1, (int) (double) profile.taskResources().get("cpus"));
        }
        exec.maxTasks = exec.totalCores / Math.max(1, cpusPerTask);
        exec.executorLogs = e.logUrls();
        exec.attributes = e.attributes();
        exec.resources = e.resources();
        exec.resourceProfileId = e.resourceProfileId();
    }

    void onExecutorRemoved(ExecutorRemoved e) {
        LiveExecutor exec = liveExecutors.remove(e.executorId());
        if (exec != null) {
            exec.isActive = false;
            exec.removeTime = e.time();
            exec.removeReason = e.reason();
        }
    }

    void setExcluded(String executorId, boolean excluded) {
        LiveExecutor exec = liveExecutors.get(executorId);
        if (exec != null) {
            exec.isExcluded = excluded;
        }
    }

    /** The live executors on {@code host}, the driver not among them (Spark never excludes it). */
    List<LiveExecutor> liveOnHost(String host) {
        List<LiveExecutor> out = new ArrayList<>();
        for (LiveExecutor exec : liveExecutors.values()) {
            if (exec.hostname().equals(host) && !exec.id.equals(Executor.DRIVER_ID)) {
                out.add(exec);
            }
        }
        return out;
    }

    void setNodeExcluded(String host, boolean excluded) {
        for (LiveExecutor exec : liveOnHost(host)) {
            exec.isExcluded = excluded;
        }
    }

    void onPeaks(String executorId, MetricValues metrics, boolean alsoRemoved) {
        LiveExecutor exec = alsoRemoved ? any(executorId) : liveExecutors.get(executorId);
        if (exec != null) {
            exec.peaks.update(metrics);
        }
    }

    List<Executor> toModel(long applicationDuration) {
        List<Executor> out = new ArrayList<>(executors.size());
        executors.values().forEach(x -> out.add(x.toModel(x.id.equals(Executor.DRIVER_ID), applicationDuration)));
        return out;
    }
}
