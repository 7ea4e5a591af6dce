package io.sparkwise.bench.crossover;

import io.sparkwise.bench.crossover.Crossover.CrossoverArgs;
import io.sparkwise.bench.crossover.Crossover.Measurement;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The crossover table in markdown: per size and query, each engine's median (range) and who wins by how much. */
final class CrossoverTable {

    private CrossoverTable() {}

    static String markdown(CrossoverArgs options, List<Measurement> measurements) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Cores: %d (DuckDB threads = Spark local[%d]); %d timed runs after one warm-up; "
                + "median (min-max) in seconds.%n%n", options.cores(), options.cores(), options.repeats()));
        out.append("| rows | Parquet MB | query | DuckDB s | Spark s | Spark / DuckDB | same answer |\n");
        out.append("|---:|---:|---|---:|---:|---:|---|\n");
        for (Measurement duck : measurements) {
            if (!duck.engine().equals("duckdb")) {
                continue;
            }
            Optional<Measurement> spark = measurements.stream()
                    .filter(m -> m.engine().equals("spark") && m.rows() == duck.rows() && m.query() == duck.query())
                    .findFirst();
            out.append(String.format(Locale.ROOT, "| %,d | %.1f | %s | %s | %s | %s | %s |%n",
                    duck.rows(), duck.factBytes() / 1e6, duck.query().label(), seconds(duck),
                    spark.map(CrossoverTable::seconds).orElse("-"),
                    spark.map(s -> String.format(Locale.ROOT, "%.1fx", s.medianMillis() / duck.medianMillis())).orElse("-"),
                    spark.map(s -> s.result().equals(duck.result()) ? "yes" : "NO").orElse("-")));
        }
        return out.toString();
    }

    private static String seconds(Measurement m) {
        DoubleSummaryStatistics stats = m.millis().stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", m.medianMillis() / 1000, stats.getMin() / 1000, stats.getMax() / 1000);
    }
}
