package io.sparkwise.report;

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
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.model.TaskQuantity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds small {@link Application}s by hand for renderer tests. Defaults describe a completed
 * local-mode application that started at {@link #START}; tests change only what they look at.
 */
public final class AppFixture {

    /** 2026-11-24T23:26:10.727GMT, the start of the spark4 corpus log. */
    public static final long START = 1795562770727L;

    private String id = "local-1795562771711";
    private String name = "example-small";
    private Optional<String> attemptId = Optional.empty();
    private OptionalLong startTime = OptionalLong.of(START);
    private OptionalLong endTime = OptionalLong.of(START + 6925);
    private long duration = 6925;
    private boolean completed = true;
    private Optional<String> sparkVersion = Optional.of("4.0.1");
    private Optional<String> master = Optional.of("local[2]");
    private ClusterManager clusterManager = ClusterManager.LOCAL;
    private Environment environment = Environment.EMPTY;
    private final List<ResourceProfile> resourceProfiles = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<StageAttempt> stages = new ArrayList<>();
    private final List<Executor> executors = new ArrayList<>();
    private final List<SqlExecution> sql = new ArrayList<>();
    private final List<TaskFailureGroup> taskFailures = new ArrayList<>();
    private ReadReport readReport = readReport(List.of(), 0);
    private boolean inProgress;

    public static AppFixture app() {
        return new AppFixture();
    }

    public AppFixture id(String id) {
        this.id = id;
        return this;
    }

    public AppFixture name(String name) {
        this.name = name;
        return this;
    }

    public AppFixture attemptId(String attemptId) {
        this.attemptId = Optional.of(attemptId);
        return this;
    }

    /** An application without SparkListenerApplicationEnd: no end time, duration until the last event. */
    public AppFixture incomplete(long durationToLastEvent, boolean inProgress) {
        this.completed = false;
        this.endTime = OptionalLong.empty();
        this.duration = durationToLastEvent;
        this.inProgress = inProgress;
        return this;
    }

    /** A log that says nearly nothing: no start, no version, no master. */
    public AppFixture bare() {
        this.startTime = OptionalLong.empty();
        this.sparkVersion = Optional.empty();
        this.master = Optional.empty();
        this.clusterManager = ClusterManager.UNKNOWN;
        return this;
    }

    public AppFixture yarn(String master) {
        this.master = Optional.of(master);
        this.clusterManager = ClusterManager.YARN;
        return this;
    }

    public AppFixture environment(Environment environment) {
        this.environment = environment;
        return this;
    }

    public AppFixture resourceProfile(ResourceProfile profile) {
        resourceProfiles.add(profile);
        return this;
    }

    public AppFixture job(Job job) {
        jobs.add(job);
        return this;
    }

    public AppFixture stage(StageAttempt stage) {
        stages.add(stage);
        return this;
    }

    public AppFixture executor(Executor executor) {
        executors.add(executor);
        return this;
    }

    public AppFixture sql(SqlExecution execution) {
        sql.add(execution);
        return this;
    }

    public AppFixture taskFailure(TaskFailureGroup group) {
        taskFailures.add(group);
        return this;
    }

    public AppFixture readReport(ReadReport report) {
        this.readReport = report;
        return this;
    }

    public Application build() {
        ApplicationInfo info = new ApplicationInfo(id, name, attemptId, "root", startTime, endTime, duration,
                START + duration, sparkVersion, master, clusterManager, completed);
        ReadReport report = inProgress ? withInProgress(readReport) : readReport;
        return new Application(info, environment, resourceProfiles, jobs, stages, executors, sql, taskFailures, report);
    }

    // ---- parts ----

    public static ReadReport readReport(List<ReadReport.DamagedLine> damaged, long damagedCount) {
        return new ReadReport("/logs/local-1795562771711", List.of("/logs/local-1795562771711"), 2_097_152, 120, 118,
                Map.of("SparkListenerTaskEnd", 100L, "SparkListenerJobStart", 18L), Map.of(), damaged, damagedCount,
                false, false, List.of());
    }

    private static ReadReport withInProgress(ReadReport r) {
        return new ReadReport(r.source(), r.files(), r.bytesRead(), r.lines(), r.events(), r.eventCounts(),
                r.unknownEvents(), r.damagedLines(), r.damagedLineCount(), true, true, r.notes());
    }

    public static Job job(int jobId, JobStatus status, int completedTasks, int skippedTasks) {
        return new Job(jobId, "collect at Workloads.java:95", Optional.empty(),
                OptionalLong.of(START + 1000), OptionalLong.of(START + 1500), List.of(jobId), Optional.empty(),
                List.of(), status, completedTasks + skippedTasks, 0, completedTasks, skippedTasks, 0, 0,
                completedTasks, 0, 1, skippedTasks > 0 ? 1 : 0, 0, Map.of(), OptionalLong.empty(), Optional.empty());
    }

    /** Metric totals with the given values; every other metric 0. */
    public static TaskMetricTotals metrics(Map<TaskMetric, Long> values) {
        long[] array = new long[TaskMetric.values().length];
        values.forEach((metric, value) -> array[metric.ordinal()] = value);
        return TaskMetricTotals.of(array);
    }

    public static QuantileSketch sketch(long... values) {
        QuantileSketch.Builder builder = new QuantileSketch.Builder();
        for (long value : values) {
            builder.add(value);
        }
        return builder.build();
    }

    /** A builder of stage attempts, since a StageAttempt has many fields and tests vary a few. */
    public static StageBuilder stageAttempt(int stageId, int attemptId) {
        return new StageBuilder(stageId, attemptId);
    }

    public static final class StageBuilder {
        private final int stageId;
        private final int attemptId;
        private StageStatus status = StageStatus.COMPLETE;
        private String name = "count at Workloads.java:42";
        private int numTasks = 4;
        private int numFailedTasks;
        private OptionalLong submissionTime = OptionalLong.of(START + 1000);
        private OptionalLong completionTime = OptionalLong.of(START + 3000);
        private Optional<String> failureReason = Optional.empty();
        private TaskMetricTotals metrics = TaskMetricTotals.ZERO;
        private final Map<TaskQuantity, QuantileSketch> sketches = new EnumMap<>(TaskQuantity.class);
        private final List<TaskFailureGroup> failures = new ArrayList<>();
        private Optional<ExecutorMetrics> peaks = Optional.empty();

        private StageBuilder(int stageId, int attemptId) {
            this.stageId = stageId;
            this.attemptId = attemptId;
        }

        public StageBuilder status(StageStatus status) {
            this.status = status;
            return this;
        }

        public StageBuilder name(String name) {
            this.name = name;
            return this;
        }

        public StageBuilder tasks(int numTasks, int numFailedTasks) {
            this.numTasks = numTasks;
            this.numFailedTasks = numFailedTasks;
            return this;
        }

        public StageBuilder times(OptionalLong submission, OptionalLong completion) {
            this.submissionTime = submission;
            this.completionTime = completion;
            return this;
        }

        public StageBuilder failureReason(String reason) {
            this.failureReason = Optional.of(reason);
            return this;
        }

        public StageBuilder metrics(Map<TaskMetric, Long> values) {
            this.metrics = AppFixture.metrics(values);
            return this;
        }

        public StageBuilder distribution(TaskQuantity quantity, long... values) {
            sketches.put(quantity, sketch(values));
            return this;
        }

        public StageBuilder failure(TaskFailureGroup group) {
            failures.add(group);
            return this;
        }

        public StageBuilder peakExecutorMetrics(Map<String, Long> peaks) {
            this.peaks = Optional.of(new ExecutorMetrics(new LinkedHashMap<>(peaks)));
            return this;
        }

        public StageAttempt build() {
            int complete = numTasks - numFailedTasks;
            return new StageAttempt(stageId, attemptId, status, name, "org.example.Workloads.main(Workloads.java:42)",
                    Optional.empty(), "default", numTasks, 0, complete, numFailedTasks, 0, complete,
                    submissionTime, submissionTime, completionTime, failureReason, metrics,
                    new TaskDistributions(sketches), List.of(), List.of(stageId * 2), List.of(0), 0, Map.of(), Map.of(),
                    failures, peaks);
        }
    }

    public static Executor driver(int cores) {
        return executor("driver", cores, OptionalLong.empty(), Optional.empty());
    }

    public static Executor executor(String id, int cores, OptionalLong removeTime, Optional<String> removeReason) {
        return new Executor(id, "host-" + id + ":7337", "host-" + id, removeTime.isEmpty(), cores, cores,
                START + 500, removeTime, removeReason, 1_743_991_603L, Optional.empty(), 0, 0, 10, 10, 6925, 12,
                0, 630_063, 630_063, 0, 0, 0, false, List.of(), 0, Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    public static TaskFailureGroup failure(TaskFailureKind kind, String cause, int count, long wasted) {
        return new TaskFailureGroup(kind, cause, count, cause + ": boom\n\tat org.example.Job.run(Job.java:1)",
                List.of(3), List.of("1"), wasted);
    }

    public static SqlExecution sqlExecution(long id, String description, OptionalLong duration) {
        SparkPlanNode range = new SparkPlanNode("Range", "Range (0, 200000, step=1, splits=8)", List.of(), Map.of(),
                List.of(new SparkPlanNode.SqlMetric("number of output rows", 41, "sum")));
        SparkPlanNode root = new SparkPlanNode("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])",
                List.of(range), Map.of(), List.of(new SparkPlanNode.SqlMetric("peak memory", 42, "size")));
        OptionalLong completion = duration.isPresent()
                ? OptionalLong.of(START + 2000 + duration.getAsLong()) : OptionalLong.empty();
        return new SqlExecution(id, description, "details", "== Physical Plan ==\nHashAggregate",
                OptionalLong.of(START + 2000), completion, duration.isPresent() ? "COMPLETED" : "RUNNING",
                Optional.empty(), List.of(0, 1), List.of(), List.of(), Optional.of(root),
                Map.of(41L, new SqlExecution.SqlMetricValue(200_000, 25_000, 25_000, 8)), OptionalLong.empty());
    }
}
