package io.sparkwise.agent;

import io.sparkwise.analysis.LiveAnalyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageInfo;
import io.sparkwise.state.event.StageSubmitted;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class AgentWorkerTest {

    @Test
    void run_burstOfStageEnds_sharesSnapshotsAndCountsEveryStage() throws Exception {
        AgentSettings settings = new AgentSettings(Optional.of("burst"), 60_000, -1, "127.0.0.1", 1_000,
                Optional.empty());
        AgentWorker worker = new AgentWorker(settings, LiveAnalyzer.withBuiltInRules(Thresholds.defaults()));
        worker.offer(new ApplicationStart("burst", Optional.of("app-1"), OptionalLong.of(0), "u", Optional.empty(),
                Map.of(), Map.of()));
        for (int stage = 0; stage < 200; stage++) {
            worker.offer(new StageSubmitted(stage(stage, OptionalLong.empty()), Map.of()));
            worker.offer(new StageCompleted(stage(stage, OptionalLong.of(10L + stage))));
        }

        Thread thread = new Thread(worker);
        thread.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (worker.metrics().eventsProcessed.sum() < 401 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        worker.stop();
        thread.join(5_000);

        assertThat(worker.metrics().stagesComplete.get()).isEqualTo(200);
        assertThat(worker.metrics().snapshots.get()).isBetween(1L, 20L);
        assertThat(worker.metrics().snapshotErrors.get()).isZero();
        assertThat(worker.metrics().render()).contains("job=\"burst\",app_id=\"app-1\"");
    }

    private static StageInfo stage(int id, OptionalLong completion) {
        return new StageInfo(id, 0, "stage " + id, 1, List.of(), List.of(), "", OptionalLong.of(1L + id), completion,
                Optional.empty(), 0);
    }
}
