package io.sparkwise.engine.json;

import io.sparkwise.advisor.cost.CostReport;
import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Impact;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.JsonTree.Obj;
import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskDistributions;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.FoldedTotals;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;
import io.sparkwise.simulator.WhatIf;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.sparkwise.engine.json.JsonTree.malformed;

/**
 * Rebuilds an {@link AnalysisResult} from the object {@link ResultWriter} wrote with its
 * {@code lossless} section: the report's fields give everything they hold, the section the rest.
 * Fields this reader does not know are ignored (additions keep the schema version); derived
 * fields (the task summary's quantiles, durations, {@code shuffleReadBytes}, plan metric values)
 * are not read back, their source is.
 */
final class ResultReader {

    private final Obj root;
    private final Obj lossless;

    ResultReader(Obj root) {
        this.root = root;
        if (!root.has(ResultJson.LOSSLESS)) {
            throw malformed(root.path(ResultJson.LOSSLESS), "the lossless section: the report of `sparkwise analyze` "
                    + "leaves out what rebuilding the result needs; write results with ResultJson.toJson");
        }
        this.lossless = root.object(ResultJson.LOSSLESS);
        long version = lossless.longValue("version");
        if (version != LosslessJson.VERSION) {
            throw malformed(lossless.path("version"), LosslessJson.VERSION + " (the version this reader knows), not " + version);
        }
    }

    AnalysisResult read() {
        Application application = new Application(
                info(root.object("application")),
                environment(root.object("environment")),
                each(root.objects("resourceProfiles"), this::resourceProfile),
                each(root.objects("jobs"), this::job),
                stages(),
                executors(),
                sqlExecutions(),
                each(root.objects("taskFailures"), this::taskFailure),
                readReport(root.object("readReport")),
                root.has("folded") ? folded(root.object("folded")) : FoldedTotals.NONE);
        return new AnalysisResult(application, analysis(), cost(), simulation());
    }

    /** The cost, when the result has one: its fields, and the lossless section's rest of it. */
    private Optional<CostReport> cost() {
        return root.optObject("cost").map(cost -> CostJson.read(cost, lossless.object("cost")));
    }

    private Optional<WhatIf> simulation() {
        return root.optObject("simulation").map(simulation -> WhatIfJson.read(simulation, lossless.object("simulation")));
    }

    private ApplicationInfo info(Obj o) {
        return new ApplicationInfo(o.string("id"), o.string("name"), o.optString("attemptId"), o.string("sparkUser"),
                o.optLong("startTimeEpoch"), o.optLong("endTimeEpoch"), o.longValue("duration"),
                o.longValue("lastEventTimeEpoch"), o.optString("appSparkVersion"), o.optString("sparkMaster"),
                clusterManager(o), o.bool("completed"));
    }

    private static ClusterManager clusterManager(Obj o) {
        String label = o.string("clusterManager");
        for (ClusterManager manager : ClusterManager.values()) {
            if (manager.label().equals(label)) {
                return manager;
            }
        }
        throw malformed(o.path("clusterManager"), "a cluster manager of docs/json.md, not '" + label + "'");
    }

    private Environment environment(Obj o) {
        Obj runtime = o.object("runtime");
        return new Environment(runtime.optString("javaVersion"), runtime.optString("javaHome"),
                runtime.optString("scalaVersion"), o.pairs("sparkProperties"), lossless.pairs("hadoopProperties"),
                lossless.pairs("systemProperties"), lossless.pairs("metricsProperties"), o.intValue("classpathEntryCount"));
    }

    private ResourceProfile resourceProfile(Obj o) {
        Map<String, Long> executor = new HashMap<>();
        Obj executorResources = o.object("executorResources");
        for (String name : executorResources.fields().keySet()) {
            executor.put(name, executorResources.object(name).longValue("amount"));
        }
        Map<String, Double> task = new HashMap<>();
        Obj taskResources = o.object("taskResources");
        for (String name : taskResources.fields().keySet()) {
            task.put(name, taskResources.object(name).doubleValue("amount"));
        }
        return new ResourceProfile(o.intValue("id"), executor, task);
    }

