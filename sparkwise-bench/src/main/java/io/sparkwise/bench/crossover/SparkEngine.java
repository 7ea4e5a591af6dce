package io.sparkwise.bench.crossover;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark in local mode with {@code cores} task slots, default SQL settings (AQE on, 200 shuffle
 * partitions coalesced by AQE): Spark as teams run it, minus the cluster.
 */
final class SparkEngine implements Engine {

    private final SparkSession spark;

    SparkEngine(int cores) {
        spark = SparkSession.builder()
                .appName("sparkwise-crossover")
                .master("local[" + cores + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "200")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void register(CrossoverData data) {
        spark.read().parquet(data.facts().toString()).createOrReplaceTempView("facts");
        spark.read().parquet(data.customers().toString()).createOrReplaceTempView("customers");
    }

    @Override
    public List<String> run(String sql) {
        List<String> rows = new ArrayList<>();
        for (Row row : spark.sql(sql).collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < row.length(); c++) {
                values.add(Engine.normalize(row.get(c)));
            }
            rows.add(String.join("|", values));
        }
        return rows;
    }

    @Override
    public void close() {
        spark.stop();
    }
}
