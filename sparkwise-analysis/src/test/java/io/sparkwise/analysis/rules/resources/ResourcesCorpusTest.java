package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.config.ConfigValidator;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource rules on real logs of the shared corpus. */
class ResourcesCorpusTest {

    private static Application read(String path) {
        EventLogReader reader = new EventLogReader();
        return reader.read(reader.discover(path).get(0));
    }

    private static List<Finding> analyze(Application app) {
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());
        return ResourceRules.all().stream().flatMap(r -> r.evaluate(context).stream()).toList();
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.severity().label()).toList();
    }

    @Test
    void evaluate_yarnAppWithTenSingleCoreExecutorsForFourTasks_reportsWidthAndShape() {
        Application app = read("../shared/eventlogs/apache-spark/spark-events/application_1628109047826_1317105");

        List<Finding> findings = analyze(app);

        assertThat(described(findings)).containsExactlyInAnyOrder("resources.idle-executors warning",
                "resources.driver-gaps warning", "resources.over-provisioned warning", "resources.executor-shape info");
        Finding wide = findings.stream().filter(f -> f.ruleId().equals("resources.over-provisioned")).findFirst().orElseThrow();
        assertThat(wide.evidence()).containsEntry("peakConcurrentCores", 10).containsEntry("peakTaskDemand", 4);
        assertThat(wide.recommendation().config()).containsEntry("spark.dynamicAllocation.maxExecutors", "4")
                .containsEntry("spark.executor.instances", "4");
        // the application's own settings already pass, so each proposal must too
        findings.forEach(f -> assertThat(new ConfigValidator().validate(app.environment().sparkProperties(),
                f.recommendation().config()).problems()).as(f.ruleId()).isEmpty());
    }

    @Test
    void evaluate_standaloneJdbcApp_reportsDriverGapsAndBigExecutor() {
        // the executor idled almost only in driver gaps: driver-gaps owns that waste, idle-executors stays info
        List<Finding> findings = analyze(read("../shared/eventlogs/spark-rapids-tools/spark-events-qualification/jdbc_eventlog.zstd"));

        assertThat(described(findings)).containsExactlyInAnyOrder("resources.idle-executors info",
                "resources.driver-gaps critical", "resources.executor-shape info");
        assertThat(findings).filteredOn(f -> f.ruleId().equals("resources.executor-shape")).singleElement()
                .satisfies(f -> assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spark.executor.cores", "4", "spark.executor.memory", "20g", "spark.executor.instances", "4")));
    }

    @Test
    void evaluate_cleanSpark4Log_noFinding() {
        List<Finding> findings = analyze(read("../shared/eventlogs/spark4/plain/local-1795562771711"));

        assertThat(findings).noneMatch(f -> f.severity().atLeast(Severity.WARNING));
        assertThat(findings).isEmpty();
    }
}
