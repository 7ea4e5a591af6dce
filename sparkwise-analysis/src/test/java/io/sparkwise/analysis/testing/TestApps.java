package io.sparkwise.analysis.testing;

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
import java.util.function.Consumer;

/**
 * Minimal applications for rule tests (Trino's rule-test shape): only what a rule reads is set,
 * everything else has a neutral default. Times are ms from an application start at 0.
 */
public final class TestApps {

    private String master = "yarn";
    private ClusterManager clusterManager = ClusterManager.YARN;
    private long durationMs = 600_000;
    private boolean completed = true;
    private String sparkVersion = "3.5.1";
    private final Map<String, String> sparkProperties = new LinkedHashMap<>();
    private final List<Executor> executors = new ArrayList<>();
    private final List<StageAttempt> stages = new ArrayList<>();
    private final List<Job> jobs = new ArrayList<>();
    private final List<SqlExecution> sql = new ArrayList<>();
    private final List<TaskFailureGroup> failures = new ArrayList<>();

    private TestApps() {
    }

    /** A YARN application of 10 minutes with no executors, stages or properties yet. */
    public static TestApps app() {
        return new TestApps();
    }

    public TestApps local(int cores) {
        master = "local[" + cores + "]";
        clusterManager = ClusterManager.LOCAL;
        return executor(Executor.DRIVER_ID, cores, 0, OptionalLong.empty(), Optional.empty());
    }

    public TestApps durationMs(long ms) {
        durationMs = ms;
        return this;
    }

    public TestApps incomplete() {
        completed = false;
        return this;
    }

    public TestApps sparkVersion(String version) {
        sparkVersion = version;
        return this;
    }

    public TestApps property(String key, String value) {
        sparkProperties.put(key, value);
        return this;
    }

    /** An executor alive from {@code addMs} to the end of the application. */
    public TestApps executor(String id, int cores, long addMs) {
        return executor(id, cores, addMs, OptionalLong.empty(), Optional.empty());
    }

    public TestApps executor(String id, int cores, long addMs, OptionalLong removeMs, Optional<String> reason) {
        return executor(id, cores, addMs, removeMs, reason, 0, Optional.empty());
    }

    public TestApps executor(String id, int cores, long addMs, OptionalLong removeMs, Optional<String> reason,
                             long totalGcTimeMs, Optional<Map<String, Long>> peaks) {
        executors.add(new Executor(id, "host-" + id + ":7337", "host-" + id, removeMs.isEmpty(), cores, cores, addMs,
                removeMs, reason, 4L << 30, Optional.empty(), 0, 0, 0, 0, durationMs, totalGcTimeMs, 0, 0, 0, 0, 0, 0,
                false, List.of(), 0, Map.of(), Map.of(), Map.of(), peaks.map(ExecutorMetrics::new)));
        return this;
    }

    /** {@code n} executors of {@code cores} cores each, alive the whole application. */
    public TestApps executors(int n, int cores) {
        for (int i = 1; i <= n; i++) {
            executor(String.valueOf(i), cores, 0);
        }
        return this;
    }

    public TestApps stage(int stageId, Consumer<StageBuilder> spec) {
        StageBuilder b = new StageBuilder(stageId);
        spec.accept(b);
        stages.add(b.build());
        return this;
    }

    public TestApps job(int jobId, JobStatus status, List<Integer> stageIds, OptionalLong sqlId) {
        jobs.add(new Job(jobId, "job " + jobId, Optional.empty(), OptionalLong.of(0), OptionalLong.of(durationMs),
                stageIds, Optional.empty(), List.of(), status, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                status == JobStatus.FAILED ? 1 : 0, Map.of(), sqlId,
                status == JobStatus.FAILED ? Optional.of("Job aborted") : Optional.empty()));
        return this;
    }

    /** A SQL execution with a plan, linked to {@code jobIds} (add the jobs with {@link #job}). */
    public TestApps sql(long id, String description, SparkPlanNode plan, List<Integer> jobIds) {
        sql.add(new SqlExecution(id, description, "", "", OptionalLong.of(0), OptionalLong.of(durationMs), "COMPLETED",
                Optional.empty(), jobIds, List.of(), List.of(), Optional.of(plan), Map.of(), OptionalLong.empty()));
        return this;
    }

    public TestApps failure(TaskFailureKind kind, String cause, int count, String message, List<Integer> stageIds,
                            long wastedMs) {
        failures.add(new TaskFailureGroup(kind, cause, count, message, stageIds, List.of("1"), wastedMs));
        return this;
    }

    public static SparkPlanNode node(String name, String simpleString, SparkPlanNode... children) {
        return node(name, simpleString, Map.of(), children);
    }

    public static SparkPlanNode node(String name, String simpleString, Map<String, String> metadata,
                                     SparkPlanNode... children) {
        return new SparkPlanNode(name, simpleString, List.of(children), metadata, List.of());
    }

