package io.sparkwise.report.markdown;

import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.ReportFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private static String render(AnalyzedApplication... applications) throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownReport().render(List.of(applications), out);
        return out.toString();
    }

    @Test
    void render_failedJobLog_matchesGoldenFile() throws IOException {
        Golden.assertMatches("analyze-local-1422981780767.md", render(CorpusLogs.analyzed(CorpusLogs.FAILED_JOB)));
    }

    @Test
    void render_logWithConfigFixes_matchesGoldenFile() throws IOException {
        Golden.assertMatches("analyze-rapids_join_eventlog.md", render(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN)));
    }

    @Test
    void render_sameLogTwice_sameBytes() throws IOException {
        // The merged config comes from a map without order: the report must sort it itself.
        assertThat(render(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN)))
                .isEqualTo(render(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN)));
    }

    @Test
    void render_failedJob_healthLineCountsTheCriticalFinding() throws IOException {
        String report = render(CorpusLogs.analyzed(CorpusLogs.FAILED_JOB));

        assertThat(report.lines().skip(2).findFirst().orElseThrow())
                .isEqualTo("🔴 **1 critical, 0 warnings** — 9.0 s, `local[*]`, Spark version unknown");
    }

    @Test
    void render_cleanLog_greenHealthLineAndNoConfigBlock() throws IOException {
        String report = render(CorpusLogs.analyzed(CorpusLogs.SPARK4_CLEAN));

        assertThat(report).contains("🟢 **no warnings** — ").doesNotContain("```sh");
    }

    @Test
    void render_stageNamesWithAngleBrackets_areEscapedForHtml() throws IOException {
        assertThat(render(CorpusLogs.analyzed(CorpusLogs.FAILED_JOB)))
                .contains("count at &lt;console&gt;:15").doesNotContain("<console>");
    }

    @Test
    void render_twoApplications_separatedByARule() throws IOException {
        String report = render(CorpusLogs.analyzed(CorpusLogs.FAILED_JOB), CorpusLogs.analyzed(CorpusLogs.SPARK4_CLEAN));

        assertThat(report).containsOnlyOnce("\n---\n").contains("`local-1422981780767`", "`local-1795562771711`");
    }

    @Test
    void reportFormat_markdown_isThisRenderer() {
        assertThat(ReportFormat.fromName("markdown").renderer()).isInstanceOf(MarkdownReport.class);
    }
}
