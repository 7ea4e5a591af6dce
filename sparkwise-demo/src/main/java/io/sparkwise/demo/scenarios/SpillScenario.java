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
 * Spill: a global sort of orders (clustering the output by customer and amount, as a table is laid
 * out for its readers) with little execution memory. {@code spark.memory.fraction=0.02}, a setting
 * left by someone who wanted the heap for user objects, leaves each of the 2 task slots a few MiB,
 * so every sort task writes its rows to disk and merges them back.
 */
public final class SpillScenario implements Scenario {

    static final long CUSTOMERS = 200_000;
    static final long ORDERS = 5_000_000;

    @Override
    public String name() {
        return "spill";
    }

    @Override
    public String description() {
        return "global sort of 5M orders with spark.memory.fraction=0.02: sort tasks spill to disk";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("memory.spill");
    }

    @Override
    public Map<String, String> sessionConfig() {
        return Map.of("spark.memory.fraction", "0.02",
                "spark.sql.adaptive.coalescePartitions.enabled", "false");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        step(spark, "orders sorted by customer and amount, to Parquet", () -> DemoData.orders(spark, ORDERS,
                CUSTOMERS, 0, 4)
                .selectExpr("*", "concat('order-', order_id, '-', customer_id) AS order_key")
                .orderBy("customer_id", "amount", "order_key")
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("orders_sorted").toString()));
    }
}
