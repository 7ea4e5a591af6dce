package io.sparkwise.analysis.config;

import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigMergerTest {

    private static Finding finding(String rule, Map<String, String> config) {
        return new Finding(rule, Severity.WARNING, rule, Scope.APPLICATION, Map.of(), Impact.NONE,
                new Recommendation("fix", config), List.of(), Optional.empty());
    }

    @Test
    void merge_conflictingMemoryAdvice_keepsTheLargerAndSaysSo() {
        ConfigMerger.Merged m = new ConfigMerger().merge(List.of(
                finding("memory.a", Map.of("spark.executor.memory", "6g")),
                finding("memory.b", Map.of("spark.executor.memory", "8g", "spark.sql.shuffle.partitions", "400"))),
                Map.of());

        assertThat(m.config()).containsEntry("spark.executor.memory", "8g").containsEntry("spark.sql.shuffle.partitions", "400");
        assertThat(m.notes()).containsExactly("spark.executor.memory: memory.b proposed 8g, kept 8g");
    }

    @Test
    void merge_initialExecutorsAboveExistingMax_isLoweredToTheMax() {
        ConfigMerger.Merged m = new ConfigMerger().merge(List.of(
                finding("resources.x", Map.of("spark.dynamicAllocation.initialExecutors", "50"))),
                Map.of("spark.dynamicAllocation.enabled", "true", "spark.dynamicAllocation.maxExecutors", "20"));

        assertThat(m.config()).containsEntry("spark.dynamicAllocation.initialExecutors", "20");
        assertThat(new ConfigValidator().validate(Map.of("spark.dynamicAllocation.enabled", "true",
                "spark.dynamicAllocation.maxExecutors", "20"), m.config()).valid()).isTrue();
    }

    @Test
    void merge_symptomFindings_contributeNoConfig() {
        Finding symptom = finding("gc.x", Map.of("spark.executor.memory", "16g")).withCausedBy("skew.task-duration");

        assertThat(new ConfigMerger().merge(List.of(symptom), Map.of()).config()).isEmpty();
    }

    @Test
    void merge_invalidValue_isDroppedWithANote() {
        ConfigMerger.Merged m = new ConfigMerger().merge(List.of(
                finding("config.x", Map.of("spark.executor.cores", "0"))), Map.of());

        assertThat(m.config()).isEmpty();
        assertThat(m.notes()).containsExactly("dropped spark.executor.cores: spark.executor.cores (0) must be at least 1");
    }
}
