package io.sparkwise.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkwise.analysis.compare.Comparison;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.markdown.CorpusLogs;
import io.sparkwise.report.markdown.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonRenderersTest {

    /** The Spark shell session without and then with the failing job. */
    private static Comparison shellRuns;

    @BeforeAll
    static void compare() {
        AnalyzedApplication before = CorpusLogs.analyzed(CorpusLogs.SAME_SHELL_NO_FAILURE);
        AnalyzedApplication after = CorpusLogs.analyzed(CorpusLogs.FAILED_JOB);
        shellRuns = Comparison.of(before.application(), before.analysis().findings(),
                after.application(), after.analysis().findings());
    }

    private static String render(ComparisonFormat format, Comparison comparison) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(comparison, out);
        return out.toString();
    }

    @Test
    void text_shellRuns_matchesGoldenFile() throws IOException {
        Golden.assertMatches("compare-local-1422981759269-local-1422981780767.txt", render(ComparisonFormat.TEXT, shellRuns));
    }

    @Test
    void markdown_shellRuns_matchesGoldenFile() throws IOException {
        Golden.assertMatches("compare-local-1422981759269-local-1422981780767.md",
                render(ComparisonFormat.MARKDOWN, shellRuns));
    }

    @Test
    void json_shellRuns_carriesSchemaVersionMetricsStagesAndFindings() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(render(ComparisonFormat.JSON, shellRuns));

        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.at("/before/id").asText()).isEqualTo("local-1422981759269");
        assertThat(doc.at("/after/id").asText()).isEqualTo("local-1422981780767");
        assertThat(doc.at("/metrics/0/name").asText()).isEqualTo("wallTime");
        assertThat(doc.at("/metrics/0/unit").asText()).isEqualTo("ms");
        assertThat(doc.at("/metrics/0/delta").asLong())
                .isEqualTo(doc.at("/metrics/0/after").asLong() - doc.at("/metrics/0/before").asLong());
        assertThat(doc.at("/stages/added/0/name").asText()).isEqualTo("count at <console>:20");
        assertThat(doc.at("/stages/matched")).hasSize(3);
        assertThat(doc.at("/findings/appeared/0/ruleId").asText()).isEqualTo("failures.failed-jobs");
        assertThat(doc.at("/findings/appeared/0/scope").asText()).isEqualTo("job 1");
        assertThat(doc.get("configChanges")).isEmpty();
    }

    @Test
    void json_absentValues_areOmitted() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(render(ComparisonFormat.JSON, shellRuns));

        // Spark 1.2 logs name no Spark version; the field is left out, not written as null.
        assertThat(doc.get("before").has("appSparkVersion")).isFalse();
        assertThat(doc.at("/executors/before").has("executorMemory")).isFalse();
    }

    @Test
    void fromName_unknown_namesTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComparisonFormat.fromName("html"))
                .hasMessage("expected one of text, markdown, json but was 'html'");
    }
}
