package io.sparkwise.report.markdown;

import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.report.AnalyzedApplication;

/** Real event logs of the shared corpus, read and analyzed as the CLI does. */
public final class CorpusLogs {

    private static final String SPARK_EVENTS = "../shared/eventlogs/apache-spark/spark-events/";
    private static final String RAPIDS = "../shared/eventlogs/spark-rapids-tools/spark-events-profiling/";

    /** Spark 1.2 shell session whose job 1 fails ("got a 3, failing"). */
    public static final String FAILED_JOB = SPARK_EVENTS + "local-1422981780767";
    /** The same shell workload seconds earlier, without the failure and with two more actions. */
    public static final String SAME_SHELL_NO_FAILURE = SPARK_EVENTS + "local-1422981759269";
    /** A Spark 3.0.1 join on the RAPIDS plugin; two runs of the same workload. */
    public static final String RAPIDS_JOIN = RAPIDS + "rapids_join_eventlog.zstd";
    public static final String RAPIDS_JOIN_2 = RAPIDS + "rapids_join_eventlog2.zstd";
    /** A small healthy Spark 4.0.1 application. */
    public static final String SPARK4_CLEAN = "../shared/eventlogs/spark4/plain/local-1795562771711";

    private CorpusLogs() {
    }

    public static Application read(String path) {
        EventLogReader reader = new EventLogReader();
        return reader.read(reader.discover(path).get(0));
    }

    public static AnalyzedApplication analyzed(String path) {
        Application app = read(path);
        return new AnalyzedApplication(app, Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults()));
    }
}
