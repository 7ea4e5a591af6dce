package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skew rules on real logs of ../shared/eventlogs. No corpus log has skew that costs 30 s of
 * wall time, so these are the does-not-fire cases on real data, including the largest logs.
 */
class SkewCorpusTest {

    static List<Finding> findings(String log) {
        EventLogReader reader = new EventLogReader();
        Analysis analysis = Analyzer.withBuiltInRules()
                .analyze(reader.read(reader.discover(log).get(0)), Thresholds.defaults());
        assertThat(analysis.ruleErrors()).isEmpty();
        return analysis.findings().stream().filter(f -> f.ruleId().startsWith("skew.")).toList();
    }

    @Test
    void databricksRollover_evenPartitions_nothingFires() {
        // Stage 2 scans 1250 splits of 91 MiB median and 161 MiB max (1.8x): uneven, not skewed.
        assertThat(findings("../shared/eventlogs/spark-log-parser/databricks-rollover")).isEmpty();
    }

    @Test
    void ndsQ66_shortStragglers_nothingFires() {
        // Stage 23's slowest task is 127x the median but costs 5 s: not worth a finding.
        assertThat(findings("../shared/eventlogs/spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd")).isEmpty();
    }

    @Test
    void spark4CleanLog_nothingFires() {
        assertThat(findings("../shared/eventlogs/spark4/plain/local-1795562771711")).isEmpty();
    }
}
