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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A Filter right above a columnar scan (Parquet, ORC, Delta, Iceberg) whose "PushedFilters" are
 * empty or only IsNotNull: the real predicate was not pushed to the reader, so every row group is
 * read and decoded before rows are dropped. Usually the predicate wraps the column in a UDF or a cast.
 *
 * <p>Row formats (CSV, JSON, text) are left out: they read every byte whatever is pushed.
 *
 * <p>Wasted core-seconds: the scan's share of its query's input stages' run time x savingsFraction.
 */
public final class ScanNoPushedFiltersRule extends BaseRule implements SqlExecutionRule {

    public static final String ID = "sql.scan-no-pushed-filters";

    private static final Set<String> COLUMNAR_FORMATS = Set.of("parquet", "orc", "delta", "iceberg");

    public ScanNoPushedFiltersRule() {
        super(ID, RuleCategory.SQL_PLAN,
                "A filter above a columnar scan was not pushed down to the reader");
    }

    @Override
    public List<Finding> evaluate(SqlExecution sql, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        List<Finding> findings = new ArrayList<>();
        for (SparkPlanNode filter : SqlPlans.nodes(sql, NativeOperators.Kind.FILTER)) {
            if (filter.children().size() != 1) {
                continue;
            }
            SparkPlanNode scan = SqlPlans.skipWrappers(filter.children().get(0));
            String condition = condition(filter);
            if (!NativeOperators.isRelationScan(scan.nodeName()) || !isColumnar(scan)
                    || !onlyNotNull(scan.metadata().get("PushedFilters")) || !hasRealPredicate(condition)) {
                continue;
            }
            OptionalLong bytes = SqlPlans.metric(sql, scan, "size of files read");
            if (bytes.isEmpty() || bytes.getAsLong() < settings.getLong("minBytesRead")) {
                continue;
            }
            findings.add(finding(context, settings, sql, filter, scan, condition, bytes.getAsLong())
                    .withSubject(SqlPlans.nodeKey(sql, filter)));
        }
        return findings;
    }

    private static String condition(SparkPlanNode filter) {
        String s = filter.simpleString().trim();
        return s.startsWith("Filter") ? s.substring("Filter".length()).trim() : s;
    }

    private static boolean isColumnar(SparkPlanNode scan) {
        String format = scan.metadata().getOrDefault("Format", scan.nodeName()).toLowerCase(Locale.ROOT);
        return COLUMNAR_FORMATS.stream().anyMatch(format::contains);
    }

    /** Empty, or nothing but IsNotNull(col) entries, which skip no data. */
    static boolean onlyNotNull(String pushed) {
        if (pushed == null) {
            return false;   // the scan does not report pushdown at all (DSv2 of some versions): no evidence
        }
        String inner = pushed.trim().replaceAll("^\\[|]$", "").trim();
        if (inner.isEmpty()) {
            return true;
        }
        for (String f : inner.split(",\\s*(?=[A-Z])")) {
            if (!f.trim().startsWith("IsNotNull(")) {
                return false;
            }
        }
        return true;
    }

    /** A condition with a predicate other than isnotnull(...). */
    static boolean hasRealPredicate(String condition) {
        String rest = condition.replaceAll("isnotnull\\([^()]*\\)", "").replaceAll("\\bAND\\b", "")
                .replaceAll("[()\\s]", "");
        return !rest.isEmpty();
    }

    static String likelyCause(String condition) {
        String c = condition.toLowerCase(Locale.ROOT);
        if (c.contains("udf") || c.contains("$$lambda") || c.contains("pythonudf")) {
            return "a UDF in the predicate";
        }
        if (c.contains("cast(")) {
            return "a cast of the column in the predicate";
        }
        return "a function of the column in the predicate";
    }

    private static Finding finding(AnalysisContext context, RuleSettings settings, SqlExecution sql, SparkPlanNode filter,
                                   SparkPlanNode scan, String condition, long bytes) {
        Application app = context.application();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("scan", SqlPlans.shorten(scan.nodeName(), 120));
        NativeOperators.engineOf(scan.nodeName()).ifPresent(e -> evidence.put("engine", e));
        evidence.put("format", scan.metadata().getOrDefault("Format", ""));
        evidence.put("filterCondition", SqlPlans.shorten(SqlPlans.withoutExprIds(condition), 200));
        evidence.put("pushedFilters", scan.metadata().get("PushedFilters"));
        evidence.put("sizeOfFilesReadBytes", bytes);
        String cause = likelyCause(condition);
        evidence.put("likelyCause", cause);
        double scanSeconds = SqlPlans.scanCoreSeconds(app, sql, bytes);
        evidence.put("scanExecutorRunTimeMs", Math.round(scanSeconds * 1000));
        double wasted = scanSeconds * settings.get("savingsFraction");
        String title = "SQL " + sql.id() + " filters " + Format.bytes(bytes) + " of " + evidence.get("format")
                + " after reading it: the filter was not pushed down to the scan";
        return new Finding(ID, context.severityFor(wasted), title, Scope.sql(sql.id()), evidence,
                context.impact(wasted), Recommendation.text("The filter (" + evidence.get("filterCondition")
                + ") did not reach the reader, likely because of " + cause + ". Compare the raw column with a literal "
                + "of the column's type (cast the literal, not the column), replace the UDF with built-in functions, "
                + "or add a plain predicate on the column next to it, so Parquet/ORC can skip row groups by their "
                + "statistics. Sorting or clustering the data on that column makes the skipping effective."),
                List.of(), Optional.empty());
    }
}
