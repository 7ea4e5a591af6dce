package io.sparkwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SparkReplayTest {

    /**
     * A real Spark 4.0.1 log: 83 events, 5 jobs, 5 stages run with 20 tasks, and 2 more stages
     * that jobs listed but skipped (their shuffle output existed), which the store keeps too.
     */
    static final String SMALL_LOG = "../shared/eventlogs/spark4/plain/local-1795562771711";

    @Test
    void replay_realSpark4Log_storeHoldsEveryJobStageAndTask() throws IOException {
        SparkReplay.Result result = SparkReplay.replay(SMALL_LOG);

        assertThat(result.events()).isEqualTo(83);
        assertThat(result.jobs()).isEqualTo(5);
        assertThat(result.stages()).isEqualTo(7);
        assertThat(result.tasks()).isEqualTo(20);
    }
}
