package io.sparkwise.state.event;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerBlockManagerAdded: registers an executor's (or the driver's) block manager, often
 * before its SparkListenerExecutorAdded.
 *
 * @param time epoch milliseconds, 0 when not known
 * @param maxOnHeapMemory absent in logs of Spark before 2.3
 */
public record BlockManagerAdded(
        long time,
        String executorId,
        String host,
        int port,
        long maxMemory,
        OptionalLong maxOnHeapMemory,
        OptionalLong maxOffHeapMemory) implements SparkEvent {

    public BlockManagerAdded {
        requireNonNull(executorId, "executorId is null");
        requireNonNull(host, "host is null");
        requireNonNull(maxOnHeapMemory, "maxOnHeapMemory is null");
        requireNonNull(maxOffHeapMemory, "maxOffHeapMemory is null");
    }
}
