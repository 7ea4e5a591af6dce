package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure rules on real logs of the shared corpus. */
class FailuresCorpusTest {

    static List<Finding> analyze(String path) {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover(path).get(0));
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());
        return FailureRules.all().stream().flatMap(r -> r.evaluate(context).stream()).toList();
    }

    static List<String> described(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.scope().describe() + " " + f.severity().label()).toList();
    }

    @Test
    void evaluate_spark12LogWithFailedJob_reportsTheJobAndTheFailedTask() {
        List<Finding> findings = analyze("../shared/eventlogs/apache-spark/spark-events/local-1422981780767");

        assertThat(described(findings)).containsExactlyInAnyOrder(
                "failures.task-failures stage 2.0 info", "failures.failed-jobs job 1 critical");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("failures.task-failures")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("failures[java.lang.RuntimeException]", 1)
                        .containsEntry("sampleMessage[java.lang.RuntimeException]", "got a 3, failing"));
    }

    @Test
    void evaluate_excludedExecutorsLog_reportsExclusionAndFailures() {
        List<Finding> findings = analyze("../shared/eventlogs/apache-spark/spark-events/app-20161116163331-0000");

        assertThat(described(findings)).containsExactlyInAnyOrder(
                "failures.task-failures stage 0.0 info", "failures.excluded-executors application info");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("failures.excluded-executors")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsEntry("excludedExecutors", 4));
    }

    @Test
    void evaluate_speculationAndDynamicAllocationLog_idleReleasesAndOneLoserAreNotFindings() {
        // one speculative loser of 53 s stays under the one core-minute floor; executors left by
        // "explicit termination request" (dynamic allocation) are not losses
        assertThat(analyze("../shared/eventlogs/apache-spark/spark-events/application_1628109047826_1317105")).isEmpty();
    }

    @Test
    void evaluate_pysparkUdfFailure_pointsAtThePythonError() {
        List<Finding> findings = analyze("../shared/eventlogs/mcp-apache-spark-history-server/skills/cli/e2e/spark-events/local-1776286786993.zstd");

        assertThat(described(findings)).containsExactlyInAnyOrder("failures.failed-jobs job 4 critical",
                "failures.task-failures stage 4.0 info", "failures.task-failures stage 5.0 info");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("failures.task-failures"))
                .allSatisfy(f -> assertThat(f.recommendation().text()).contains("Python"));
    }

    @Test
    void evaluate_cleanSpark4Log_noWarningOrWorse() {
        assertThat(analyze("../shared/eventlogs/spark4/plain/local-1795562771711"))
                .noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    }
}