    private Job job(Obj o) {
        return new Job(o.intValue("jobId"), o.string("name"), o.optString("description"),
                o.optLong("submissionTimeEpoch"), o.optLong("completionTimeEpoch"), o.ints("stageIds"),
                o.optString("jobGroup"), o.strings("jobTags"), enumValue(JobStatus.class, o, "status"),
                o.intValue("numTasks"), o.intValue("numActiveTasks"), o.intValue("numCompletedTasks"),
                o.intValue("numSkippedTasks"), o.intValue("numFailedTasks"), o.intValue("numKilledTasks"),
                o.intValue("numCompletedIndices"), o.intValue("numActiveStages"), o.intValue("numCompletedStages"),
                o.intValue("numSkippedStages"), o.intValue("numFailedStages"), o.intMap("killedTasksSummary"),
                o.optLong("sqlExecutionId"), o.optString("failureReason"));
    }

    private List<StageAttempt> stages() {
        List<Obj> stages = root.objects("stages");
        List<Obj> extras = parallel("stages", stages.size());
        List<StageAttempt> result = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            Obj o = stages.get(i);
            Obj extra = extras.get(i);
            result.add(new StageAttempt(o.intValue("stageId"), o.intValue("attemptId"),
                    enumValue(StageStatus.class, o, "status"), o.string("name"), o.string("details"),
                    o.optString("description"), o.string("schedulingPool"), o.intValue("numTasks"),
                    o.intValue("numActiveTasks"), o.intValue("numCompleteTasks"), o.intValue("numFailedTasks"),
                    o.intValue("numKilledTasks"), o.intValue("numCompletedIndices"), o.optLong("submissionTimeEpoch"),
                    o.optLong("firstTaskLaunchedTimeEpoch"), o.optLong("completionTimeEpoch"),
                    o.optString("failureReason"), metrics(o), distributions(extra.object("taskSketches")),
                    o.ints("parentStageIds"), o.ints("rddIds"), o.ints("jobIds"), o.intValue("resourceProfileId"),
                    o.intMap("killedTasksSummary"), extra.longMap("localitySummary"),
                    each(o.objects("taskFailures"), this::taskFailure), executorMetrics(o, "peakExecutorMetrics")));
        }
        return result;
    }

    private static FoldedTotals folded(Obj o) {
        return new FoldedTotals(o.longValue("jobs"), o.longValue("failedJobs"), o.longValue("stageAttempts"),
                o.longValue("failedStageAttempts"), o.longValue("skippedStageAttempts"), o.longValue("sqlExecutions"),
                o.longValue("failedSqlExecutions"), o.longValue("completedTasks"), o.longValue("failedTasks"),
                o.longValue("killedTasks"), metrics(o.object("taskMetrics")));
    }

    private static TaskMetricTotals metrics(Obj o) {
        TaskMetric[] metrics = TaskMetric.values();
        long[] values = new long[metrics.length];
        for (TaskMetric metric : metrics) {
            values[metric.ordinal()] = o.longValue(metric.apiName());
        }
        return TaskMetricTotals.of(values);
    }

    private static TaskDistributions distributions(Obj o) {
        Map<TaskQuantity, QuantileSketch> sketches = new EnumMap<>(TaskQuantity.class);
        for (TaskQuantity quantity : TaskQuantity.values()) {
            if (o.has(quantity.apiName())) {
                try {
                    sketches.put(quantity, QuantileSketch.decode(o.longs(quantity.apiName())));
                } catch (IllegalArgumentException e) {
                    throw malformed(o.path(quantity.apiName()), "an encoded sketch (" + e.getMessage() + ")");
                }
            }
        }
        return new TaskDistributions(sketches);
    }

    private static Optional<ExecutorMetrics> executorMetrics(Obj o, String name) {
        return o.has(name) ? Optional.of(new ExecutorMetrics(o.longMap(name))) : Optional.empty();
    }

    private TaskFailureGroup taskFailure(Obj o) {
        String kind = o.string("kind");
        TaskFailureKind failureKind = TaskFailureKind.fromSparkName(kind);
        if (!failureKind.sparkName().equals(kind)) {
            throw malformed(o.path("kind"), "a TaskEndReason of docs/json.md, not '" + kind + "'");
        }
        return new TaskFailureGroup(failureKind, o.string("cause"), o.intValue("count"), o.string("sampleMessage"),
                o.ints("stageIds"), o.strings("executorIds"), o.longValue("wastedTaskTime"));
    }

    private List<Executor> executors() {
        List<Obj> executors = root.objects("executors");
        List<String> hosts = lossless.strings("executorHosts");
        if (hosts.size() != executors.size()) {
            throw malformed(lossless.path("executorHosts"), "one host for each of the " + executors.size() + " executors");
        }
        List<Executor> result = new ArrayList<>(executors.size());
        for (int i = 0; i < executors.size(); i++) {
            Obj o = executors.get(i);
            Optional<Executor.MemoryMetrics> memory = o.optObject("memoryMetrics").map(m -> new Executor.MemoryMetrics(
                    m.longValue("usedOnHeapStorageMemory"), m.longValue("usedOffHeapStorageMemory"),
                    m.longValue("totalOnHeapStorageMemory"), m.longValue("totalOffHeapStorageMemory")));
            Map<String, List<String>> resources = new HashMap<>();
            Obj resourceObject = o.object("resources");
            for (String name : resourceObject.fields().keySet()) {
                resources.put(name, resourceObject.object(name).strings("addresses"));
            }
            result.add(new Executor(o.string("id"), o.string("hostPort"), hosts.get(i), o.bool("isActive"),
                    o.intValue("totalCores"), o.intValue("maxTasks"), o.longValue("addTimeEpoch"),
                    o.optLong("removeTimeEpoch"), o.optString("removeReason"), o.longValue("maxMemory"), memory,
                    o.intValue("activeTasks"), o.intValue("failedTasks"), o.intValue("completedTasks"),
                    o.intValue("totalTasks"), o.longValue("totalDuration"), o.longValue("totalGCTime"),
                    o.longValue("totalInputBytes"), o.longValue("totalShuffleRead"), o.longValue("totalShuffleWrite"),
                    o.intValue("rddBlocks"), o.longValue("memoryUsed"), o.longValue("diskUsed"), o.bool("isExcluded"),
                    o.ints("excludedInStages"), o.intValue("resourceProfileId"), o.stringMap("executorLogs"),
                    o.stringMap("attributes"), resources, executorMetrics(o, "peakMemoryMetrics")));
        }
        return result;
    }

    private List<SqlExecution> sqlExecutions() {
        List<Obj> executions = root.objects("sql");
        List<Obj> extras = parallel("sql", executions.size());
        List<SqlExecution> result = new ArrayList<>(executions.size());
        for (int i = 0; i < executions.size(); i++) {
            Obj o = executions.get(i);
            Obj extra = extras.get(i);
            Map<Long, SqlExecution.SqlMetricValue> values = new HashMap<>();
            List<?> rows = extra.list("metricValues");
            for (int r = 0; r < rows.size(); r++) {
                String at = extra.path("metricValues") + "[" + r + "]";
                List<?> row = JsonTree.asList(rows.get(r), at);
                if (row.size() != 5) {
                    throw malformed(at, "[accumulatorId, sum, min, max, updates]");
                }
                values.put(JsonTree.asLong(row.get(0), at), new SqlExecution.SqlMetricValue(JsonTree.asLong(row.get(1), at),
                        JsonTree.asLong(row.get(2), at), JsonTree.asLong(row.get(3), at), JsonTree.asLong(row.get(4), at)));
            }
            result.add(new SqlExecution(o.longValue("id"), o.string("description"), extra.string("details"),
                    o.string("planDescription"), o.optLong("submissionTimeEpoch"), o.optLong("completionTimeEpoch"),
                    o.string("status"), o.optString("errorMessage"), o.ints("successJobIds"), o.ints("failedJobIds"),
                    o.ints("runningJobIds"), o.optObject("plan").map(ResultReader::planNode), values,
                    o.optLong("rootExecutionId")));
        }
        return result;
    }

    private static SparkPlanNode planNode(Obj o) {
        List<SparkPlanNode.SqlMetric> metrics = each(o.objects("metrics"), m ->
                new SparkPlanNode.SqlMetric(m.string("name"), m.longValue("accumulatorId"), m.string("metricType")));
        Map<String, String> metadata = o.has("metadata") ? o.stringMap("metadata") : Map.of();
        return new SparkPlanNode(o.string("nodeName"), o.string("simpleString"),
                each(o.objects("children"), ResultReader::planNode), metadata, metrics);
    }

    private static ReadReport readReport(Obj o) {
        List<ReadReport.DamagedLine> damaged = each(o.objects("damagedLines"),
                d -> new ReadReport.DamagedLine(d.string("file"), d.longValue("line"), d.string("reason")));
        return new ReadReport(o.string("source"), o.strings("files"), o.longValue("bytesRead"), o.longValue("lines"),
                o.longValue("events"), o.longMap("eventCounts"), o.longMap("unknownEvents"), damaged,
                o.longValue("damagedLineCount"), o.bool("truncatedLastLine"), o.bool("inProgress"), o.strings("notes"));
    }

    private Analysis analysis() {
        List<Obj> findings = root.objects("findings");
        List<Obj> extras = parallel("findings", findings.size());
        List<Finding> result = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            result.add(finding(findings.get(i), extras.get(i)));
        }
        return new Analysis(result, root.stringMap("recommendedConfig"), root.strings("configNotes"),
                root.strings("ruleErrors"));
    }

    private static Finding finding(Obj o, Obj extra) {
        Severity severity;
        try {
            severity = Severity.parse(o.string("severity"));
        } catch (IllegalArgumentException e) {
            throw malformed(o.path("severity"), "info, warning or critical");
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        Obj plain = o.object("evidence");
        for (String name : plain.fields().keySet()) {
            evidence.put(name, JsonTree.requireValue(plain.fields().get(name), plain.path(name)));
        }
        Obj typed = extra.object("evidence");
        for (String name : typed.fields().keySet()) {
            if (!evidence.containsKey(name)) {
                throw malformed(typed.path(name), "evidence the finding has");
            }
            evidence.put(name, EvidenceValues.readTyped(typed.fields().get(name), typed.path(name)));
        }
        List<?> impact = extra.list("impact");
        if (impact.size() != 2) {
            throw malformed(extra.path("impact"), "[wastedCoreSeconds, estimatedSavingsPct]");
        }
        double wasted = exact(impact.get(0), extra.path("impact") + "[0]");
        double savings = exact(impact.get(1), extra.path("impact") + "[1]");
        Obj recommendation = o.object("recommendation");
        String ruleId = o.string("ruleId");
        Scope scope = scope(o.object("scope"));
        return new Finding(ruleId, severity, o.string("title"), scope, subject(o, ruleId, scope), evidence,
                new Impact(wasted, savings),
                new Recommendation(recommendation.string("text"), recommendation.stringMap("config")),
                o.strings("missingEvidence"), o.optString("causedBy"));
    }

    /** The subject is the part of the key after {@code ruleId@scope#} (docs/rules.md, "Finding keys"). */
    private static Optional<String> subject(Obj o, String ruleId, Scope scope) {
        String key = o.string("key");
        String prefix = ruleId + "@" + scope.key();
        if (key.equals(prefix)) {
            return Optional.empty();
        }
        if (key.startsWith(prefix + "#") && key.length() > prefix.length() + 1) {
            return Optional.of(key.substring(prefix.length() + 1));
        }
        throw malformed(o.path("key"), prefix + " or " + prefix + "#SUBJECT");
    }

    /** A number, or the text of an infinite one (see LosslessJson). */
    private static double exact(Object value, String path) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if ("Infinity".equals(value)) {
            return Double.POSITIVE_INFINITY;
        }
        throw malformed(path, "a number");
    }

    private static Scope scope(Obj o) {
        return new Scope(optInt(o, "jobId"), optInt(o, "stageId"), optInt(o, "stageAttemptId"), o.optLong("sqlId"),
                o.optString("executorId"));
    }

    private static OptionalInt optInt(Obj o, String name) {
        return o.has(name) ? OptionalInt.of(o.intValue(name)) : OptionalInt.empty();
    }

    /** The lossless section's array {@code name}, one entry for each of the report's {@code count}. */
    private List<Obj> parallel(String name, int count) {
        List<Obj> extras = lossless.objects(name);
        if (extras.size() != count) {
            throw malformed(lossless.path(name), "one entry for each of the " + count + " " + name + " entries");
        }
        return extras;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Obj o, String name) {
        String value = o.string(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw malformed(o.path(name), "a " + type.getSimpleName() + " of docs/json.md, not '" + value + "'");
        }
    }

    private static <T> List<T> each(List<Obj> objects, java.util.function.Function<Obj, T> reader) {
        List<T> result = new ArrayList<>(objects.size());
        for (Obj o : objects) {
            result.add(reader.apply(o));
        }
        return result;
    }
}
