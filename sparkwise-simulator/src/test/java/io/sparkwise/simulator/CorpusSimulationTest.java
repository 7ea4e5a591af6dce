package io.sparkwise.simulator;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log of ../shared/eventlogs is simulated, or refused with a message that says why. */
class CorpusSimulationTest {

    private static final String CORPUS = "../shared/eventlogs";

    @Test
    void simulate_everyCorpusLog_predictsOrSaysWhyNot() {
        EventLogReader reader = new EventLogReader();
        int simulated = 0;
        int refused = 0;
        List<Double> selfCheckErrors = new java.util.ArrayList<>();
        for (io.sparkwise.eventlog.source.LogInput input : reader.discover(CORPUS)) {
            Application app;
            try {
                app = reader.read(input);
            } catch (SparkwiseException unreadable) {
                continue;
            }
            try {
                Simulator simulator = Simulator.of(app);
                WhatIf whatIf = simulator.whatIf(List.of(ClusterOption.fixed(1, simulator.asRun().coresPerExecutor()),
                        ClusterOption.fixed(4, simulator.asRun().coresPerExecutor()),
                        ClusterOption.dynamic(0, 8, simulator.asRun().coresPerExecutor())));
                for (SimulationResult r : whatIf.options()) {
                    assertThat(r.predictedWallTimeMs()).as(input.name()).isGreaterThanOrEqualTo(whatIf.unboundedWallTimeMs());
                    assertThat(r.utilization()).as(input.name()).isBetween(0.0, 1.0);
                }
                simulated++;
                whatIf.selfCheck().ifPresent(c -> selfCheckErrors.add(Math.abs(c.errorPct())));
            } catch (SparkwiseException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.NOTHING_TO_SIMULATE);
                assertThat(e.getMessage()).contains("no successful task");
                refused++;
            }
        }
        assertThat(simulated).isGreaterThan(50);
        assertThat(refused).isGreaterThan(0);
        // Replayed on the executors they had, most logs land within a fraction of a percent
        // (docs/simulator.md lists every one); the median guards the scheduler against drift.
        selfCheckErrors.sort(null);
        assertThat(selfCheckErrors.get(selfCheckErrors.size() / 2)).isLessThan(1.0);
    }
}
