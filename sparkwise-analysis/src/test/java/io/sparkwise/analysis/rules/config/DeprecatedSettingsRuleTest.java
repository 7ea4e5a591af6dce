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

class DeprecatedSettingsRuleTest {

    private final DeprecatedSettingsRule rule = new DeprecatedSettingsRule();

    @Test
    void evaluate_yarnOverheadAndBlacklistOnSpark35_movesThemToTheirNewKeys() {
        Application app = TestApps.app().property("spark.yarn.executor.memoryOverhead", "2048")
                .property("spark.blacklist.enabled", "true").property("spark.storage.memoryFraction", "0.4").build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("config.deprecated");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.evidence()).containsEntry("spark.yarn.executor.memoryOverhead", "2048 (deprecated in Spark 2.3)")
                .containsEntry("spark.blacklist.enabled", "true (deprecated in Spark 3.1)");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("spark.executor.memoryOverhead", "2048");
        expected.put("spark.excludeOnFailure.enabled", "true");
        assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(f.recommendation().text()).contains("remove spark.storage.memoryFraction (deprecated in Spark 1.6");
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_blacklistOnSpark21_doesNotFire() {
        Application app = TestApps.app().sparkVersion("2.1.0").property("spark.blacklist.enabled", "true").build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_unknownVersion_doesNotFire() {
        Application app = TestApps.app().sparkVersion(null).property("spark.yarn.executor.memoryOverhead", "2048").build();

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
