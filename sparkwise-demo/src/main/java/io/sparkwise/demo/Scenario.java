package io.sparkwise.demo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark workload whose event log is ground truth for the analyzer. A scenario either runs
 * clean or injects one known problem (skew, spill, too many small tasks...), so a rule test can
 * say "on this log, this rule must fire".
 *
 * <p>Its manifest is {@link #expectedRules()} (must fire, at any severity) and
 * {@link #acceptedRules()} (may fire at warning or worse). Any other warning-or-worse finding on
 * its log is a false positive and fails the ground-truth test.
 *
 * <p>Adding a scenario is one class plus one line in {@link Scenarios}.
 */
public interface Scenario {

    /** Stable name used on the command line, e.g. {@code skewed-join}. */
    String name();

    /** One line for {@code --list}: what the workload does and which problem it carries. */
    String description();

    /** Rule ids that must fire on this scenario's log (any severity). Empty for the baseline. */
    Set<String> expectedRules();

    /**
     * Rule ids besides {@link #expectedRules()} that may fire at warning or worse: symptoms of the
     * injected problem (a failed job after an out-of-memory error). Info findings are never
     * checked: they are allowed anywhere.
     */
    default Set<String> acceptedRules() {
        return Set.of();
    }

    /**
     * Where the scenario runs: {@link Cluster#LOCAL} (tasks in the driver JVM) unless executor
     * behaviour matters (loss, idle executors, executor memory).
     */
    default Cluster cluster() {
        return Cluster.LOCAL;
    }

    /**
     * Configs set when the session is built, the injected problem's settings among them (SQL
     * settings set here become the session's defaults). They are declared here, not set in
     * {@link #run}, so that a fix passed to {@link DemoRunner#run(Scenario, Path, Map)} overrides
     * them, as a user's {@code --conf} would.
     */
    default Map<String, String> sessionConfig() {
        return Map.of();
    }

    /**
     * The same workload with its code changed as Sparkwise's advice says, for problems no Spark
     * setting fixes (a join without an equality key, a UDF in a filter); empty when the fix is a
     * configuration change. {@code demo --verify-fixes} runs it as the "after" run.
     */
    default Optional<Scenario> codeFixed() {
        return Optional.empty();
    }

    /**
     * Runs the workload. The session already has event logging on and {@link #sessionConfig()}
     * applied.
     *
     * @param dataDir a directory the scenario owns for Parquet output; it may hold files of an
     *     earlier run, so writes use overwrite mode
     */
    void run(SparkSession spark, Path dataDir);
}
