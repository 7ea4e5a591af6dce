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
 * A join with one hot key on the large side: customer 0, a reseller, places half of the orders.
 * Each order is matched to its customer's saved delivery addresses (edit distance between the
 * shipping address and each saved one: an order shipped to none of them is flagged), a left join
 * of orders to an address table where the reseller appears seven times (its warehouses) and every
 * other customer once. The sort-merge join's partition of customer 0 holds half of the orders'
 * shuffle bytes, about 10x a median partition on the orders side, and seven edit distances per order:
 * its task runs 30 s and more while the other 17 take about half a second each.
 *
 * <p>AQE's skew-join split and broadcast joins are off (a setup seen in the field after driver
 * OOMs); partition coalescing is off so the join stage keeps its 18 tasks. The address table is
 * over 100 MiB in memory (a long delivery instruction per address), more than the demo's executor
 * could broadcast, so the only fix is to split the hot partition: AQE's skew join, which
 * skew.task-duration sizes from the partitions (the hot one is a few MiB, far under the 256 MiB
 * that skew.shuffle-read needs). Split in two, it runs on both cores.
 *
 * <p>Sizing: skew.task-duration needs the straggler 30 s over the median. An edit distance between
 * two addresses of about 75 characters costs 38-49 us of CPU (JIT at C1, as the demo runs; the
 * spread is the same 2-core machine over one day), so 140,000 hot orders x 7 addresses are 37-48 s
 * on one core, 25% or more over the threshold. With 6 addresses the straggler once measured
 * 32.4 s, too close to it. Writing the data takes a few seconds.
 */
public final class SkewedJoinScenario implements Scenario {

    static final long ORDERS = 280_000;
    static final double HOT_ORDERS = 0.5;
    static final int ORDER_FILES = 4;
    /**
     * 18 join partitions: customer 0 hashes to partition 1 (pmod(hash(0L), 18)), so its task starts
     * with the stage, not after a dozen others as at 16 (partition 13, about 5 s later): the
     * straggler, not its wait, is what the run should cost. At least 10 tasks for the rule.
     */
    static final String PARTITIONS = "18";
    static final long CUSTOMERS = 500_000;
    /** Customer 0's addresses besides its first: seven warehouses in all. */
    static final int HOT_EXTRA_ADDRESSES = 6;
    /** 7 orders in 10 ship to the customer's first saved address, the others elsewhere. */
    static final String SHIP_TO = DemoData.address(
            "CASE WHEN pmod(hash(order_id, 7L), 10) < 7 THEN customer_id ELSE -1 - order_id END");

    @Override
    public String name() {
        return "skewed-join";
    }

    @Override
    public String description() {
        return "one hot join key: customer 0 holds half of the orders joined to an address table, "
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
                "spark.sql.shuffle.partitions", PARTITIONS);
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        String addresses = dataDir.resolve("addresses").toString();
        step(spark, "write skewed orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, HOT_ORDERS,
                ORDER_FILES).selectExpr("*", SHIP_TO + " AS ship_to").write().mode(SaveMode.Overwrite).parquet(orders));
        step(spark, "write addresses to Parquet", () -> DemoData.addresses(spark, CUSTOMERS, HOT_EXTRA_ADDRESSES, 2)
                .write().mode(SaveMode.Overwrite).parquet(addresses));
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        spark.read().parquet(addresses).createOrReplaceTempView("addresses");
        // Grouped by order, then by month: both need a shuffle after the join, so AQE may split
        // the join's partitions without breaking a distribution the next operator relies on.
        step(spark, "orders matched to saved addresses (skewed join)", () -> spark.sql("""
                SELECT month, count(*) AS orders,
                       count_if(distance IS NULL OR distance > 10) AS unknown_address_orders,
                       count_if(signature) AS signature_orders
                FROM (SELECT o.order_id, trunc(o.order_date, 'MM') AS month,
                             min(levenshtein(o.ship_to, a.address)) AS distance,
                             bool_or(a.instructions LIKE '%signature required%') AS signature
                      FROM orders o LEFT JOIN addresses a ON o.customer_id = a.customer_id
                      GROUP BY o.order_id, trunc(o.order_date, 'MM'))
                GROUP BY month""").collectAsList());
    }
}
