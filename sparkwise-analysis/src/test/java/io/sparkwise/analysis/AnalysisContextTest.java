package io.sparkwise.analysis;

import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisContextTest {

    /** 10 executors x 4 cores x 600 s = 24,000 allocated core-seconds. */
    private final AnalysisContext context = new AnalysisContext(TestApps.app().executors(10, 4)
            .stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 1_000)).build(), Thresholds.defaults());

    @Test
    void severityFor_bandsNeedBothShareAndAbsoluteWaste() {
        assertThat(context.severityFor(100)).isEqualTo(Severity.INFO);        // 0.4%
        assertThat(context.severityFor(1_200)).isEqualTo(Severity.WARNING);   // 5%, 20 core-minutes
        assertThat(context.severityFor(6_000)).isEqualTo(Severity.CRITICAL);  // 25%, 100 core-minutes
    }

    @Test
    void severityFor_largeShareOfATinyJob_isInfo() {
        AnalysisContext tiny = new AnalysisContext(TestApps.app().durationMs(60_000).executors(1, 2)
                .stage(0, s -> s.metric(TaskMetric.EXECUTOR_RUN_TIME, 1_000)).build(), Thresholds.defaults());

        // 100 of 120 core-seconds wasted: 83%, but under 5 core-minutes.
        assertThat(tiny.severityFor(100)).isEqualTo(Severity.INFO);
        assertThat(tiny.wastedPct(100)).isCloseTo(83.3, org.assertj.core.data.Offset.offset(0.1));
    }
}
