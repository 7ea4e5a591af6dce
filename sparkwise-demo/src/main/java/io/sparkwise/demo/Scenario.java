package io.sparkwise.demo;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark workload whose event log is ground truth for the analyzer. A scenario either runs
 * clean or injects one known problem (skew, spill, too many small tasks...), so a rule test can
 * say "on this log, this rule must fire".
 *
 * <p>Adding a scenario is one class plus one line in {@link Scenarios}.
 */
public interface Scenario {

    /** Stable name used on the command line, e.g. {@code skewed-join}. */
    String name();

    /** One line for {@code --list}: what the workload does and which problem it carries. */
    String description();

    /**
     * Runs the workload. The session already has event logging on; the scenario may change
     * runtime SQL configs on it (they land in the log's SQL execution events).
     *
     * @param dataDir a directory the scenario owns for Parquet output; it may hold files of an
     *     earlier run, so writes use overwrite mode
     */
    void run(SparkSession spark, Path dataDir);
}
