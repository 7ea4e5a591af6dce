package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks the event log of the real {@code clean} scenario (run once per test JVM by
 * {@link ScenarioRuns}, shared with {@link GroundTruthTest}; about 30 s on two cores). The counts are what Spark 4.0.1 writes for this
 * workload today (27 jobs, 11 SQL executions); the bounds leave room for AQE planning one job
 * more or less after a Spark upgrade, not for a workload that lost a step.
 */
@Tag("integration")
class CleanScenarioTest {

    static DemoRun run;
    static List<String> lines;

    @BeforeAll
    static void runCleanScenario() throws IOException {
        run = ScenarioRuns.of("clean").run();
        lines = Files.readAllLines(run.eventLog());
    }

    @Test
    void run_clean_writesOnePlainEventLogNamedAfterTheApplication() {
        assertThat(run.eventLog()).isRegularFile().hasParent(DemoRunner.eventLogDir(ScenarioRuns.out()));
        assertThat(run.eventLog().getFileName().toString()).isEqualTo(run.applicationId());
        assertThat(lines.get(0)).isEqualTo("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}");
    }

    @Test
    void run_clean_endsWithApplicationEnd() {
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"Event\":\"SparkListenerApplicationEnd\"");
    }

    @Test
    void run_clean_logsJobsOfEveryStep() {
        assertThat(count("\"Event\":\"SparkListenerJobStart\"")).isBetween(24L, 32L);
        assertThat(count("\"Event\":\"SparkListenerJobEnd\"")).isEqualTo(count("\"Event\":\"SparkListenerJobStart\""));
        assertThat(count("\"spark.job.description\":\"RDD: count values per bucket (reduceByKey)\"")).isPositive();
    }

    @Test
    void run_clean_logsSqlExecutionsDescribedByTheirStep() {
        // Spark logs no SQL text; the job description set by Steps is what names a query.
        assertThat(count("SparkListenerSQLExecutionStart")).isBetween(9L, 14L);
        assertThat(count("\"description\":\"revenue by region (join + group by)\"")).isPositive();
    }

    @Test
    void run_clean_logsTheCachedTableBeingDropped() {
        assertThat(count("\"Event\":\"SparkListenerUnpersistRDD\"")).isPositive();
    }

    @Test
    void run_clean_spreadsShuffleReadsEvenlyOverTasks() {
        // The "does not fire" side of SkewedJoinScenarioTest. Task durations are NOT even here:
        // the first wave pays JIT and codegen warm-up (1.5 s vs 0.05 s measured), records are.
        assertThat(ShuffleReadSkew.of(run.eventLog())).isNotEmpty()
                .allSatisfy(stage -> assertThat(stage.ratio()).as("stage %s", stage.stageId()).isLessThan(2));
    }

    private static long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }
}
