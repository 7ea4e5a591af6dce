package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * A Java UDF in a filter: the view {@code q4_orders} selects fourth-quarter orders with
 * {@code is_q4(order_date)}, and several reports read it. Spark cannot look inside the UDF, so the
 * predicate is not pushed to the Parquet reader: every report decodes all four quarters and calls
 * the UDF on each row. The fix is in the view: the built-in {@code order_date >= DATE'2024-10-01'}
 * (see {@link #FIXED_FILTER}), which the reader checks against each row group's min/max.
 *
 * <p>Sized so that the read, not the setup, is the cost. The orders land in date order in row
 * groups of {@value #ROW_GROUP_BYTES} bytes (2 x 16 row groups of about 24 days), so the pushed
 * filter reads 0.78M of the 3M rows; at Parquet's default 128 MiB each file would be one row group
 * and nothing could be skipped. Eight light reports (dashboard tiles) read the view: each read
 * through the UDF converts 3M dates to call it, where the fixed read decodes 0.78M rows. Landing
 * the orders is about a third of the task time with the UDF (measured: 18-19 task CPU-seconds
 * before, 8-10 after). A million orders and one query, as before, showed no difference beyond the
 * noise: the landing was 60% of the run, and each file one row group.
 */
public final class UdfFilterScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 3_000_000;
    /** Two ingest streams (one write task each), each landing its orders in date order. */
    static final int STREAMS = 2;
    static final int ROW_GROUP_BYTES = 1 << 20;

    /** Q4 by a Java lambda: opaque to the optimizer. */
    static final UDF1<java.sql.Date, Boolean> IS_Q4 = date -> date != null && date.toLocalDate().getMonthValue() >= 10;

    /** The fix: the same predicate with a built-in comparison, which Parquet can push down. */
    static final String FIXED_FILTER = "order_date >= DATE'2024-10-01'";

    /** The reports that read {@code q4_orders}, by name. */
    static final Map<String, String> Q4_REPORTS = reports();

    private final boolean fixed;

    public UdfFilterScenario() {
        this(false);
    }

    /** @param fixed run {@link #FIXED_FILTER} instead, for {@code --verify-fixes} */
    public UdfFilterScenario(boolean fixed) {
        this.fixed = fixed;
    }

    @Override
    public String name() {
        return "udf-filter";
    }

    @Override
    public String description() {
        return fixed ? "the Q4 filter as a built-in comparison (" + FIXED_FILTER + "): pushed down to Parquet"
                : "a Java UDF in a WHERE clause: no filter pushdown to Parquet, rows converted to call it";
    }

    @Override
    public Optional<Scenario> codeFixed() {
        return fixed ? Optional.empty() : Optional.of(new UdfFilterScenario(true));
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("sql.udf");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        step(spark, "land orders in Parquet, in date order", () -> orders(spark)
                .write().mode(SaveMode.Overwrite).option("parquet.block.size", ROW_GROUP_BYTES).parquet(orders));
        // Registered by name, as SQL users share UDFs: the plan shows is_q4(order_date#3), not
        // UDF(...), so sql.udf must tell it from a built-in call (see docs/rules/sql.md).
        spark.udf().register("is_q4", IS_Q4, DataTypes.BooleanType);
        spark.read().parquet(orders).where(fixed ? FIXED_FILTER : "is_q4(order_date)").createOrReplaceTempView("q4_orders");
        // Dashboard tiles: each result goes to the driver (at most 20,000 rows), not to files, so
        // that every report's cost is its read of q4_orders, not an output commit.
        Q4_REPORTS.forEach((report, query) -> step(spark,
                report + (fixed ? " (built-in filter)" : " (UDF filter)"), () -> spark.sql(query).collectAsList()));
    }

    /**
     * {@code order_id, customer_id, amount, order_date}, seeded like {@link DemoData#orders}, but
     * each stream's orders in date order, as event data lands: every row group then covers about
     * 24 days, and its min/max tell the reader whether it holds any Q4 order. Both streams (files)
     * hold a Q4, so the fixed read still keeps both cores busy. Amounts are whole units: DemoData's
     * cents take a decimal division per row, which made the amount column 2-3x costlier to land
     * (measured on 2M rows), and landing is setup here.
     */
    static Dataset<Row> orders(SparkSession spark) {
        long perStream = ORDERS / STREAMS;
        return spark.range(0, ORDERS, 1, STREAMS).selectExpr(
                "id AS order_id",
                DemoData.uniform("id", 4, CUSTOMERS) + " AS customer_id",
                "CAST(" + DemoData.uniform("id", 5, 1000) + " AS DECIMAL(12, 2)) AS amount",
                "date_add(DATE'2024-01-01', CAST(pmod(id, " + perStream + ") * 366 DIV " + perStream + " AS INT))"
                        + " AS order_date");
    }

    private static Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("q4_revenue_per_customer",
                "SELECT customer_id, count(*) AS orders, sum(amount) AS revenue FROM q4_orders GROUP BY customer_id");
        reports.put("q4_revenue_per_day",
                "SELECT order_date, sum(amount) AS revenue FROM q4_orders GROUP BY order_date");
        reports.put("q4_orders_per_day",
                "SELECT order_date, count(*) AS orders FROM q4_orders GROUP BY order_date");
        reports.put("q4_order_id_range_per_day",
                "SELECT order_date, min(order_id) AS first_order_id, max(order_id) AS last_order_id FROM q4_orders"
                        + " GROUP BY order_date");
        reports.put("q4_amount_range_per_day",
                "SELECT order_date, min(amount) AS smallest, max(amount) AS largest FROM q4_orders GROUP BY order_date");
        reports.put("q4_customer_activity",
                "SELECT customer_id, min(order_date) AS first_order, max(order_date) AS last_order FROM q4_orders"
                        + " GROUP BY customer_id");
        reports.put("q4_totals",
                "SELECT count(*) AS orders, sum(amount) AS revenue, avg(amount) AS average_order FROM q4_orders");
        reports.put("q4_large_orders",
                "SELECT order_id, customer_id, amount FROM q4_orders WHERE amount >= 995");
        return Collections.unmodifiableMap(reports);
    }
}
