package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The baseline: a healthy small retail workload that touches the common kinds of Spark work
 * (Parquet write and read, shuffle join, aggregation, window, global sort, cache, a plain RDD job),
 * so the analyzer sees every event type with no problem injected.
 */
public final class CleanScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 400_000;

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public String description() {
        return "healthy baseline: orders x customers join, group by region, window, sort, "
                + "Parquet write/read, cached table, one RDD job";
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of();
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        writeParquet(spark, dataDir);
        registerViews(spark, dataDir);
        revenueByRegion(spark);
        topCustomersPerRegion(spark);
        dailyRevenueSorted(spark, dataDir);
        cachedCustomerRevenue(spark);
        rddBucketCounts(spark);
    }

    private static void writeParquet(SparkSession spark, Path dataDir) {
        step(spark, "write customers to Parquet", () -> DemoData.customers(spark, CUSTOMERS, 2)
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("customers").toString()));
        step(spark, "write orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, 0, 4)
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("orders").toString()));
    }

    private static void registerViews(SparkSession spark, Path dataDir) {
        spark.read().parquet(dataDir.resolve("customers").toString()).createOrReplaceTempView("customers");
        spark.read().parquet(dataDir.resolve("orders").toString()).createOrReplaceTempView("orders");
    }

    private static void revenueByRegion(SparkSession spark) {
        step(spark, "revenue by region (join + group by)", () -> spark.sql("""
                SELECT c.region, count(*) AS orders, sum(o.amount) AS revenue
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                GROUP BY c.region
                ORDER BY revenue DESC""").collectAsList());
    }

    private static void topCustomersPerRegion(SparkSession spark) {
        step(spark, "top 3 customers per region (window)", () -> spark.sql("""
                SELECT region, customer_id, revenue, rank
                FROM (
                  SELECT region, customer_id, revenue,
                         rank() OVER (PARTITION BY region ORDER BY revenue DESC) AS rank
                  FROM (
                    SELECT c.region, o.customer_id, sum(o.amount) AS revenue
                    FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                    GROUP BY c.region, o.customer_id))
                WHERE rank <= 3""").collectAsList());
    }

    private static void dailyRevenueSorted(SparkSession spark, Path dataDir) {
        step(spark, "daily revenue, globally sorted, to Parquet", () -> spark.sql("""
                SELECT order_date, count(*) AS orders, sum(amount) AS revenue
                FROM orders GROUP BY order_date
                ORDER BY revenue DESC""")
                .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("daily_revenue").toString()));
    }

    private static void cachedCustomerRevenue(SparkSession spark) {
        Dataset<Row> revenue = spark.sql("""
                SELECT c.customer_id, c.segment, c.region, sum(o.amount) AS revenue
                FROM orders o JOIN customers c ON o.customer_id = c.customer_id
                GROUP BY c.customer_id, c.segment, c.region""").cache();
        revenue.createOrReplaceTempView("customer_revenue");
        step(spark, "cache customer revenue", revenue::count);
        step(spark, "revenue by segment (from cache)", () -> spark.sql("""
                SELECT segment, count(*) AS customers, avg(revenue) AS avg_revenue
                FROM customer_revenue GROUP BY segment""").collectAsList());
        step(spark, "revenue percentiles (from cache)", () -> spark.sql("""
                SELECT percentile_approx(revenue, array(0.5, 0.9, 0.99)) AS p
                FROM customer_revenue""").collectAsList());
        revenue.unpersist(true);
    }

    private static void rddBucketCounts(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Random random = new Random(DemoData.SEED);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextInt(1_000));
        }
        step(spark, "RDD: count values per bucket (reduceByKey)", () -> jsc.parallelize(values, 4)
                .mapToPair(v -> new Tuple2<>(v / 100, 1L))
                .reduceByKey(Long::sum)
                .collectAsMap());
    }
}
