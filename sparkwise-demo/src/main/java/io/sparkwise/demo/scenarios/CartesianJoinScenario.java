package io.sparkwise.demo.scenarios;

import static io.sparkwise.demo.Steps.step;

import io.sparkwise.demo.DemoData;
import io.sparkwise.demo.Scenario;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A range join without an equality key: every order is matched to its price band with
 * {@code amount BETWEEN low AND high}. Spark has no key to hash or sort on, so it plans a
 * BroadcastNestedLoopJoin that compares every order with every band. The fix is in the query:
 * the bands are one unit wide, so {@code floor(amount)} is an equality key (see
 * {@link #FIXED_QUERY}).
 *
 * <p>Sized so the comparisons, not the JVM's start, are the cost: 300k orders x 1000 bands is 300M
 * comparisons, about 25 core-seconds, against a second for the hash join; with fewer (1M x 100)
 * the code fix's gain was inside run-to-run noise under load.
 */
public final class CartesianJoinScenario implements Scenario {

    static final long CUSTOMERS = 20_000;
    static final long ORDERS = 300_000;
    static final int BANDS = 1000;

    static final String QUERY = """
            SELECT b.band, count(*) AS orders, sum(o.amount) AS revenue
            FROM orders o JOIN bands b ON o.amount >= b.low AND o.amount < b.high
            GROUP BY b.band""";

    /** The same result through an equality key: Spark hashes on it instead of comparing all pairs. */
    public static final String FIXED_QUERY = """
            SELECT b.band, count(*) AS orders, sum(o.amount) AS revenue
            FROM orders o JOIN bands b ON CAST(floor(o.amount) AS INT) = b.band
            GROUP BY b.band""";

    private final boolean fixed;

    public CartesianJoinScenario() {
        this(false);
    }

    /** @param fixed run {@link #FIXED_QUERY} instead, for {@code --verify-fixes} */
    public CartesianJoinScenario(boolean fixed) {
        this.fixed = fixed;
    }

    @Override
    public String name() {
        return "cartesian-join";
    }

    @Override
    public String description() {
        return fixed ? "orders matched to price bands by an equality key, floor(amount) = band: hash join"
                : "orders matched to price bands by a range condition (no equality key): BroadcastNestedLoopJoin";
    }

    @Override
    public Optional<Scenario> codeFixed() {
        return fixed ? Optional.empty() : Optional.of(new CartesianJoinScenario(true));
    }

    @Override
    public Set<String> expectedRules() {
        return Set.of("sql.cartesian-product");
    }

    @Override
    public void run(SparkSession spark, Path dataDir) {
        String orders = dataDir.resolve("orders").toString();
        step(spark, "write orders to Parquet", () -> DemoData.orders(spark, ORDERS, CUSTOMERS, 0, 2)
                .write().mode(SaveMode.Overwrite).parquet(orders));
        spark.read().parquet(orders).createOrReplaceTempView("orders");
        spark.range(0, BANDS, 1, 1).selectExpr("CAST(id AS INT) AS band",
                "CAST(id AS DECIMAL(12, 2)) AS low", "CAST(id + 1 AS DECIMAL(12, 2)) AS high")
                .createOrReplaceTempView("bands");
        step(spark, fixed ? "revenue per price band (equi-join on band)" : "revenue per price band (range join)",
                () -> spark.sql(fixed ? FIXED_QUERY : QUERY)
                        .write().mode(SaveMode.Overwrite).parquet(dataDir.resolve("band_revenue").toString()));
    }
}
