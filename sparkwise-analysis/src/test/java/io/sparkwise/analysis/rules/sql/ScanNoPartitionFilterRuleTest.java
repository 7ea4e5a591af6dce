package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.sparkwise.analysis.rules.sql.SqlFixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

class ScanNoPartitionFilterRuleTest {

    private static final long GIB = 1L << 30;
    private final ScanNoPartitionFilterRule rule = new ScanNoPartitionFilterRule();

    private static Application app(String partitionFilters, Map<String, Long> scanMetrics) {
        SqlFixtures f = new SqlFixtures();
        Map<String, String> metadata = Map.of("Location", "CatalogFileIndex[s3://bucket/events]",
                "PartitionFilters", partitionFilters, "PushedFilters", "[]", "Format", "Parquet");
        Application base = TestApps.app().executors(4, 4)
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(0))
                .stage(0, s -> s.job(0).metric(TaskMetric.INPUT_BYTES, 500 * GIB)
                        .metric(TaskMetric.EXECUTOR_RUN_TIME, 2_000_000))
                .build();
        return SqlFixtures.with(base, f.execution(0, f.node("Scan parquet db.events", "FileScan parquet db.events",
                metadata, scanMetrics), "", 0));
    }

    @Test
    void evaluate_allPartitionsReadWithoutFilter_fires() {
        Application app = app("[]", metrics("number of partitions read", 365, "size of files read", 500 * GIB,
                "number of files read", 7_300));

        List<Finding> findings = rule.evaluate(new AnalysisContext(app, Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.scan-no-partition-filter");
            assertThat(f.scope().describe()).isEqualTo("SQL 0");
            assertThat(f.evidence())
                    .containsEntry("location", "CatalogFileIndex[s3://bucket/events]")
                    .containsEntry("numberOfPartitionsRead", 365L)
                    .containsEntry("sizeOfFilesReadBytes", 500 * GIB)
                    .containsEntry("scanExecutorRunTimeMs", 2_000_000L);
            // the scan read all the stage's input: 2,000 core-s x 0.5 = 1,000 core-s, 10.4%: warning
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(1_000.0);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.recommendation().text()).contains("partition columns");
        });
    }

    @Test
    void evaluate_partitionFilterPresent_doesNotFire() {
        Application app = app("[isnotnull(dt#3), (dt#3 = 2024-01-01)]",
                metrics("number of partitions read", 1, "size of files read", 2 * GIB));

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_unpartitionedTable_doesNotFire() {
        // Spark adds "number of partitions read" only to scans of partitioned tables.
        Map<String, Long> m = new HashMap<>(metrics("size of files read", 500 * GIB));
        assertThat(rule.evaluate(new AnalysisContext(app("[]", m), Thresholds.defaults()))).isEmpty();
    }

    @Test
    void evaluate_fewPartitions_doesNotFire() {
        Application app = app("[]", metrics("number of partitions read", 3, "size of files read", 500 * GIB));

        assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
    }
}
