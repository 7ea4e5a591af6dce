package io.sparkwise.analysis.compare;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The executors a run had, as the log shows them, and the memory it asked for.
 *
 * @param executors executors added over the run; in local mode 1, the driver that ran the tasks
 * @param totalCores cores of all those executors
 * @param coresPerExecutor the median executor's cores
 * @param storageMemoryPerExecutor the median executor's block manager memory (bytes)
 * @param executorMemory {@code spark.executor.memory} as set; empty when left at Spark's default
 * @param driverMemory {@code spark.driver.memory} as set; empty when left at Spark's default
 */
public record ExecutorLayout(
        int executors,
        int totalCores,
        int coresPerExecutor,
        long storageMemoryPerExecutor,
        Optional<String> executorMemory,
        Optional<String> driverMemory) {

    public ExecutorLayout {
        requireNonNull(executorMemory, "executorMemory is null");
        requireNonNull(driverMemory, "driverMemory is null");
    }

    static ExecutorLayout of(Application app) {
        List<Executor> workers = app.executors().stream().filter(e -> !e.isDriver()).toList();
        // In local mode the driver runs the tasks: it is the layout then.
        List<Executor> runners = workers.isEmpty() ? app.executors() : workers;
        int cores = runners.stream().mapToInt(Executor::totalCores).sum();
        return new ExecutorLayout(runners.size(), cores,
                median(runners.stream().mapToLong(Executor::totalCores).sorted().toArray()).intValue(),
                median(runners.stream().mapToLong(Executor::maxMemory).sorted().toArray()),
                app.environment().sparkProperty("spark.executor.memory"),
                app.environment().sparkProperty("spark.driver.memory"));
    }

    private static Long median(long[] sorted) {
        return sorted.length == 0 ? 0L : sorted[sorted.length / 2];
    }
}
