package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A join with one hot key: 60% of the orders belong to customer 0, so one shuffle partition of the
 * sort-merge join reads most of the data while the others idle. This is the problem Spark's AQE
 * skew-join handling exists for, so the scenario turns it off, as well as broadcast joins (which
 * would avoid the shuffle on data this small) — a setup seen in the field when broadcast is
 * disabled after driver OOMs. Partition coalescing is off too, so the join stage keeps its 8
 * tasks and the hot one stands out (coalesced to 4 tasks, the hot one read 4.8x the median
 * records; with 8 it reads 12x, and runs 7x the median task time).
 */
public final class SkewedJoinScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 600_000;
    static final double HOT_SHARE = 0.6;

    @Override
    public String name() {
        return "skewed-join";
    }

    @Override
    public String description() {
        return "one hot join key (60% of orders on customer 0), AQE skew join and broadcast off";
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
        spark.conf().set("spark.sql.adaptive.skewJoin.enabled", "false");
        spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
        String customers = dataDir.resolve("customers").toString();
        String orders = dataDir.resolve("orders").toString();
        step(spark, "write customers to Parquet", () -> DemoData.customers(spark, CUSTOMERS, 2)
                .write().mode(SaveMode.Overwrite).parquet(customers));
        step(spark, "write skewed orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, HOT_SHARE, 4)
                .write().mode(SaveMode.Overwrite).parquet(orders));
        spark.read().parquet(customers).createOrReplaceTempView("customers");
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        step(spark, "orders per customer with names (skewed join)", () -> spark.sql("""
                SELECT c.region, c.segment, count(*) AS orders, sum(o.amount) AS revenue,
                       count(DISTINCT o.order_date) AS active_days
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                GROUP BY c.region, c.segment""").collectAsList());
    }
}
