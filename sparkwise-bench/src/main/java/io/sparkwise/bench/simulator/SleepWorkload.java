package io.sparkwise.bench.simulator;

import io.sparkwise.demo.Cluster;
import io.sparkwise.demo.Scenario;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A workload limited by scheduling and parallelism, not CPU: its tasks sleep for fixed,
 * per-partition durations. This machine has 2 cores, so CPU-bound tasks could not speed up past
 * 2 executors; sleeping tasks scale with slots as I/O-bound tasks on a real cluster do, which is
 * what the simulator claims to predict.
 *
 * <p>Before its first job the workload waits until every executor has registered, then runs a
 * warm-up job ({@link #WARM_UP}: 8 tasks of 300 ms) so each executor JVM has loaded Spark's task
 * classes; the accuracy experiment measures from the end of that job. On this shared 2-core
 * machine an executor JVM took 25-85 s to register and its first task paid seconds of class
 * loading, growing with the executor count: costs of the test rig, not of the workload.
 */
final class SleepWorkload implements Scenario {

    /** Description of the warm-up job, which the experiment leaves out of what it measures. */
    static final String WARM_UP = "warm-up";

    /** Task sleeps are this many times the base durations below: long against per-task overhead. */
    private static final double SCALE = 1.5;

    private final String name;
    private final Cluster cluster;
    private final Consumer<JavaSparkContext> jobs;

    private SleepWorkload(String name, Cluster cluster, Consumer<JavaSparkContext> jobs) {
        this.name = requireNonNull(name, "name is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    /**
     * The workloads of the accuracy experiment, on {@code slots} executors of 1 core
     * (local-cluster), or with {@code local} on one JVM with {@code slots} task threads
     * ({@code local[slots]}: no executor JVMs to start and warm up).
     */
    static List<SleepWorkload> all(int slots, boolean local) {
        Cluster cluster = local ? new Cluster("local[" + slots + "]", 0, slots, 0) : Cluster.localCluster(slots, 1, 512);
        return List.of(
                new SleepWorkload("waves", cluster, SleepWorkload::waves),
                new SleepWorkload("straggler", cluster, SleepWorkload::straggler),
                new SleepWorkload("branches", cluster, SleepWorkload::branches));
    }

    /**
     * Job 0: 24 map tasks of 200-1000 ms, a shuffle into 6 reduce tasks of 500 ms; 1 s of driver
     * work; job 1: 12 tasks of 800 ms (all times x {@link #SCALE}). About 40 s of task time.
     */
    private static void waves(JavaSparkContext jsc) {
        sleeping(jsc, 24, p -> 200 + (p * 7L % 9) * 100)
                .mapToPair(i -> new Tuple2<>(i % 6, i))
                .groupByKey(6)
                .mapPartitionsWithIndex(sleepFor(p -> 500), false)
                .count();
        pause(1_000);
        sleeping(jsc, 12, p -> 800).count();
    }

    /** 16 tasks of 300 ms and one of 5 s, then 4 reduce tasks of 1 s: the 5 s task bounds any cluster. */
    private static void straggler(JavaSparkContext jsc) {
        sleeping(jsc, 17, p -> p == 16 ? 5_000 : 300)
                .mapToPair(i -> new Tuple2<>(i % 4, i))
                .groupByKey(4)
                .mapPartitionsWithIndex(sleepFor(p -> 1_000), false)
                .count();
    }

    /** Two independent shuffle map stages (12 x 600 ms and 8 x 900 ms) joined by 4 tasks of 700 ms. */
    private static void branches(JavaSparkContext jsc) {
        JavaPairRDD<Integer, Integer> left = sleeping(jsc, 12, p -> 600).mapToPair(i -> new Tuple2<>(i % 4, i));
        JavaPairRDD<Integer, Integer> right = sleeping(jsc, 8, p -> 900).mapToPair(i -> new Tuple2<>(i % 4, i));
        left.join(right, 4).mapPartitionsWithIndex(sleepFor(p -> 700), false).count();
    }

    /** One element per partition; each partition sleeps {@code ms(partition)}. */
    private static org.apache.spark.api.java.JavaRDD<Integer> sleeping(JavaSparkContext jsc, int partitions,
                                                                        PartitionSleep ms) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            values.add(i);
        }
        return jsc.parallelize(values, partitions).mapPartitionsWithIndex(sleepFor(ms), false);
    }

    private static <T> Function2<Integer, Iterator<T>, Iterator<T>> sleepFor(PartitionSleep ms) {
        return (partition, rows) -> {
            pause(Math.round(ms.millis(partition) * SCALE));
            return rows;
        };
    }

    /** A serializable per-partition duration. */
    @FunctionalInterface
    interface PartitionSleep extends java.io.Serializable {
        long millis(int partition);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "sleeping tasks (" + name + ") for the simulator's accuracy experiment";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of();
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        awaitExecutors(spark, cluster.executors());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobDescription(WARM_UP);
        sleeping(jsc, 8, p -> 200).count();
        jsc.setJobDescription(null);
        jobs.accept(jsc);
    }

    private static void awaitExecutors(SparkSession spark, int executors) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        // getExecutorInfos lists the driver too.
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < executors + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (spark.sparkContext().statusTracker().getExecutorInfos().length - 1)
                        + " of " + executors + " executors registered in 120 s");
            }
            pause(100);
        }
    }
}
