package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.SqlExecutionRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A scan of a partitioned table with no partition filter: "PartitionFilters: []" while the scan
 * read many partitions ("number of partitions read", a metric Spark adds only to scans of
 * partitioned tables) and many bytes ("size of files read").
 *
 * <p>Wasted core-seconds: the scan's share of its query's input stages' run time (split by input
 * bytes) x savingsFraction, since the log cannot know which partitions the query needed.
 */
public final class ScanNoPartitionFilterRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.scan-no-partition-filter";

    public ScanNoPartitionFilterRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A partitioned table is read without a filter on its partition columns");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        List<Finding> findings = new ArrayList<>();
        for (SparkPlanNode scan : SqlPlans.nodes(sql, n -> NativeOperators.isRelationScan(n.nodeName()))) {
            String partitionFilters = scan.metadata().get("PartitionFilters");
            if (partitionFilters == null || !partitionFilters.trim().equals("[]")) {
                continue;
            }
            OptionalLong partitions = SqlPlans.metric(sql, scan, "number of partitions read");
            OptionalLong bytes = SqlPlans.metric(sql, scan, "size of files read");
            if (partitions.isEmpty() || bytes.isEmpty()) {
                continue;   // not a partitioned table, or a log without these metrics: no evidence
            }
            if (partitions.getAsLong() >= settings.getLong("minPartitionsRead")
                    && bytes.getAsLong() >= settings.getLong("minBytesRead")) {
                findings.add(finding(context, settings, sql, scan, partitions.getAsLong(), bytes.getAsLong())
                        .withSubject(SqlPlans.nodeKey(sql, scan)));
            }
        }
        return findings;
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, SqlExecution sql,
                                   SparkPlanNode scan, long partitions, long bytes) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("scan", SqlPlans.shorten(scan.nodeName(), 120));
        NativeOperators.engineOf(scan.nodeName()).ifPresent(e -> evidence.put("engine", e));
        evidence.put("location", SqlPlans.shorten(scan.metadata().getOrDefault("Location", ""), 200));
        evidence.put("partitionFilters", "[]");
        evidence.put("numberOfPartitionsRead", partitions);
        evidence.put("sizeOfFilesReadBytes", bytes);
        SqlPlans.metric(sql, scan, "number of files read").ifPresent(f -> evidence.put("numberOfFilesRead", f));
        double scanSeconds = SqlPlans.scanCoreSeconds(app, sql, bytes);
        evidence.put("scanExecutorRunTimeMs", Math.round(scanSeconds * 1000));
        double wasted = scanSeconds * settings.get("savingsFraction");
        String title = "SQL " + sql.id() + " reads all " + partitions + " partitions (" + Format.bytes(bytes)
                + ") of a partitioned table without a partition filter";
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), Recommendation.text("Filter on the table's partition columns (e.g. a date "
                + "range on the partition column, written directly against the column, not through a function or a "
                + "cast of it) so Spark prunes partitions before listing and reading files. If the query really "
                + "needs every partition, this finding is expected; consider a coarser table layout instead."),
                List.of(), Optional.empty());
    }
}
