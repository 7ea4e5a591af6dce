package io.sparkwise.demo;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.network.util.JavaUtils;

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

    /**
     * This cluster with workers big enough for the executors {@code conf} asks for: a fix that
     * recommends 2 GiB executors on 512 MiB workers would otherwise never get an executor and
     * hang. In production the fix would go with a node type that fits; here the workers grow.
     */
    public Cluster fitting(Map<String, String> conf) {
        if (isLocal()) {
            return this;
        }
        long memoryMb = Optional.ofNullable(conf.get("spark.executor.memory"))
                .map(JavaUtils::byteStringAsMb).orElse((long) executorMemoryMb);
        int cores = Optional.ofNullable(conf.get("spark.executor.cores")).map(Integer::parseInt).orElse(coresPerExecutor);
        if (memoryMb <= executorMemoryMb && cores <= coresPerExecutor) {
            return this;
        }
        return localCluster(executors, Math.max(cores, coresPerExecutor), (int) Math.max(memoryMb, executorMemoryMb));
    }

    public boolean isLocal() {
        return executors == 0;
    }
}
