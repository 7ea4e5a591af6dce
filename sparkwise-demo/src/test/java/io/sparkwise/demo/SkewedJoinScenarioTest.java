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
 * {@link GroundTruthTest}): one join task reads customer 0's orders, half of all, which is what
 * makes it the straggler. {@link CleanScenarioTest} checks the opposite on the clean log.
 */
@Tag("integration")
class SkewedJoinScenarioTest {

    static DemoRun run;

    @BeforeAll
    static void runSkewedJoinScenario() {
        run = ScenarioRuns.of("skewed-join").run();
    }

    @Test
    void run_skewedJoin_oneJoinTaskReadsTheHotCustomersOrders() {
        // From the seeded data (pmod(hash(customer_id), 18), Spark's hash partitioning): customer 0
        // has 140,370 of the 280,000 orders and lands in partition 1 with 7,721 other orders and
        // 27,920 addresses (its own 7 among them): 176,011 records. A median partition holds about
        // 7,800 orders and 27,700 addresses: 35,547 records (partition 12; the sorted upper middle).
        assertThat(ShuffleReadSkew.of(run.eventLog()))
                .anySatisfy(stage -> {
                    assertThat(stage.tasks()).isEqualTo(18);
                    assertThat(stage.maxRecords()).isEqualTo(176_011);
                    assertThat(stage.medianRecords()).isEqualTo(35_547);
                });
    }

    @Test
    void run_skewedJoin_logsTheConfigsThatLetTheSkewThrough() throws IOException {
        String log = Files.readString(run.eventLog());

        assertThat(log).contains("\"spark.sql.adaptive.skewJoin.enabled\":\"false\"")
                .contains("\"spark.sql.autoBroadcastJoinThreshold\":\"-1\"")
                .contains("SortMergeJoin")
                .contains("LeftOuter");
        assertThat(log.strip()).endsWith("}").contains("\"Event\":\"SparkListenerApplicationEnd\"");
    }
}
