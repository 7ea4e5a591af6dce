package io.sparkwise.bench.crossover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The DuckDB-vs-Spark crossover benchmark: the same three queries on generated Parquet at several
 * sizes, with embedded DuckDB and with Spark in local mode, on the same cores of this machine.
 * Every (size, query, engine) runs once to warm up (page cache, JIT, Spark's code generation)
 * and then {@code --repeats} times; the table shows the median and the range.
 *
 * <pre>
 * java $SPARK_FLAGS -Xmx6g -cp ... io.sparkwise.bench.crossover.Crossover \
 *     [--sizes 1000000,4000000,16000000] [--repeats 3] [--cores 2] [--dir ~/.cache/sparkwise-bench/crossover]
 * </pre>
 * Prints the markdown table on stdout and one TSV line per measurement on stderr.
 */
public final class Crossover {

    private Crossover() {}

    public static void main(String[] args) throws Exception {
        CrossoverArgs options = CrossoverArgs.parse(args);
        List<Measurement> measurements = run(options, line -> System.err.println(line));
        System.out.print(CrossoverTable.markdown(options, measurements));
    }

    /** One query at one size on one engine: its timings (ms) and the rows it returned. */
    record Measurement(long rows, long factBytes, CrossoverQuery query, String engine, List<Double> millis, List<String> result) {
        double medianMillis() {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** Runs every size and query on both engines; each finished measurement is also handed to {@code log}. */
    static List<Measurement> run(CrossoverArgs options, java.util.function.Consumer<String> log) throws Exception {
        List<Measurement> out = new ArrayList<>();
        long sparkStart = System.nanoTime();
        try (DuckDbEngine duckdb = new DuckDbEngine(options.cores(), options.duckdbMemory());
             SparkEngine spark = new SparkEngine(options.cores())) {
            log.accept(String.format(Locale.ROOT, "# engines started in %.0f ms (Spark session creation dominates)",
                    (System.nanoTime() - sparkStart) / 1e6));
            for (long rows : options.sizes()) {
                CrossoverData data = CrossoverData.generate(duckdb.connection(), options.dir(), rows);
                for (Engine engine : List.of(duckdb, spark)) {
                    engine.register(data);
                    for (CrossoverQuery query : CrossoverQuery.values()) {
                        Measurement m = measure(engine, data, query, options.repeats());
                        log.accept(String.format(Locale.ROOT, "%d\t%d\t%s\t%s\t%s", rows, m.factBytes(), query.label(),
                                engine.name(), Arrays.toString(m.millis().toArray())));
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    private static Measurement measure(Engine engine, CrossoverData data, CrossoverQuery query, int repeats) throws Exception {
        List<String> result = engine.run(query.sql());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            engine.run(query.sql());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return new Measurement(data.rows(), data.factBytes(), query, engine.name(), millis, result);
    }

    /** The benchmark's options. */
    record CrossoverArgs(List<Long> sizes, int repeats, int cores, Path dir, String duckdbMemory) {

        static CrossoverArgs parse(String[] args) {
            List<Long> sizes = List.of(1_000_000L, 4_000_000L, 16_000_000L);
            int repeats = 3;
            int cores = 2;
            Path dir = Path.of(System.getProperty("user.home"), ".cache", "sparkwise-bench", "crossover");
            String memory = "4GB";
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(require(args[i], value).split(",")).map(String::trim).map(Long::parseLong).toList();
                    case "--repeats" -> repeats = Integer.parseInt(require(args[i], value));
                    case "--cores" -> cores = Integer.parseInt(require(args[i], value));
                    case "--dir" -> dir = Path.of(require(args[i], value));
                    case "--duckdb-memory" -> memory = require(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --sizes, --repeats, --cores, --dir, --duckdb-memory)");
                }
                i++;
            }
            return new CrossoverArgs(sizes, repeats, cores, dir, memory);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
