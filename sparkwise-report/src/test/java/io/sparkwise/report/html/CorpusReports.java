package io.sparkwise.report.html;

import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.report.AnalyzedApplication;

/** Real logs of ../shared/eventlogs, read and analyzed as the CLI does. */
final class CorpusReports {

    static final String SMALL = "../shared/eventlogs/spark4/plain/local-1795562771711";
    static final String FAILURES = "../shared/eventlogs/apache-spark/spark-events/local-1422981780767";
    static final String DATABRICKS = "../shared/eventlogs/spark-log-parser/databricks-rollover/eventlog";
    /** The whole rolled-over application (all parts), as simulate reads it. */
    static final String DATABRICKS_DIR = "../shared/eventlogs/spark-log-parser/databricks-rollover";

    private CorpusReports() {
    }

    static AnalyzedApplication analyzed(String path) {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover(path).get(0));
        return new AnalyzedApplication(app, Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults()));
    }
}
