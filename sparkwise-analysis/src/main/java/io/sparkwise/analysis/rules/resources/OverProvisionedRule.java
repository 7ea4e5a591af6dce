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
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.analysis.rules.config.Proposals;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * More executor cores than any stage could ever use: the widest moment of the application (the most
 * tasks of stages running at the same time) needs far fewer cores than were allocated at the peak.
 * This is about width; resources.idle-executors is about time (cores idle between and after stages).
 *
 * <p>Wasted core-seconds: the allocated core-seconds times the share of the peak cores no stage
 * could use, (peakCores - peakTaskDemand) / peakCores.
 */
public final class OverProvisionedRule extends BaseRule implements ApplicationRule {

    public static final String ID = "resources.over-provisioned";

    public OverProvisionedRule() {
        super(ID, RuleCategory.RESOURCES,
                "More executor cores than the widest stage could use");
    }

    /** "No moment of the run had more than N tasks": a claim about the whole run. */
    @Override
    public boolean appliesWhileRunning() {
        return false;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        List<StageAttempt> ran = Stages.ran(app);
        OptionalInt coresPerExecutor = Cluster.coresPerExecutor(app);
        if (Cluster.isLocal(app) || ran.isEmpty() || coresPerExecutor.isEmpty() || Cluster.executors(app).size() < 2) {
            return List.of();
        }
        int peakCores = Cluster.peakConcurrentCores(app);
        int demand = Math.max(1, peakTaskDemand(ran));
        double allocated = context.profile().allocatedCoreSeconds();
        if (allocated < settings.get("minAllocatedCoreSeconds") || peakCores < settings.get("minCoresToTasksRatio") * demand) {
            return List.of();
        }
        int perExecutor = Math.max(1, coresPerExecutor.getAsInt());
        int needed = (int) Math.ceil((double) demand / perExecutor);
        double wasted = allocated * (peakCores - demand) / peakCores;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("peakConcurrentCores", peakCores);
        evidence.put("peakTaskDemand", demand);
        evidence.put("maxStageTasks", ran.stream().mapToInt(StageAttempt::numTasks).max().orElse(0));
        evidence.put("medianStageTasks", median(ran));
        evidence.put("coresPerExecutor", perExecutor);
        evidence.put("peakExecutors", (int) Math.ceil((double) peakCores / perExecutor));
        evidence.put("neededExecutors", needed);
        String title = peakCores + " executor cores at the peak, but no moment of the run had more than " + demand
                + " tasks to run (" + Format.ratio((double) peakCores / demand) + " too wide)";
        return List.of(new Finding(ID, context.severityFor(wasted), title, Scope.APPLICATION, evidence,
                context.impact(wasted), fix(app, needed, demand), List.of(), Optional.empty()));
    }

    /** The most tasks of stage attempts whose windows overlap: what the widest moment could run. */
    static int peakTaskDemand(List<StageAttempt> stages) {
        List<long[]> events = new ArrayList<>();
        for (StageAttempt s : stages) {
            if (s.submissionTime().isEmpty()) {
                continue;
            }
            long from = s.submissionTime().getAsLong();
            long to = s.completionTime().orElse(Long.MAX_VALUE);
            events.add(new long[] {from, s.numTasks()});
            events.add(new long[] {to, -s.numTasks()});
        }
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long current = 0;
        long peak = 0;
        for (long[] e : events) {
            current += e[1];
            peak = Math.max(peak, current);
        }
        int widest = stages.stream().mapToInt(StageAttempt::numTasks).max().orElse(0);
        return (int) Math.max(peak, widest);
    }

    private static int median(List<StageAttempt> stages) {
        List<Integer> tasks = stages.stream().map(StageAttempt::numTasks).sorted().toList();
        return tasks.get(tasks.size() / 2);
    }

    private static Recommendation fix(Application app, int needed, int demand) {
        Map<String, String> props = app.environment().sparkProperties();
        Map<String, String> config = new LinkedHashMap<>();
        String n = String.valueOf(needed);
        String text;
        if (Cluster.dynamicAllocation(app)) {
            config.put("spark.dynamicAllocation.maxExecutors", n);
            lowerTo(props, config, "spark.dynamicAllocation.minExecutors", needed);
            lowerTo(props, config, "spark.dynamicAllocation.initialExecutors", needed);
            lowerTo(props, config, "spark.executor.instances", needed);
            text = "Cap dynamic allocation at the executors the widest moment needs (" + demand + " tasks); lower "
                    + "bounds that keep more executors alive are lowered with it.";
        } else {
            config.put("spark.executor.instances", n);
            text = "Ask for the executors the widest moment needs (" + demand + " tasks at once), or enable dynamic "
                    + "allocation with spark.dynamicAllocation.maxExecutors=" + n + ". If the data will grow, raise the "
                    + "partition count with it instead of keeping idle cores.";
        }
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        return new Recommendation(text, config);
    }

    private static void lowerTo(Map<String, String> props, Map<String, String> config, String key, int max) {
        String v = props.get(key);
        if (v != null && v.trim().matches("\\d+") && Long.parseLong(v.trim()) > max) {
            config.put(key, String.valueOf(max));
        }
    }
}
