package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Too many tiny tasks: {@code spark.sql.shuffle.partitions=1000}, set once for the biggest table
 * of a pipeline and left on for every query, with AQE's partition coalescing off (so AQE cannot
 * undo it). Each aggregation over a few MiB of shuffle data becomes 1000 tasks of a few
 * milliseconds, where scheduling and task setup cost more than the work.
 */
public final class TinyTasksScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 400_000;
    static final String PARTITIONS = "1000";

    @Override
    public String name() {
        return "tiny-tasks";
    }

    @Override
    public String description() {
        return "1000 shuffle partitions for a few MiB of data, AQE coalescing off: "
                + "thousands of millisecond tasks";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("partitioning.tiny-tasks");
    }

    @Override
    public Map<String, String> sessionConfig() {
        return Map.of("spark.sql.shuffle.partitions", PARTITIONS,
                "spark.sql.adaptive.coalescePartitions.enabled", "false");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        step(spark, "write orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, 0, 2)
                .write().mode(SaveMode.Overwrite).parquet(orders));
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        // Collected, not written: a write would also make 1000 files (82 s measured), which is
        // the small-files scenario's problem, not this one's.
        step(spark, "top customers by revenue (1000 partitions)", () -> spark.sql("""
                SELECT customer_id, count(*) AS orders, sum(amount) AS revenue
                FROM orders GROUP BY customer_id ORDER BY revenue DESC LIMIT 100""").collectAsList());
        step(spark, "revenue per day (1000 partitions)", () -> spark.sql("""
                SELECT order_date, sum(amount) AS revenue FROM orders GROUP BY order_date""").collectAsList());
    }
}
