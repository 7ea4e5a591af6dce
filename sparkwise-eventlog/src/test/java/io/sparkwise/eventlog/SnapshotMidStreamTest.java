package io.sparkwise.eventlog;

import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageStatus;
import io.sparkwise.state.ApplicationState;
import io.sparkwise.state.event.StageCompleted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays corpus logs event by event and takes a snapshot after every completed stage, as a live
 * front end would: no snapshot fails, each shows the application as it was then, and taking them
 * does not change the final application.
 */
class SnapshotMidStreamTest {

    private final EventLogReader reader = new EventLogReader();

    @ParameterizedTest
    @ValueSource(strings = {
            "../shared/eventlogs/spark-log-parser/databricks-rollover/eventlog",
            "../shared/eventlogs/apache-spark/spark-events/application_1516285256255_0012",
            "../shared/eventlogs/apache-spark/spark-events/app-20161116163331-0000",
            "../shared/eventlogs/spark4/rolling/eventlog_v2_local-1795562819153",
            "../shared/eventlogs/spark4/inprogress/local-1795562771711.inprogress",
            "../shared/eventlogs/spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd"})
    void read_snapshotAfterEveryStageCompleted_neverFailsAndLeavesTheFinalApplicationAsIs(String path) {
        LogInput input = reader.discover(path).get(0);
        List<Application> snapshots = new ArrayList<>();
        ApplicationState[] last = new ApplicationState[1];
        Application observed = reader.read(input, bytes -> { }, (event, state) -> {
            last[0] = state;
            if (event instanceof StageCompleted completed) {
                Application now = state.snapshot(EventLogReaderTestReports.live(path), "live");
                int stageId = completed.stageInfo().stageId();
                int attemptId = completed.stageInfo().attemptId();
                now.stage(stageId, attemptId).ifPresent(stage ->
                        assertThat(stage.status()).isIn(StageStatus.COMPLETE, StageStatus.FAILED, StageStatus.SKIPPED));
                snapshots.add(now);
            }
        });

        Application plain = reader.read(reader.discover(path).get(0));
        assertThat(snapshots).isNotEmpty();
        SameApplication.assertSame(observed, plain);
        SameApplication.assertSame(last[0].snapshot(plain.readReport(), plain.info().id()), plain);
        // Stages only accumulate until the end (no log here reaches the retention limits).
        for (int i = 1; i < snapshots.size(); i++) {
            assertThat(snapshots.get(i).stages().size()).isGreaterThanOrEqualTo(snapshots.get(i - 1).stages().size());
        }
    }
}
