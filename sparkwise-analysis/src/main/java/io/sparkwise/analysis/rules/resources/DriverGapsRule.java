package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkDurations;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Time in which no stage ran: the driver was working alone (query planning, file listing, collect
 * or toPandas, Python on the driver, waiting between jobs). Busy intervals are the stage attempts'
 * submission-to-completion windows; the gaps between them inside the application's run are
 * reported when they are long.
 *
 * <p>Wasted core-seconds: executor core time alive during the reported gaps (none in local mode,
 * where the driver is the executor and no separate executors are paid for).
 */
public final class DriverGapsRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.driver-gaps";

    public DriverGapsRule() {
        super(ID, RuleCategory.RESOURCES,
                "Long stretches with no stage running: driver-side work while executors wait");
    }

    /** One stretch with no stage running. */
    record Gap(long startMs, long endMs, String where) {
        long length() {
            return endMs - startMs;
        }
    }

    /** A gap is known only once the next stage starts, and its share only over the whole run. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        Application app = context.application();
        List<Gap> gaps = reportedGaps(context);
        if (gaps.isEmpty()) {
            return List.of();
        }
        long start = Cluster.appStart(app);
        long wall = Cluster.appEnd(app) - start;
        long total = gaps.stream().mapToLong(Gap::length).sum();
        double sharePct = 100.0 * total / wall;
        long coreMs = coreMsInGaps(app, gaps);
        Gap longest = gaps.stream().max(Comparator.comparingLong(Gap::length)).orElseThrow();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("gaps", gaps.size());
        evidence.put("totalGapMs", total);
        evidence.put("gapSharePct", Format.round(sharePct, 1));
        evidence.put("longestGapMs", longest.length());
        evidence.put("longestGap", longest.where() + ", from " + Format.millis(longest.startMs() - start) + " into the run");
        evidence.put("wallTimeMs", wall);
        evidence.put("executorCoreSecondsInGaps", Math.round(coreMs / 1000.0));
        String title = Format.pct(sharePct) + " of the run had no stage running (" + gaps.size() + " gap"
                + (gaps.size() == 1 ? "" : "s") + ", longest " + Format.millis(longest.length()) + ")";
        double wasted = coreMs / 1000.0;
        return List.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix(app, longest, coreMs), List.of(), Optional.empty()));
    }

    /**
     * The gaps this rule reports (long enough, and together a large enough share of the run), or
     * none when it would not fire or is disabled. Other rules use it so that executor time idle
     * in these gaps is counted once, here.
     */
    static List<Gap> reportedGaps(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        long start = Cluster.appStart(app);
        long end = Cluster.appEnd(app);
        long wall = end - start;
        if (!settings.enabled() || wall <= 0 || app.stages().isEmpty()) {
            return List.of();
        }
        List<Gap> gaps = gaps(app, start, end).stream().filter(g -> g.length() >= settings.getLong("minGapMs")).toList();
        long total = gaps.stream().mapToLong(Gap::length).sum();
        return 100.0 * total / wall < settings.get("minGapSharePct") ? List.of() : gaps;
    }

    /** Executor core time alive during the gaps: all of it idle, since no stage ran (none in local mode). */
    static long coreMsInGaps(Application app, List<Gap> gaps) {
        return Cluster.isLocal(app) ? 0 : gaps.stream().mapToLong(g -> Cluster.coreMsAlive(app, g.startMs(), g.endMs())).sum();
    }

    /** The complement of the merged stage windows within [start, end], labelled by their neighbours. */
    static List<Gap> gaps(Application app, long start, long end) {
        List<StageAttempt> windows = app.stages().stream().filter(s -> s.submissionTime().isPresent())
                .sorted(Comparator.comparingLong(s -> s.submissionTime().getAsLong())).toList();
        List<Gap> out = new ArrayList<>();
        long busyUntil = start;
        Integer previous = null;   // the stage that ended last before the current position
        for (StageAttempt s : windows) {
            long from = Math.max(start, s.submissionTime().getAsLong());
            long to = Math.min(end, s.completionTime().orElse(end));
            if (from > busyUntil) {
                out.add(new Gap(busyUntil, from, previous == null ? "before the first stage (" + s.stageId() + ")"
                        : "between stage " + previous + " and stage " + s.stageId()));
            }
            if (to >= busyUntil) {
                busyUntil = to;
                previous = s.stageId();
            }
        }
        if (end > busyUntil) {
            out.add(new Gap(busyUntil, end, "after the last stage"));
        }
        return out;
    }

    private static Recommendation fix(Application app, Gap longest, long coreMs) {
        String text = "No stage ran for " + Format.millis(longest.length()) + " " + longest.where() + ": the driver was "
                + "working alone. Typical causes: collect()/toPandas() or Python loops on the driver (keep the work in "
                + "DataFrame operations and write results out instead), listing many files or partitions (Spark lists "
                + "in parallel above spark.sql.sources.parallelPartitionDiscovery.threshold paths; use a table format "
                + "with a metadata catalog), schema inference (give the schema), or sleeps between jobs.";
        Map<String, String> config = Map.of();
        long idleTimeout = SparkDurations.parseMs(app.environment().sparkProperty("spark.dynamicAllocation.executorIdleTimeout")
                .orElse(null), TimeUnit.SECONDS).orElse(SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S * 1000);
        if (coreMs > 0 && !Cluster.dynamicAllocation(app) && longest.length() > idleTimeout) {
            config = Cluster.enableDynamicAllocation(app);
            text += " Executors sat idle through the gaps: dynamic allocation releases them after the idle timeout.";
        }
        if (!Proposals.valid(app.environment().sparkProperties(), config)) {
            config = Map.of();
        }
        return new Recommendation(text, config);
    }
}
