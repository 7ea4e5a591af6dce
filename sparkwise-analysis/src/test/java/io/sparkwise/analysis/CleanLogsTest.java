package io.sparkwise.analysis;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs we hold as clean get no warning-or-worse finding: small, successful applications in local
 * mode, with no failed task, job or stage. At their scale nothing is worth fixing, and in local
 * mode there are no executors to release; a rule that raises a warning on them is noise.
 */
class CleanLogsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "spark4/plain/local-1795562771711",
            "spark4/zstd/local-1795562808917.zstd",
            "spark4/rolling/eventlog_v2_local-1795562819153",
            "spark4/inprogress/local-1795562771711.inprogress",
            "apache-spark/spark-events/local-1422981759269",
            "apache-spark/spark-events/local-1430917381534",
            "apache-spark/spark-events/local-1642039451826",
            "spark-rapids-tools/spark-events-qualification/nested_type_eventlog",
            "spark-rapids-tools/spark-events-qualification/writeformat_eventlog",
            "spark-rapids-tools/spark-events-qualification/java_udf_eventlog",
            "spark-rapids-tools/spark-events-profiling/eventlog_dsv2.zstd",
            "spark-rapids-tools/spark-events-profiling/spark2-eventlog.zstd"})
    void analyze_cleanLog_raisesNothingAboveInfo(String log) {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover("../shared/eventlogs/" + log).get(0));

        Analysis analysis = Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults());

        assertThat(analysis.findings()).filteredOn(f -> f.severity().atLeast(Severity.WARNING)).isEmpty();
        assertThat(analysis.ruleErrors()).isEmpty();
    }
}
