package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration rules on real logs of the shared corpus. */
class ConfigCorpusTest {

    private static List<Finding> analyze(String path) {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover(path).get(0));
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());
        return ConfigurationRules.all().stream().flatMap(r -> r.evaluate(context).stream()).toList();
    }

    @Test
    void evaluate_kubernetes353App_reportsTheSupersededOverheadFactor() {
        List<Finding> findings = analyze(
                "../shared/eventlogs/mcp-apache-spark-history-server/examples/basic/events/eventlog_v2_spark-bcec39f6201b42b9925124595baad260");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("config.deprecated");
            assertThat(f.evidence()).containsEntry("spark.kubernetes.memoryOverheadFactor", "0.4 (deprecated in Spark 3.3)");
            assertThat(f.recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "spark.executor.memoryOverheadFactor", "0.4", "spark.driver.memoryOverheadFactor", "0.4"));
        });
    }

    @Test
    void evaluate_yarnAppWithInstancesAndDynamicAllocation_reportsTheConflictOnly() {
        List<Finding> findings = analyze("../shared/eventlogs/apache-spark/spark-events/application_1628109047826_1317105");

        assertThat(findings).extracting(Finding::ruleId).containsExactly("config.conflicting");
        assertThat(findings.get(0).recommendation().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of("spark.dynamicAllocation.initialExecutors", "10"));
    }

    @Test
    void evaluate_databricksRddJob_recommendsKryo() {
        List<Finding> findings = analyze("../shared/eventlogs/spark-rapids-tools/spark-events-qualification/xgboost_eventlog.zstd");

        assertThat(findings).extracting(Finding::ruleId).containsExactly("config.java-serializer");
        assertThat(findings.get(0).evidence()).containsEntry("rddShuffleStages", 3);
    }

    @Test
    void evaluate_cleanSpark4LogAndSpark21Blacklisting_noFinding() {
        assertThat(analyze("../shared/eventlogs/spark4/plain/local-1795562771711")).isEmpty();
        // spark.blacklist.* was the current name in Spark 2.1
        assertThat(analyze("../shared/eventlogs/apache-spark/spark-events/app-20161116163331-0000")).isEmpty();
    }
}
