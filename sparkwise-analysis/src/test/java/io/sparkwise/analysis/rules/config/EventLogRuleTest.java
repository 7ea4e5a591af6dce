package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogRuleTest {

    private final EventLogRule rule = new EventLogRule();

    @Test
    void evaluate_bigUncompressedLogOfTwoHourSpark35App_recommendsAllThree() {
        Application app = Fixtures.withEventCounts(TestApps.app().durationMs(7_200_000).executors(2, 4).build(),
                Map.of("SparkListenerTaskEnd", 100_000L), 500L << 20);

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("config.event-log");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence()).containsEntry("bytesRead", 500L << 20).containsEntry("SparkListenerStageExecutorMetrics", 0L);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.eventLog.compress", "true");
        expected.put("spark.eventLog.rolling.enabled", "true");
        expected.put("spark.eventLog.rolling.maxFileSize", "128m");
        expected.put("spark.eventLog.logStageExecutorMetrics", "true");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_spark4DefaultsCompressAndRoll_onlyMetricsMissing() {
        Application app = Fixtures.withEventCounts(TestApps.app().sparkVersion("4.0.1").durationMs(7_200_000).build(),
                Map.of(), 500L << 20);

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.recommendation().config()).containsOnlyKeys("spark.eventLog.logStageExecutorMetrics");
    }

    @Test
    void evaluate_smallShortLog_doesNotFire() {
        Application app = Fixtures.withEventCounts(TestApps.app().durationMs(60_000).build(), Map.of(), 1L << 20);

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
