package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.Cluster;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Executor out of memory, a real failure: user code that sorts each partition in memory (it reads
 * the partition's 20 million ids into a {@code List<Long>}) on executors of 512 MiB
 * (local-cluster, a real executor JVM). The executor dies with OutOfMemoryError, the standalone
 * master starts a new one, the task is retried and dies again: after
 * {@code spark.task.maxFailures=2} attempts the job fails, as it would in production. The scenario
 * catches that failure, so the application ends normally and its log is complete.
 */
public final class ExecutorOomScenario implements Scenario {

    static final long ROWS = 40_000_000;

    @Override
    public String name() {
        return "executor-oom";
    }

    @Override
    public String description() {
        return "per-partition in-memory sort of 20M boxed longs on 512 MiB executors: "
                + "OutOfMemoryError, executor lost, retried, job fails";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("memory.executor-oom");
    }

    /** The job fails: that is critical by nature, and the failure rules see the same attempts. */
    @Override
    public Set<String> acceptedRules() {
        return Set.of("failures.failed-jobs", "failures.executor-lost", "failures.task-failures",
                "failures.stage-retries");
    }

    @Override
    public Cluster cluster() {
        return Cluster.localCluster(1, 2, 512);
    }

    @Override
    public Map<String, String> sessionConfig() {
        // Two attempts, not the default four: each costs a new executor JVM, and two show the retry.
        return Map.of("spark.task.maxFailures", "2");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        step(spark, "sort each partition in memory (List<Long>)", () -> {
            try {
                spark.range(0, ROWS, 1, 2).as(Encoders.LONG())
                        .mapPartitions((MapPartitionsFunction<Long, Long>) rows -> {
                            List<Long> all = new ArrayList<>();
                            rows.forEachRemaining(all::add);
                            Collections.sort(all);
                            return all.iterator();
                        }, Encoders.LONG())
                        .count();
                // With enough executor memory (the fix verify-fixes applies) the sort succeeds; the
                // ground-truth test checks that the injected run does fail.
                System.err.println("demo:   the in-memory sort finished without running out of memory");
            } catch (Exception e) {
                if (!(e instanceof SparkException)) {
                    throw e;
                }
                System.err.println("demo:   the job failed as injected: " + e.getMessage().lines().findFirst().orElse(""));
            }
        });
    }
}
