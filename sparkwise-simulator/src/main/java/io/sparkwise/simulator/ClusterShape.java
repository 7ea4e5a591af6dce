package io.sparkwise.simulator;

/**
 * The cluster a log ran on, as far as the simulator needs it.
 *
 * @param executors executors that ran tasks at any time (the driver in local mode)
 * @param peakExecutors most executors registered at once
 * @param coresPerExecutor the most common executor core count
 * @param taskCpus {@code spark.task.cpus}
 * @param executorStartupMs application start to the first executor registration: the latency
 *     the replay gives every executor it starts
 * @param dynamicAllocation true when the application ran with {@code spark.dynamicAllocation.enabled}
 */
public record ClusterShape(int executors, int peakExecutors, int coresPerExecutor, int taskCpus, long executorStartupMs,
                           boolean dynamicAllocation) {
}
