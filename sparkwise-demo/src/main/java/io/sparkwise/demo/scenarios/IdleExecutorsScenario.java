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
 * Over-provisioned, idle executors: 2 executors of 24 cores (48 cores; local-cluster, real executor
 * JVMs) with dynamic allocation off, for a job whose queries run 2 tasks at a time: a daily report
 * loop over one small table, one query per day. At most 2 of the 48 cores ever run a task.
 *
 * <p>The executors declare 24 cores each on a 2-core machine (one executor per node with all its
 * cores, as Databricks runs them): Spark accounts for what was allocated, as a cluster bill does,
 * and this workload never uses more than 2 of them. Wide executors pass the rules' 600
 * core-second floor with room in a short run: 4 executors of 4 cores needed a 60-day loop and
 * 70 s (the demo's longest scenario then), and four executor JVMs to start on the 2 cores.
 */
public final class IdleExecutorsScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 200_000;
    /**
     * Enough queries that the 48 cores are held well past the rules' 600 core-second floor even on
     * an idle machine: 1351 core-seconds allocated, 27 of them running tasks, in a 37 s run (2 x 16
     * cores gave 770-910, too close to the floor for a faster machine).
     */
    static final int DAYS = 30;

    @Override
    public String name() {
        return "idle-executors";
    }

    @Override
    public String description() {
        return "48 executor cores (2 executors, dynamic allocation off) for 2-task queries: "
                + "most cores idle";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("resources.idle-executors", "resources.over-provisioned");
    }

    @Override
    public Cluster cluster() {
        return Cluster.localCluster(2, 24, 512);
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
