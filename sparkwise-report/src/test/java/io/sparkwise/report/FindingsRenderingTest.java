package io.sparkwise.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings as the text and JSON reports show them. */
class FindingsRenderingTest {

    private static AnalyzedApplication analyzed() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("maxShuffleReadBytes", 4_294_967_296L);
        evidence.put("maxToMedianRatio", 41.0);
        Finding skew = new Finding("skew.shuffle-read", Severity.CRITICAL, "Hot key in stage 3", Scope.stage(3, 0),
                evidence, new Impact(8400, 35), new Recommendation("Let AQE split it",
                Map.of("spark.sql.adaptive.skewJoin.enabled", "true")), List.of(), Optional.empty());
        Finding spill = new Finding("memory.spill", Severity.WARNING, "Spill in stage 3", Scope.stage(3, 0),
                Map.of("diskBytesSpilled", 1L << 30), new Impact(600, 2.5),
                new Recommendation("A symptom of skew.shuffle-read in the same stage", Map.of()),
                List.of("peakExecutionMemory"), Optional.of("skew.shuffle-read"));
        Analysis analysis = new Analysis(List.of(skew, spill), Map.of("spark.sql.adaptive.skewJoin.enabled", "true"),
                List.of("a note"), List.of());
        return new AnalyzedApplication(AppFixture.app().build(), analysis);
    }

    @Test
    void json_findingCarriesScopeEvidenceImpactFixAndCause() throws IOException {
        StringWriter out = new StringWriter();
        new JsonReport().render(List.of(analyzed()), out);
        JsonNode app = new ObjectMapper().readTree(out.toString()).at("/applications/0");

        JsonNode first = app.at("/findings/0");
        assertThat(first.get("ruleId").asText()).isEqualTo("skew.shuffle-read");
        assertThat(first.get("severity").asText()).isEqualTo("critical");
        assertThat(first.at("/scope/stageId").asInt()).isEqualTo(3);
        assertThat(first.at("/scope/stageAttemptId").asInt()).isZero();
        assertThat(first.at("/evidence/maxShuffleReadBytes").asLong()).isEqualTo(4_294_967_296L);
        assertThat(first.at("/impact/wastedCoreSeconds").asDouble()).isEqualTo(8400.0);
        assertThat(first.at("/recommendation/config/spark.sql.adaptive.skewJoin.enabled").asText()).isEqualTo("true");
        assertThat(first.has("causedBy")).isFalse();
        JsonNode second = app.at("/findings/1");
        assertThat(second.get("causedBy").asText()).isEqualTo("skew.shuffle-read");
        assertThat(second.at("/missingEvidence/0").asText()).isEqualTo("peakExecutionMemory");
        assertThat(app.at("/recommendedConfig/spark.sql.adaptive.skewJoin.enabled").asText()).isEqualTo("true");
        assertThat(app.at("/configNotes/0").asText()).isEqualTo("a note");
    }

    @Test
    void text_findingsRankedWithEvidenceCauseAndMergedConfig() throws IOException {
        StringWriter out = new StringWriter();
        new TextReport().render(List.of(analyzed()), out);

        assertThat(out.toString()).contains("""
                Findings: 2 (1 critical, 1 warning, 0 info), most costly first

                  1. [CRITICAL] Hot key in stage 3
                     rule skew.shuffle-read, stage 3.0, ~8,400 core-seconds wasted (35%)
                     evidence: maxShuffleReadBytes=4294967296, maxToMedianRatio=41.0
                     fix: Let AQE split it
                       --conf spark.sql.adaptive.skewJoin.enabled=true

                  2. [WARNING] Spill in stage 3
                     rule memory.spill, stage 3.0, ~600 core-seconds wasted (3%)
                     evidence: diskBytesSpilled=1073741824
                     not in the log: peakExecutionMemory
                     caused by: skew.shuffle-read
                """).contains("""
                Recommended configuration (all root-cause fixes merged and validated)
                  --conf spark.sql.adaptive.skewJoin.enabled=true
                  note: a note
                """);
    }

    @Test
    void text_withColor_colorsOnlyTheSeverityLabels() throws IOException {
        StringWriter out = new StringWriter();
        new TextReport(true).render(List.of(analyzed()), out);

        assertThat(out.toString()).contains("  1. \u001b[1;31m[CRITICAL]\u001b[0m Hot key in stage 3",
                "  2. \u001b[33m[WARNING]\u001b[0m Spill in stage 3");
        StringWriter plain = new StringWriter();
        new TextReport().render(List.of(analyzed()), plain);
        assertThat(plain.toString()).doesNotContain("\u001b");
    }
}
