package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskFailureKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.sparkwise.analysis.rules.failures.Fixtures.group;
import static org.assertj.core.api.Assertions.assertThat;

class FetchFailedRuleTest {

    private final FetchFailedRule rule = new FetchFailedRule();

    @Test
    void evaluate_fetchFailuresAfterMemoryKill_firesWithRetriesDecommissionAndPointer() {
        Application app = Fixtures.withExecutors(Fixtures.withFailures(TestApps.app().executors(4, 4)
                                .stage(5, s -> s.attempt(0)).build(), 5,
                        group(TaskFailureKind.FETCH_FAILED, "shuffle fetch failed from host-9", 12,
                                "Failed to connect to host-9/10.0.0.9:7337", 5, 600_000)),
                Fixtures.executor("9", 4, Optional.of("Container killed by YARN for exceeding physical memory limits"), false, 0));

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.fetch-failed");
        assertThat(f.scope().describe()).isEqualTo("stage 5.0");
        assertThat(f.evidence()).containsEntry("fetchFailedTasks", 12).containsEntry("hosts", "host-9")
                .containsEntry("executorsLostToMemory", 1L);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 600 of 9,600 core-s: 6%
        assertThat(f.recommendation().text()).contains("memory.executor-oom");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(orderedFix());
        Fixtures.assertValid(app, f.recommendation().config());
    }

    private static Map<String, String> orderedFix() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("spark.shuffle.io.maxRetries", "10");
        m.put("spark.shuffle.io.retryWait", "30s");
        m.put("spark.decommission.enabled", "true");
        m.put("spark.storage.decommission.enabled", "true");
        m.put("spark.storage.decommission.shuffleBlocks.enabled", "true");
        return m;
    }

    @Test
    void evaluate_noFetchFailures_doesNotFire() {
        Application app = Fixtures.withFailures(TestApps.app().executors(4, 4).stage(5, s -> { }).build(), 5,
                group(TaskFailureKind.EXCEPTION_FAILURE, "java.io.IOException", 1, "boom", 5, 1_000));

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
