package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What TestApps cannot express: a SQL execution whose plan metrics have values. */
final class PartitioningFixtures {

    private PartitioningFixtures() {
    }

    /** The application with one SQL execution (id 1, jobs {@code jobIds}) whose file scan read {@code files} files. */
    static Application withFileScan(Application app, List<Integer> jobIds, long files, long bytes) {
        SparkPlanNode scan = new SparkPlanNode("Scan parquet", "FileScan parquet [a#1]", List.of(), Map.of(),
                List.of(new SparkPlanNode.SqlMetric("number of files read", 11, "sum"),
                        new SparkPlanNode.SqlMetric("size of files read", 12, "size")));
        SqlExecution sql = new SqlExecution(1, "scan", "", "", OptionalLong.of(0), OptionalLong.of(1), "COMPLETED",
                Optional.empty(), jobIds, List.of(), List.of(), Optional.of(scan),
                Map.of(11L, new SqlExecution.SqlMetricValue(files, files, files, 1),
                        12L, new SqlExecution.SqlMetricValue(bytes, bytes, bytes, 1)), OptionalLong.empty());
        return new Application(app.info(), app.environment(), app.resourceProfiles(), app.jobs(), app.stages(),
                app.executors(), List.of(sql), app.taskFailures(), app.readReport());
    }
}
