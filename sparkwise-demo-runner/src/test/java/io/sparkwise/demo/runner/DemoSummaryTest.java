package io.sparkwise.demo.runner;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSummaryTest {

    private static Analysis findings(String... ruleIds) {
        return new Analysis(java.util.Arrays.stream(ruleIds).map(id -> new Finding(id, Severity.INFO, id,
                Scope.APPLICATION, Map.of(), Impact.NONE, Recommendation.text("fix"), List.of(), Optional.empty()))
                .toList(), Map.of(), List.of(), List.of());
    }

    @Test
    void parse_fullLine_readsScenarioWallTimeAndRules() {
        DemoSummary.ScenarioLog log = DemoSummary.ScenarioLog.parse("/tmp/x/local-1\tspill\t28000\tgc.stage-gc,memory.spill");

        assertThat(log).isEqualTo(new DemoSummary.ScenarioLog("/tmp/x/local-1", "spill", 28_000,
                Set.of("gc.stage-gc", "memory.spill"), ""));
    }

    @Test
    void parse_lineOfACodeFixedRun_readsTheCodeFix() {
        assertThat(DemoSummary.ScenarioLog.parse("/tmp/x/local-2	udf-filter	9000	sql.udf	built-in filter").codeFix())
                .isEqualTo("built-in filter");
    }

    @Test
    void parse_pathOnly_namesTheScenarioAfterTheFile() {
        assertThat(DemoSummary.ScenarioLog.parse("/tmp/x/local-7"))
                .isEqualTo(new DemoSummary.ScenarioLog("/tmp/x/local-7", "local-7", -1, Set.of(), ""));
    }

    @Test
    void expected_reportsFoundAndMissingRules() {
        assertThat(DemoSummary.expected(Set.of("memory.spill"), findings("memory.spill", "sql.udf")))
                .isEqualTo("all found: memory.spill");
        assertThat(DemoSummary.expected(Set.of("memory.spill", "skew.input"), findings("memory.spill")))
                .isEqualTo("MISSING: skew.input");
        assertThat(DemoSummary.expected(Set.of(), findings("sql.udf"))).isEqualTo("none expected: clean");
    }

    @Test
    void fix_mergedConfig_isTheConfLines_codeAdvice_isTheExpectedRulesFirstSentence() {
        Finding udf = new Finding("sql.udf", Severity.INFO, "UDF in a filter", Scope.APPLICATION, Map.of(), Impact.NONE,
                Recommendation.text("Replace the UDF with built-in functions. Spark cannot push it down."), List.of(),
                Optional.empty());
        Analysis code = new Analysis(List.of(udf), Map.of(), List.of(), List.of());
        Analysis config = new Analysis(List.of(udf), Map.of("spark.memory.fraction", "0.6", "spark.a", "1"), List.of(),
                List.of());

        assertThat(DemoSummary.fix(Set.of("sql.udf"), code)).contains("(code) Replace the UDF with built-in functions.");
        assertThat(DemoSummary.fix(Set.of("sql.udf"), config))
                .contains("--conf spark.a=1 --conf spark.memory.fraction=0.6");
        assertThat(DemoSummary.fix(Set.of(), config)).isEmpty();
        assertThat(DemoSummary.fix(Set.of("memory.spill"), code)).isEmpty();
    }

    @Test
    void firstSentence_abbreviationInside_doesNotEndIt() {
        assertThat(DemoSummary.firstSentence("Add an equality condition (e.g. `a.k = b.k`). Then rerun."))
                .isEqualTo("Add an equality condition (e.g. `a.k = b.k`).");
    }

    @Test
    void firstSentence_longAdvice_isCut() {
        assertThat(DemoSummary.firstSentence("x".repeat(200))).hasSize(DemoSummary.MAX_FIX_CHARS).endsWith("...");
    }
}
