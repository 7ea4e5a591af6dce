package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code skewed-join} scenario once (one local SparkSession, about 10 s) and checks
 * that the problem it injects is in the log: one join task reads far more shuffle records than
 * its siblings. {@link CleanScenarioTest} checks the opposite on the clean log.
 */
class SkewedJoinScenarioTest {

    @TempDir
    static Path out;

    static DemoRun run;

    @BeforeAll
    static void runSkewedJoinScenario() {
        run = DemoRunner.run(Scenarios.byName("skewed-join").orElseThrow(), out);
    }

    @Test
    void run_skewedJoin_oneJoinTaskReadsOverFiveTimesTheMedianShuffleRecords() {
        // Measured with Spark 4.0.1: 8 tasks, the hot one reads 12x the median (392,586 vs 32,706 records).
        assertThat(ShuffleReadSkew.of(run.eventLog()))
                .anySatisfy(stage -> {
                    assertThat(stage.tasks()).isEqualTo(8);
                    assertThat(stage.ratio()).isGreaterThan(5);
                });
    }

    @Test
    void run_skewedJoin_logsTheConfigsThatLetTheSkewThrough() throws IOException {
        String log = Files.readString(run.eventLog());

        assertThat(log).contains("\"spark.sql.adaptive.skewJoin.enabled\":\"false\"")
                .contains("\"spark.sql.autoBroadcastJoinThreshold\":\"-1\"")
                .contains("SortMergeJoin");
        assertThat(log.strip()).endsWith("}").contains("\"Event\":\"SparkListenerApplicationEnd\"");
    }
}
