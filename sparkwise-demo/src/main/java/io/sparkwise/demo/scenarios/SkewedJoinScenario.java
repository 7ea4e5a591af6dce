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
 * A join with one hot key on both sides: customer 0 holds a share of the orders and, being a
 * crawler's account, a share of the web sessions too. Joining orders to sessions per customer
 * (orders placed on a day the customer visited) multiplies the hot key's rows, so one task of the
 * sort-merge join does almost all the work while the others finish in a second.
 *
 * <p>AQE's skew-join split and broadcast joins are off, a setup seen in the field after driver
 * OOMs; partition coalescing is off so the join stage keeps its 16 tasks. At this size the hot
 * partition is a few MiB, far under the 256 MiB AQE (and skew.shuffle-read) call skewed, so it is
 * the time evidence, skew.task-duration, that fires: a straggler of 30 s or more.
 */
public final class SkewedJoinScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 200_000;
    static final double HOT_ORDERS = 0.04;
    static final long SESSIONS = 100_000;
    static final double HOT_SESSIONS = 0.09;

    @Override
    public String name() {
        return "skewed-join";
    }

    @Override
    public String description() {
        return "one hot join key on both sides (customer 0: 4% of orders, 9% of sessions), "
                + "AQE skew join and broadcast off";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("skew.task-duration");
    }

    @Override
    public Map<String, String> sessionConfig() {
        return Map.of("spark.sql.autoBroadcastJoinThreshold", "-1",
                "spark.sql.adaptive.skewJoin.enabled", "false",
                "spark.sql.adaptive.coalescePartitions.enabled", "false",
                "spark.sql.shuffle.partitions", "16");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        String sessions = dataDir.resolve("sessions").toString();
        step(spark, "write skewed orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, HOT_ORDERS, 2)
                .write().mode(SaveMode.Overwrite).parquet(orders));
        step(spark, "write skewed sessions to Parquet", () -> DemoData.sessions(spark, SESSIONS, CUSTOMERS,
                HOT_SESSIONS, 2).write().mode(SaveMode.Overwrite).parquet(sessions));
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        spark.read().parquet(sessions).createOrReplaceTempView("sessions");
        step(spark, "orders joined to sessions per customer (skewed join)", () -> spark.sql("""
                SELECT o.order_date, count(*) AS pairs, sum(s.pages) AS pages,
                       sum(CASE WHEN s.session_date = o.order_date THEN o.amount END) AS same_day_revenue
                FROM orders o JOIN sessions s ON o.customer_id = s.customer_id
                GROUP BY o.order_date""").collectAsList());
    }
}
