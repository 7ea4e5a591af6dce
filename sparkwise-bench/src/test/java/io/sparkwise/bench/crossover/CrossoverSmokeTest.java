package io.sparkwise.bench.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkwise.bench.crossover.Crossover.CrossoverArgs;
import io.sparkwise.bench.crossover.Crossover.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark on a tiny size, once: both engines run every query and return the same answer. */
class CrossoverSmokeTest {

    @Test
    void run_tinyData_bothEnginesAnswerEveryQueryAlike(@TempDir Path dir) throws Exception {
        CrossoverArgs options = CrossoverArgs.parse(new String[] {
            "--sizes", "20000", "--repeats", "1", "--cores", "1", "--dir", dir.toString(), "--duckdb-memory", "256MB"});
        List<String> log = new ArrayList<>();

        List<Measurement> measurements = Crossover.run(options, log::add);

        assertThat(measurements).hasSize(6);
        Measurement scanDuck = find(measurements, CrossoverQuery.SCAN_FILTER_AGGREGATE, "duckdb");
        // 20,000 rows, amount = row % 1000: amounts 501..999 pass the filter, 499 of every 1000 rows
        // = 9,980 rows, spread over 50 categories; the first category (0) holds rows 0, 50, 100, ...
        assertThat(scanDuck.result()).hasSize(50);
        assertThat(scanDuck.result().stream().mapToLong(r -> Long.parseLong(r.split("\\|")[1])).sum()).isEqualTo(9_980);
        // The window: every customer (2,000 of them, 10 rows each) contributes 9 gaps.
        assertThat(find(measurements, CrossoverQuery.WINDOW, "duckdb").result().get(0)).startsWith("18000|");
        for (CrossoverQuery query : CrossoverQuery.values()) {
            assertThat(find(measurements, query, "spark").result())
                    .as(query.label()).isEqualTo(find(measurements, query, "duckdb").result());
        }
        assertThat(CrossoverTable.markdown(options, measurements)).contains("| 20,000 |").doesNotContain("| NO |");
    }

    private static Measurement find(List<Measurement> all, CrossoverQuery query, String engine) {
        return all.stream().filter(m -> m.query() == query && m.engine().equals(engine)).findFirst().orElseThrow();
    }
}
