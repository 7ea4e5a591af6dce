package io.sparkwise.state.event;

import static java.util.Objects.requireNonNull;

/**
 * Spark's TaskInfo, the fields the state uses.
 *
 * @param index the task's partition index within its stage attempt
 * @param finishTime 0 while the task runs
 * @param gettingResultTime 0 unless the driver fetched the result from a block manager
 * @param locality PROCESS_LOCAL, NODE_LOCAL, NO_PREF, RACK_LOCAL or ANY
 * @param accumulables the numeric accumulator updates of a finished task
 */
public record TaskInfo(
        long taskId,
        int index,
        long launchTime,
        long finishTime,
        long gettingResultTime,
        String executorId,
        String locality,
        boolean speculative,
        AccumulatorUpdates accumulables) {

    public TaskInfo {
        requireNonNull(executorId, "executorId is null");
        requireNonNull(locality, "locality is null");
        requireNonNull(accumulables, "accumulables is null");
    }

    /** As Spark's TaskInfo.duration: finish minus launch, 0 while running. */
    public long duration() {
        return finishTime > 0 ? finishTime - launchTime : 0;
    }
}
