package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * A Java UDF in a filter: {@code is_q4(order_date)} selects fourth-quarter orders. Spark cannot
 * look inside the UDF, so the predicate is not pushed to the Parquet reader (no row-group
 * skipping on min/max) and every row is converted to Java objects to call it. The fix is in the
 * query: the built-in {@code order_date >= DATE'2024-10-01'} (see {@link #FIXED_FILTER}).
 */
public final class UdfFilterScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 1_000_000;

    /** Q4 by a Java lambda: opaque to the optimizer. */
    static final UDF1<java.sql.Date, Boolean> IS_Q4 = date -> date != null && date.toLocalDate().getMonthValue() >= 10;

    /** The fix: the same predicate with a built-in comparison, which Parquet can push down. */
    static final String FIXED_FILTER = "order_date >= DATE'2024-10-01'";

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
        // Sorted by date, as event data usually lands: min/max per row group make skipping possible.
        step(spark, "write orders to Parquet, sorted by date", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, 0, 2)
                .sortWithinPartitions("order_date")
                .write().mode(SaveMode.Overwrite).parquet(orders));
        Dataset<Row> all = spark.read().parquet(orders);
        // Registered by name, as SQL users share UDFs: the plan shows is_q4(order_date#3), not
        // UDF(...), so sql.udf must tell it from a built-in call (see docs/rules/sql.md).
        spark.udf().register("is_q4", IS_Q4, DataTypes.BooleanType);
        Dataset<Row> q4 = fixed ? all.where(FIXED_FILTER) : all.where(functions.call_udf("is_q4", all.col("order_date")));
        step(spark, fixed ? "Q4 revenue per customer (built-in filter)" : "Q4 revenue per customer (UDF filter)",
                () -> q4.groupBy("customer_id").agg(functions.count("*").as("orders"),
                                functions.sum("amount").as("revenue"))
                        .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("q4_revenue").toString()));
    }
}
