package io.sparkwise.demo;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one named step of a scenario: the name becomes the Spark job description (it lands in the
 * event log as {@code spark.job.description} of every job the step starts, so a report can say
 * which step a slow stage belongs to) and a progress line on stderr.
 */
public final class Steps {

    private Steps() {}

    public static <T> T step(SparkSession spark, String description, Supplier<T> work) {
        long start = System.nanoTime();
        spark.sparkContext().setJobDescription(description);
        try {
            return work.get();
        } finally {
            spark.sparkContext().setJobDescription(null);
            System.err.printf(Locale.ROOT, "demo:   %-52s %5.1f s%n", description,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    public static void step(SparkSession spark, String description, Runnable work) {
        step(spark, description, () -> {
            work.run();
            return null;
        });
    }
}
