package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks, independently of the Sparkwise parser, that the {@code skewed-join} log carries the
 * problem it injects (run once per test JVM by {@link ScenarioRuns}, shared with
 * {@link GroundTruthTest}): the hot join partition holds about twice the records of a median one,
 * and each of its rows meets thousands of rows on the other side, which is what makes its task
 * the straggler. {@link CleanScenarioTest} checks the opposite on the clean log.
 */
@Tag("integration")
class SkewedJoinScenarioTest {

    static DemoRun run;

    @BeforeAll
    static void runSkewedJoinScenario() {
        run = ScenarioRuns.of("skewed-join").run();
    }

    @Test
    void run_skewedJoin_oneJoinTaskReadsTheHotKeysOfBothSides() {
        assertThat(ShuffleReadSkew.of(run.eventLog()))
                .anySatisfy(stage -> {
                    assertThat(stage.tasks()).isEqualTo(16);
                    assertThat(stage.ratio()).isGreaterThan(1.5);
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
