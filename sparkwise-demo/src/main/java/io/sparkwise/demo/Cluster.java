package io.sparkwise.demo;

import static java.util.Objects.requireNonNull;

/**
 * The Spark master a scenario runs on. {@code local[2]} runs tasks in the driver JVM: cheap, but it
 * has no executors to lose, idle or run out of memory. {@code local-cluster[N,C,MB]} starts a
 * standalone master, workers and N real executor JVMs from the driver's own jars (see
 * {@link SparkHome}).
 */
public record Cluster(String master, int executors, int coresPerExecutor, int executorMemoryMb) {

    /** Two cores: the size of the machines we build on, and enough to see parallel tasks. */
    public static final Cluster LOCAL = new Cluster("local[2]", 0, 2, 0);

    public Cluster {
        requireNonNull(master, "master is null");
    }

    public static Cluster localCluster(int executors, int coresPerExecutor, int executorMemoryMb) {
        return new Cluster("local-cluster[" + executors + "," + coresPerExecutor + "," + executorMemoryMb + "]",
                executors, coresPerExecutor, executorMemoryMb);
    }

    public boolean isLocal() {
        return executors == 0;
    }
}
