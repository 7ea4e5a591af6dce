package io.sparkwise.bench.crossover;

import java.util.List;

/** An engine the benchmark runs the same SQL on: registers the data, runs a query, returns its rows. */
interface Engine extends AutoCloseable {

    String name();

    /** Makes {@code facts} and {@code customers} name the given files. */
    void register(CrossoverData data) throws Exception;

    /** Runs {@code sql} to completion; each row's values as text (numbers rounded so engines compare). */
    List<String> run(String sql) throws Exception;

    /** One value the same way for both engines: whole numbers as integers, others to 2 decimals. */
    static String normalize(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value);
    }
}
