package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory rules on real logs of ../shared/eventlogs, run with every built-in rule. */
class MemoryCorpusTest {

    static List<Finding> findings(String log) {
        EventLogReader reader = new EventLogReader();
        Analysis analysis = Analyzer.withBuiltInRules()
                .analyze(reader.read(reader.discover(log).get(0)), Thresholds.defaults());
        assertThat(analysis.ruleErrors()).isEmpty();
        return analysis.findings().stream().filter(f -> f.ruleId().startsWith("memory.")).toList();
    }

    @Test
    void aqeShuffle_spillInACoalescedShuffleAimsTheAdvisorySize() {
        // Spark 3.2.1 local: AQE coalesced stage 4 to 13 partitions, which spilled 113 MiB to disk.
        List<Finding> findings = findings("../shared/eventlogs/spark-rapids-tools/spark-events-qualification/aqeshuffle_eventlog.zstd");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.spill");
            assertThat(f.scope().describe()).isEqualTo("stage 4.0");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.recommendation().config()).containsOnlyKeys("spark.sql.adaptive.advisoryPartitionSizeInBytes");
        });
    }

    @Test
    void databricksRollover_scanTaskBeyondItsMemoryShareIsASymptomOfHugePartitions() {
        List<Finding> findings = findings("../shared/eventlogs/spark-log-parser/databricks-rollover");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("memory.execution-memory-pressure");
            assertThat(f.scope().describe()).isEqualTo("stage 1.0");
            assertThat(f.causedBy()).isEqualTo(Optional.of("partitioning.huge-partitions"));
        });
    }

    @Test
    void pythonExceptionFailures_areNotOutOfMemory() {
        // Spark 4.1 local with a failed job of PythonException task failures: no memory finding.
        assertThat(findings("../shared/eventlogs/mcp-apache-spark-history-server/skills/cli/e2e/spark-events/local-1776286786993.zstd"))
                .isEmpty();
    }

    @Test
    void spark4CleanLog_nothingFires() {
        assertThat(findings("../shared/eventlogs/spark4/plain/local-1795562771711")).isEmpty();
    }
}
