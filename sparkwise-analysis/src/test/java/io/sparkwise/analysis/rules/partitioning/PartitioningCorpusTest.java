package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The partitioning rules on real logs of ../shared/eventlogs, run with every built-in rule. */
class PartitioningCorpusTest {

    static List<Finding> findings(String log, String prefix) {
        EventLogReader reader = new EventLogReader();
        Analysis analysis = Analyzer.withBuiltInRules()
                .analyze(reader.read(reader.discover(log).get(0)), Thresholds.defaults());
        assertThat(analysis.ruleErrors()).isEmpty();
        return analysis.findings().stream().filter(f -> f.ruleId().startsWith(prefix)).toList();
    }

    static List<Integer> stages(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId))
                .map(f -> f.scope().stageId().getAsInt()).sorted().toList();
    }

    @Test
    void databricksRollover_hugeShuffleAndScanPartitions() {
        // 1.7 h on 8 x 32 cores: stage 6 reads 130 GiB of shuffle in 100 partitions of 1.3 GiB; stage 1 scans
        // 1 GiB per task; thirteen single-task stages each read a 2.6 GiB shuffle (coalesce(1) before a CSV write).
        List<Finding> findings = findings("../shared/eventlogs/spark-log-parser/databricks-rollover", "partitioning.");

        assertThat(findings).extracting(Finding::ruleId).containsOnly("partitioning.huge-partitions");
        assertThat(stages(findings, "partitioning.huge-partitions")).contains(1, 6, 24, 192).hasSize(15);
        Finding stage6 = findings.stream().filter(f -> f.scope().stageId().getAsInt() == 6).findFirst().orElseThrow();
        assertThat(stage6.recommendation().config()).containsExactly(Map.entry("spark.sql.shuffle.partitions", "1040"));
        assertThat(findings).allMatch(f -> f.severity() == Severity.INFO);
    }

    @Test
    void ndsQ66_fileListingStagesOfTinyTasks() {
        // Dataproc, 8 executors x 16 cores: "load" stages of ~2000 tasks of 30-60 ms each.
        List<Finding> findings = findings("../shared/eventlogs/spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd",
                "partitioning.");

        assertThat(findings).extracting(Finding::ruleId).containsOnly("partitioning.tiny-tasks");
        assertThat(stages(findings, "partitioning.tiny-tasks")).containsExactly(13, 21, 23, 25, 27, 29);
    }

    @Test
    void dsAndDf_defaultShufflePartitionsWithoutAqe() {
        // Spark 3.1.1 (AQE off), local[12]: three shuffles of 97 MiB into the default 200 partitions.
        List<Finding> findings = findings("../shared/eventlogs/spark-rapids-tools/spark-events-qualification/dsAndDf_eventlog.zstd",
                "partitioning.");

        assertThat(findings).extracting(Finding::ruleId).containsOnly("partitioning.default-shuffle-partitions");
        assertThat(stages(findings, "partitioning.default-shuffle-partitions")).containsExactly(3, 7, 11);
        assertThat(findings.get(0).recommendation().config()).containsEntry("spark.sql.shuffle.partitions", "24");
    }

    @Test
    void spark4CleanLog_nothingFires() {
        assertThat(findings("../shared/eventlogs/spark4/plain/local-1795562771711", "partitioning.")).isEmpty();
    }
}