    public Application build() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spark.master", master);
        props.putAll(sparkProperties);
        Environment env = new Environment(Optional.of("17"), Optional.empty(), Optional.empty(), props, Map.of(),
                Map.of(), Map.of(), 0);
        ApplicationInfo info = new ApplicationInfo("app-test", "test", Optional.empty(), "tester", OptionalLong.of(0),
                completed ? OptionalLong.of(durationMs) : OptionalLong.empty(), durationMs, durationMs,
                Optional.ofNullable(sparkVersion), Optional.of(master), clusterManager, completed);
        ReadReport report = new ReadReport("test", List.of("test"), 0, 0, 0, Map.of(), Map.of(), List.of(), 0, false,
                !completed, List.of());
        return new Application(info, env, List.of(), jobs, stages, executors, sql, failures, report);
    }

    /** A stage attempt: by default complete, 0.0, submitted at 0 and finished at 60 s. */
    public static final class StageBuilder {
        private final int stageId;
        private int attemptId;
        private StageStatus status = StageStatus.COMPLETE;
        private String name = "stage";
        private int numTasks = -1;
        private long submitted;
        private long completed = 60_000;
        private Optional<String> failureReason = Optional.empty();
        private int failedTasks;
        private int killedTasks;
        private final long[] metrics = new long[TaskMetric.values().length];
        private final Map<TaskQuantity, QuantileSketch> sketches = new EnumMap<>(TaskQuantity.class);
        private final List<Integer> jobIds = new ArrayList<>();
        private List<Integer> parentStageIds = List.of();
        private List<Integer> rddIds = List.of();
        private final List<TaskFailureGroup> failures = new ArrayList<>();
        private Optional<ExecutorMetrics> peaks = Optional.empty();

        private StageBuilder(int stageId) {
            this.stageId = stageId;
        }

        public StageBuilder attempt(int attempt) {
            this.attemptId = attempt;
            return this;
        }

        public StageBuilder status(StageStatus s) {
            this.status = s;
            return this;
        }

        public StageBuilder name(String n) {
            this.name = n;
            return this;
        }

        public StageBuilder numTasks(int n) {
            this.numTasks = n;
            return this;
        }

        public StageBuilder window(long submittedMs, long completedMs) {
            this.submitted = submittedMs;
            this.completed = completedMs;
            return this;
        }

        public StageBuilder failed(String reason) {
            this.status = StageStatus.FAILED;
            this.failureReason = Optional.of(reason);
            return this;
        }

        public StageBuilder failedTasks(int n) {
            this.failedTasks = n;
            return this;
        }

        public StageBuilder killedTasks(int n) {
            this.killedTasks = n;
            return this;
        }

        /** Sets a total; also use {@link #tasks} for the per-task distribution. */
        public StageBuilder metric(TaskMetric metric, long total) {
            metrics[metric.ordinal()] = total;
            return this;
        }

        /** The per-task values of a quantity over the successful tasks. */
        public StageBuilder tasks(TaskQuantity quantity, long... values) {
            QuantileSketch.Builder b = new QuantileSketch.Builder();
            for (long v : values) {
                b.add(v);
            }
            sketches.put(quantity, b.build());
            if (numTasks < 0 || quantity == TaskQuantity.DURATION) {
                numTasks = Math.max(numTasks, values.length);
            }
            return this;
        }

        /** {@code n} tasks with the same value of a quantity. */
        public StageBuilder uniformTasks(TaskQuantity quantity, int n, long value) {
            long[] values = new long[n];
            java.util.Arrays.fill(values, value);
            return tasks(quantity, values);
        }

        public StageBuilder parents(Integer... stageIds) {
            this.parentStageIds = List.of(stageIds);
            return this;
        }

        public StageBuilder rdds(Integer... ids) {
            this.rddIds = List.of(ids);
            return this;
        }

        public StageBuilder job(int jobId) {
            jobIds.add(jobId);
            return this;
        }

        public StageBuilder failure(TaskFailureKind kind, String cause, int count, String message) {
            failures.add(new TaskFailureGroup(kind, cause, count, message, List.of(stageId), List.of("1"), 0));
            return this;
        }

        public StageBuilder peakExecutorMetrics(Map<String, Long> values) {
            this.peaks = Optional.of(new ExecutorMetrics(values));
            return this;
        }

        StageAttempt build() {
            int tasks = Math.max(numTasks, 0);
            long complete = sketches.getOrDefault(TaskQuantity.DURATION, QuantileSketch.EMPTY).count();
            return new StageAttempt(stageId, attemptId, status, name, "", Optional.empty(), "default", tasks, 0,
                    (int) complete, failedTasks, killedTasks, (int) complete, OptionalLong.of(submitted),
                    OptionalLong.of(submitted), OptionalLong.of(completed), failureReason,
                    TaskMetricTotals.of(metrics), new TaskDistributions(sketches), parentStageIds, rddIds, jobIds, 0,
                    Map.of(), Map.of(), failures, peaks);
        }
    }
}
