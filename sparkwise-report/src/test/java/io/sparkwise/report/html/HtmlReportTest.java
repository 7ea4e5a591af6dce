package io.sparkwise.report.html;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.AppFixture;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sparkwise.report.AppFixture.START;
import static io.sparkwise.report.AppFixture.app;
import static io.sparkwise.report.AppFixture.stageAttempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    private static String page(Application app, Finding... findings) {
        return new HtmlReport().page(new AnalyzedApplication(app,
                new Analysis(List.of(findings), Map.of(), List.of(), List.of())));
    }

    private static Finding finding(String ruleId, Scope scope, Map<String, Object> evidence) {
        return new Finding(ruleId, Severity.WARNING, "title of " + ruleId, scope, evidence, new Impact(60, 10),
                new Recommendation("do this", Map.of("spark.sql.autoBroadcastJoinThreshold", "64m")), List.of(),
                Optional.empty());
    }

    @Test
    void page_scriptInLogStrings_isEscapedEverywhere() {
        Application app = app().name(HOSTILE)
                .stage(stageAttempt(0, 0).name(HOSTILE).distribution(TaskQuantity.DURATION, 10, 20, 30).build())
                .sql(AppFixture.sqlExecution(0, HOSTILE, OptionalLong.of(500)))
                .build();

        String html = page(app);

        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The page's only script element is its own table sorter.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
    }

    @Test
    void page_anyApplication_loadsNothingFromTheNetwork() {
        String html = page(app().stage(stageAttempt(0, 0).build()).build());

        assertThat(html).contains("Content-Security-Policy").contains("default-src &#39;none&#39;")
                .doesNotContain("<link", " src=", "https://", "url(");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    @Test
    void render_severalApplications_isRejectedWithTheWayOut() {
        AnalyzedApplication one = AnalyzedApplication.withoutFindings(app().build());

        assertThatThrownBy(() -> new HtmlReport().render(List.of(one, one), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an HTML report is one page per application, got 2 applications: "
                        + "write them to a directory with an index page");
    }

    @Test
    void page_sqlFinding_highlightsTheNodeKindItNames() {
        SparkPlanNode scanA = new SparkPlanNode("Scan parquet a", "Scan parquet a", List.of(), Map.of(), List.of());
        SparkPlanNode scanB = new SparkPlanNode("Scan parquet b", "Scan parquet b", List.of(), Map.of(), List.of());
        SparkPlanNode join = new SparkPlanNode("SortMergeJoin", "SortMergeJoin [k], [k], Inner",
                List.of(scanA, scanB), Map.of(), List.of(new SparkPlanNode.SqlMetric("number of output rows", 7, "sum")));
        SqlExecution sql = new SqlExecution(3, "join query", "", "", OptionalLong.of(START), OptionalLong.of(START + 900),
                "COMPLETED", Optional.empty(), List.of(), List.of(), List.of(), Optional.of(join),
                Map.of(7L, new SqlExecution.SqlMetricValue(12_345, 1, 100, 4)), OptionalLong.empty());
        Application app = app().sql(sql).build();

        String html = page(app, finding("sql.sort-merge-join-small-side", Scope.sql(3), Map.of("join", "SortMergeJoin")),
                finding("sql.scan-no-partition-filter", Scope.sql(3), Map.of("scan", "Scan parquet b")));

        assertThat(flagged(html)).containsExactly("SortMergeJoin", "Scan parquet b");
        assertThat(html).contains("<details class=\"sql\" id=\"sql-3\" open=\"\">")
                .contains("number of output rows: 12,345");
    }

    @Test
    void page_findingOfAnotherQuery_highlightsNothing() {
        Application app = app().sql(AppFixture.sqlExecution(0, "q", OptionalLong.of(5))).build();

        String html = page(app, finding("sql.many-exchanges", Scope.sql(9), Map.of()));

        assertThat(flagged(html)).isEmpty();
    }

    @Test
    void page_moreStagesThanTheGanttShows_keepsTheLongestAndSaysSo() {
        AppFixture fixture = app();
        for (int i = 0; i < 600; i++) {
            fixture.stage(stageAttempt(i, 0).times(OptionalLong.of(START + i), OptionalLong.of(START + 2 * i + 1)).build());
        }

        String html = page(fixture.build());

        String gantt = html.substring(html.indexOf("data-chart=\"stage-gantt\""), html.indexOf("</svg>",
                html.indexOf("data-chart=\"stage-gantt\"")));
        assertThat(Pattern.compile("class=\"mark ").matcher(gantt).results().count()).isEqualTo(500);
        assertThat(gantt).doesNotContain("stage 99.0 (").contains("stage 599.0 (");
        assertThat(html).contains("Showing the 500 longest of 600 stage attempts; all are in the stage table.");
    }

    @Test
    void page_applicationWithoutSpillOrExecutors_saysSoInsteadOfAnEmptyChart() {
        String html = page(app().bare().build());

        assertThat(html).contains("No stage spilled to memory or disk.").contains("The log records no executors")
                .doesNotContain("data-chart=\"spill\"").doesNotContain("data-chart=\"executor-timeline\"");
    }

    @Test
    void page_findings_listedInAnalysisOrderWithTheirFix() {
        Finding first = finding("skew.task-duration", Scope.stage(0, 0), Map.of("maxToMedianRatio", 12.5));
        Finding second = finding("resources.idle-executors", Scope.APPLICATION, Map.of());

        String html = page(app().stage(stageAttempt(0, 0).build()).build(), first, second);

        Matcher m = Pattern.compile("<li class=\"finding [a-z]+\" data-rule=\"([^\"]+)\"").matcher(html);
        assertThat(m.results().map(r -> r.group(1)).toList())
                .containsExactly("skew.task-duration", "resources.idle-executors");
        assertThat(html).contains("<a href=\"#stage-0-0\">stage 0.0</a>")
                .contains("--conf spark.sql.autoBroadcastJoinThreshold=64m");
    }

    private static List<String> flagged(String html) {
        return Pattern.compile("<li class=\"node flagged\" data-node=\"([^\"]+)\"").matcher(html).results()
                .map(r -> r.group(1)).toList();
    }

    @Test
    void page_nonsenseStageTimes_drawsTheTimelinesWithoutFailing() {
        Application app = app()
                .executor(AppFixture.driver(2))
                .stage(stageAttempt(0, 0).times(OptionalLong.of(Long.MIN_VALUE), OptionalLong.of(-5)).build())
                .stage(stageAttempt(1, 0).times(OptionalLong.of(Long.MAX_VALUE), OptionalLong.of(Long.MAX_VALUE)).build())
                .stage(stageAttempt(2, 0).times(OptionalLong.of(START + 10), OptionalLong.of(START)).build())
                .build();

        String html = page(app);

        assertThat(html).contains("data-chart=\"executor-timeline\"", "data-chart=\"stage-gantt\"");
    }
}
