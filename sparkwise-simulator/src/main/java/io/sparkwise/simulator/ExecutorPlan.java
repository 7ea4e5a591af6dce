package io.sparkwise.simulator;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The executors a replay may use: either a fixed timeline (executors added and removed at given
 * times, as in the real run or a fixed cluster) or dynamic allocation, which decides while
 * the replay runs.
 *
 * @param slotsPerExecutor task slots of a dynamically allocated executor (cores / task CPUs)
 * @param startupMs time from requesting an executor to its registration
 */
record ExecutorPlan(List<Planned> timeline, Optional<DynamicAllocation> dynamic, int initialExecutors,
                    int slotsPerExecutor, int coresPerExecutor, long startupMs, AllocationTimeouts timeouts) {

    /** An executor that joins at {@code addMs} and leaves at {@code removeMs} (-1: never). */
    record Planned(long addMs, long removeMs, int slots, int cores) {
    }

    ExecutorPlan {
        timeline = List.copyOf(timeline);
        requireNonNull(dynamic, "dynamic is null");
        requireNonNull(timeouts, "timeouts is null");
    }

    static ExecutorPlan fixed(List<Planned> timeline) {
        return new ExecutorPlan(timeline, Optional.empty(), 0, 0, 0, 0, AllocationTimeouts.SPARK_DEFAULTS);
    }
}
