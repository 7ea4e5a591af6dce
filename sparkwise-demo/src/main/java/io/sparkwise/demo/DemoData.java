package io.sparkwise.demo;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Generated, deterministic data. Every "random" column is a Murmur3 {@code hash} of the row id and
 * a fixed seed, so the data is the same on every run whatever the partitioning, unlike
 * {@code rand(seed)}, which depends on the partition a row lands in.
 */
public final class DemoData {

    public static final long SEED = 20_240_601L;

    static final String REGIONS = "array('EMEA', 'NA', 'LATAM', 'APAC', 'ANZ')";
    static final String SEGMENTS = "array('consumer', 'small-business', 'enterprise')";

    private DemoData() {}

    /** {@code customer_id, name, region, segment}. */
    public static Dataset<Row> customers(SparkSession spark, long count, int partitions) {
        return spark.range(0, count, 1, partitions).selectExpr(
                "id AS customer_id",
                "concat('customer-', id) AS name",
                pick(REGIONS, 5, "id", 1) + " AS region",
                pick(SEGMENTS, 3, "id", 2) + " AS segment");
    }

    /**
     * {@code order_id, customer_id, amount, order_date}. A {@code hotShare} of the orders (0 to 1)
     * goes to customer 0, which makes a join on {@code customer_id} skewed; 0 spreads orders evenly.
     */
    public static Dataset<Row> orders(SparkSession spark, long count, long customers, double hotShare,
            int partitions) {
        long hotPerMille = Math.round(hotShare * 1000);
        return spark.range(0, count, 1, partitions).selectExpr(
                "id AS order_id",
                "CASE WHEN " + uniform("id", 3, 1000) + " < " + hotPerMille + " THEN 0L"
                        + " ELSE " + uniform("id", 4, customers) + " END AS customer_id",
                "CAST(" + uniform("id", 5, 100_000) + " AS DECIMAL(12, 2)) / 100 AS amount",
                "date_add(DATE'2024-01-01', CAST(" + uniform("id", 6, 366) + " AS INT)) AS order_date");
    }

    /**
     * {@code session_id, customer_id, pages, session_date}: web sessions. A {@code hotShare} of them
     * goes to customer 0 (a crawler logged in as one account), like {@link #orders}.
     */
    public static Dataset<Row> sessions(SparkSession spark, long count, long customers, double hotShare,
            int partitions) {
        long hotPerMille = Math.round(hotShare * 1000);
        return spark.range(0, count, 1, partitions).selectExpr(
                "id AS session_id",
                "CASE WHEN " + uniform("id", 7, 1000) + " < " + hotPerMille + " THEN 0L"
                        + " ELSE " + uniform("id", 8, customers) + " END AS customer_id",
                "CAST(" + uniform("id", 9, 40) + " AS INT) + 1 AS pages",
                "date_add(DATE'2024-01-01', CAST(" + uniform("id", 10, 366) + " AS INT)) AS session_date");
    }

    /** A SQL expression uniform in {@code [0, bound)}, from the column and a per-column salt. */
    public static String uniform(String column, int salt, long bound) {
        return "pmod(hash(" + column + ", " + (SEED + salt) + "L), " + bound + ")";
    }

    private static String pick(String array, int size, String column, int salt) {
        return "element_at(" + array + ", CAST(" + uniform(column, salt, size) + " + 1 AS INT))";
    }
}
