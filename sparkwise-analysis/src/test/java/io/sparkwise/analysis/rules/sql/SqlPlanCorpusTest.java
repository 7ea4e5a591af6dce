package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Rule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL rules on real logs of ../shared/eventlogs, with the findings each must and must not produce. */
class SqlPlanCorpusTest {

    private static Application read(String path) {
        EventLogReader reader = new EventLogReader();
        return reader.read(reader.discover(path).get(0));
    }

    private static List<Finding> run(Application app) {
        List<Finding> out = new ArrayList<>();
        AnalysisContext context = new AnalysisContext(app, Thresholds.defaults());
        for (Rule rule : SqlPlanRules.all()) {
            out.addAll(rule.evaluate(context));
        }
        return out;
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.scope().describe()).toList();
    }

    @Test
    void evaluate_cleanSpark4Log_noFinding() {
        // AQE on (4.0 default), a 1 MiB broadcast join, two small shuffles: nothing to say.
        assertThat(run(read("../shared/eventlogs/spark4/plain/local-1795562771711"))).isEmpty();
    }

    @Test
    void evaluate_databricksRepeatedJoin_firesRepeatedScanAndUnfilteredPartitionedScan() {
        List<Finding> findings = run(read("../shared/eventlogs/spark-log-parser/databricks-rollover"));

        assertThat(ids(findings)).containsExactlyInAnyOrder(
                "sql.scan-no-partition-filter SQL 19", "sql.repeated-scan application");
        Finding repeated = findings.stream().filter(f -> f.ruleId().equals("sql.repeated-scan")).findFirst().orElseThrow();
        // The 637 MiB CSV table_b is read by the 13 join queries 6..18; the per-day Parquet
        // partitions of dec_tbl_a differ each time and are not repeats.
        assertThat(repeated.evidence())
                .containsEntry("location", "InMemoryFileIndex[s3://job-bank/repjoin/big/table_b]")
                .containsEntry("reads", 13)
                .containsEntry("sqlExecutionIds", List.of(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L));
        Finding unfiltered = findings.stream().filter(f -> f.ruleId().equals("sql.scan-no-partition-filter")).findFirst()
                .orElseThrow();
        assertThat(unfiltered.evidence())
                .containsEntry("numberOfPartitionsRead", 13L)
                .containsEntry("sizeOfFilesReadBytes", 233_786_769_668L);
        // Spark version not logged (a rolled Databricks part): sql.aqe-disabled cannot judge and stays silent.
    }

    @Test
    void evaluate_pysparkE2eLog_firesSmallSideJoinsAndPythonUdf() {
        List<Finding> findings = run(read(
                "../shared/eventlogs/mcp-apache-spark-history-server/skills/cli/e2e/spark-events/local-1776286786993.zstd"));

        assertThat(ids(findings)).containsExactlyInAnyOrder("sql.sort-merge-join-small-side SQL 6",
                "sql.sort-merge-join-small-side SQL 7", "sql.udf SQL 2");
        Finding join = findings.stream().filter(f -> f.scope().equals(Scope.sql(6))).findFirst().orElseThrow();
        // spark.sql.autoBroadcastJoinThreshold=-1 in this application: a 1,600-byte side was shuffled and sorted.
        assertThat(join.evidence())
                .containsEntry("smallSideDataSizeBytes", 1_600L)
                .containsEntry("largeSideDataSizeBytes", 16_000_000L)
                .containsEntry("spark.sql.autoBroadcastJoinThreshold", -1L);
        assertThat(join.recommendation().config()).containsEntry("spark.sql.autoBroadcastJoinThreshold", "1m");
        // A local run of seconds: nothing here is more than info.
        assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void evaluate_rapidsGpuLog_recognizesGpuOperatorsAndStaysQuiet() {
        Application app = read("../shared/eventlogs/spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd");
        SparkPlanNode root = app.sqlExecutions().stream().filter(s -> s.id() == 24).findFirst().orElseThrow().plan()
                .orElseThrow();
        List<String> engines = new ArrayList<>();
        List<NativeOperators.Kind> kinds = new ArrayList<>();
        root.forEach(n -> {
            NativeOperators.engineOf(n.nodeName()).ifPresent(engines::add);
            kinds.add(NativeOperators.kindOf(n.nodeName()));
        });

        assertThat(engines).isNotEmpty().containsOnly("RAPIDS");
        assertThat(kinds).contains(NativeOperators.Kind.SCAN, NativeOperators.Kind.SHUFFLE_EXCHANGE,
                NativeOperators.Kind.BROADCAST_EXCHANGE, NativeOperators.Kind.BROADCAST_HASH_JOIN);
        // GPU broadcasts of a few KiB taking milliseconds (nsTiming metrics read as ns), AQE on: no finding.
        assertThat(run(app)).isEmpty();
    }

    @Test
    void evaluate_photonNamedLog_isPlainSparkAndRecognizedAsSuch() {
        // photon_eventlog.zstd holds a vanilla Spark 3.1.1 plan (Scan parquet, no Photon operators).
        Application app = read("../shared/eventlogs/spark-rapids-tools/event_logs/photon_eventlog.zstd");
        List<Optional<String>> engines = new ArrayList<>();
        List<NativeOperators.Kind> kinds = new ArrayList<>();
        app.sqlExecutions().forEach(s -> s.plan().ifPresent(p -> p.forEach(n -> {
            engines.add(NativeOperators.engineOf(n.nodeName()));
            kinds.add(NativeOperators.kindOf(n.nodeName()));
        })));

        assertThat(engines).containsOnly(Optional.empty());
        assertThat(kinds).contains(NativeOperators.Kind.SCAN);
        assertThat(run(app)).isEmpty();
    }
}
