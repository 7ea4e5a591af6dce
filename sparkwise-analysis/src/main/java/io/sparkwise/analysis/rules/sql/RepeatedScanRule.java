package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
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
import java.util.TreeSet;

/**
 * The same data read from storage several times, in one query or across queries: same Location
 * (or table name), same partition filters. A cache candidate.
 *
 * <p>Wasted core-seconds: for every read after the first, its share of its query's input stages'
 * run time (split by input bytes): what reading from a cache would have saved, before the cost of
 * caching.
 */
public final class RepeatedScanRule extends BaseRule implements ApplicationRule {

    public static final String ID = "sql.repeated-scan";

    public RepeatedScanRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "The same relation is read from storage several times");
    }

    private record Read(SqlExecution sql, SparkPlanNode scan, long bytes) {
    }

    /** Looks across SQL executions: a relation read N times so far has been read N times. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Map<String, List<Read>> byRelation = new LinkedHashMap<>();
        for (SqlExecution sql : context.application().sqlExecutions()) {
            for (SparkPlanNode scan : SqlPlans.nodes(sql, n -> NativeOperators.isRelationScan(n.nodeName()))) {
                Optional<String> key = relationKey(scan);
                OptionalLong bytes = SqlPlans.metric(sql, scan, "size of files read");
                if (key.isPresent() && bytes.isPresent() && bytes.getAsLong() >= settings.getLong("minBytesPerScan")) {
                    byRelation.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(new Read(sql, scan, bytes.getAsLong()));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byRelation.forEach((relation, reads) -> {
            if (reads.size() >= settings.getLong("minScans")) {
                findings.add(finding(context, reads).withSubject("relation:" + relation));
            }
        });
        return findings;
    }

    /**
     * What identifies the data a scan reads: its Location (or, without one, the table in the
     * operator name) and its partition filters, without expression ids; empty when the scan names
     * no relation.
     */
    static Optional<String> relationKey(SparkPlanNode scan) {
        String location = scan.metadata().get("Location");
        String partitions = SqlPlans.withoutExprIds(scan.metadata().getOrDefault("PartitionFilters", "[]"));
        String format = scan.metadata().getOrDefault("Format", "");
        if (location != null && !location.isBlank()) {
            return Optional.of(format + "|" + location.trim() + "|" + partitions);
        }
        String name = NativeOperators.canonicalName(scan.nodeName());
        String[] words = name.split("\\s+");
        // "Scan hive default.tbl", "Scan JDBCRelation(orders) [numPartitions=1]": a relation named in the operator.
        if (words.length >= 3 || name.contains("JDBCRelation")) {
            return Optional.of(name + "|" + partitions);
        }
        return Optional.empty();
    }

    private static Finding finding(AnalysisContext context, List<Read> reads) {
        Application app = context.application();
        TreeSet<Long> sqlIds = new TreeSet<>();
        long totalBytes = 0;
        double wasted = 0;
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            sqlIds.add(r.sql().id());
            totalBytes += r.bytes();
            if (i > 0) {
                wasted += SqlPlans.scanCoreSeconds(app, r.sql(), r.bytes());
            }
        }
        SparkPlanNode first = reads.get(0).scan();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("scan", SqlPlans.shorten(first.nodeName(), 120));
        evidence.put("location", SqlPlans.shorten(first.metadata().getOrDefault("Location", ""), 200));
        evidence.put("reads", reads.size());
        evidence.put("sqlExecutionIds", List.copyOf(sqlIds));
        evidence.put("sizeOfFilesReadBytes", totalBytes);
        evidence.put("repeatedReadExecutorRunTimeMs", Math.round(wasted * 1000));
        Scope scope = sqlIds.size() == 1 ? Scope.sql(sqlIds.first()) : Scope.APPLICATION;
        String title = "The same data (" + Format.bytes(reads.get(0).bytes()) + ") is read " + reads.size()
                + " times" + (sqlIds.size() == 1 ? " in SQL " + sqlIds.first() : " by " + sqlIds.size() + " queries");
        return new Finding(ID, context.severityFor(wasted), title, scope, evidence, context.impact(wasted),
                fix(app, sqlIds.size() == 1), List.of(), Optional.empty());
    }

    private static Recommendation fix(Application app, boolean oneQuery) {
        String text = "Read it once: cache the DataFrame after the read and its filters (df.persist(StorageLevel."
                + "MEMORY_AND_DISK), or CACHE TABLE) and reuse it, then unpersist it when done; check that the cached size "
                + "fits the executors' storage memory. ";
        if (oneQuery) {
            text += "Within one query, a common table expression or a shared DataFrame lets Spark reuse the exchange "
                    + "(spark.sql.exchange.reuse, on by default).";
            if ("false".equals(app.environment().sparkProperties().get("spark.sql.exchange.reuse"))) {
                return new Recommendation(text + " It is off in this application.", Map.of("spark.sql.exchange.reuse", "true"));
            }
        }
        return Recommendation.text(text);
    }
}
