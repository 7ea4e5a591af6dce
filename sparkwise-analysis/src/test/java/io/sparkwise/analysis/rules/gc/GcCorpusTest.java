package io.sparkwise.analysis.rules.gc;

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

/** The GC rules on real logs of ../shared/eventlogs, run with every built-in rule. */
class GcCorpusTest {

    static List<Finding> findings(String log) {
        EventLogReader reader = new EventLogReader();
        Analysis analysis = Analyzer.withBuiltInRules()
                .analyze(reader.read(reader.discover(log).get(0)), Thresholds.defaults());
        assertThat(analysis.ruleErrors()).isEmpty();
        return analysis.findings().stream().filter(f -> f.ruleId().startsWith("gc.")).toList();
    }

    @Test
    void ndsQ66_gcHeavyStagesLinkedToTheirTinyTasks_noExecutorGcOnA2MinuteApp() {
        // Stage 25 spent 47% of its run time in GC; the app ran 110 s, too short for gc.executor-gc.
        List<Finding> findings = findings("../shared/eventlogs/spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd");

        assertThat(findings).extracting(Finding::ruleId).containsOnly("gc.stage-gc");
        assertThat(findings).extracting(f -> f.scope().stageId().getAsInt()).containsExactlyInAnyOrder(13, 23, 25);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.causedBy()).isEqualTo(Optional.of("partitioning.tiny-tasks"));
        });
    }

    @Test
    void databricksRollover_longAppWithHealthyGc_nothingFires() {
        // 1.7 h, executors at 2-2.5% GC: below Dr. Elephant's 10% band.
        assertThat(findings("../shared/eventlogs/spark-log-parser/databricks-rollover")).isEmpty();
    }

    @Test
    void spark4CleanLog_nothingFires() {
        assertThat(findings("../shared/eventlogs/spark4/plain/local-1795562771711")).isEmpty();
    }
}
