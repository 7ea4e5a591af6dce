package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.Cluster;
import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Over-provisioned, idle executors: 2 executors of 16 cores (32 cores; local-cluster, real executor
 * JVMs) with dynamic allocation off, for a job whose queries run 2 tasks at a time: a daily report
 * loop over one small table, one query per day. At most 2 of the 32 cores ever run a task.
 *
 * <p>The executors declare 16 cores each on a 2-core machine: Spark accounts for what was
 * allocated, as a cluster bill does, and this workload never uses more than 2 of them. Wide
 * executors pass the rules' 600 core-second floor in half the wall time 4 executors of 4 cores
 * needed (about 37 s instead of 70 s, the demo's largest scenario then), with two executor JVMs
 * to start on the 2 cores instead of four.
 */
public final class IdleExecutorsScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 200_000;
    /**
     * Enough queries that the 32 cores are held well past the rules' 600 core-second floor even on
     * an idle machine: 863 core-seconds allocated, 25 of them running tasks, in a 37 s run.
     */
    static final int DAYS = 30;

    @Override
    public String name() {
        return "idle-executors";
    }

    @Override
    public String description() {
        return "32 executor cores (2 executors, dynamic allocation off) for 2-task queries: "
                + "most cores idle";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("resources.idle-executors", "resources.over-provisioned");
    }

    @Override
    public Cluster cluster() {
        return Cluster.localCluster(2, 16, 512);
    }

    @Override
    public Map<String, String> sessionConfig() {
        return Map.of("spark.sql.shuffle.partitions", "2");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        step(spark, "write orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, 0, 2)
                .write().mode(SaveMode.Overwrite).parquet(orders));
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        step(spark, "daily report, one query per day (" + DAYS + " days)", () -> {
            for (int day = 0; day < DAYS; day++) {
                spark.sql("SELECT customer_id % 100 AS bucket, count(*) AS orders, sum(amount) AS revenue"
                        + " FROM orders WHERE order_date = date_add(DATE'2024-01-01', " + day + ")"
                        + " GROUP BY customer_id % 100").collectAsList();
            }
        });
    }
}
