package io.sparkwise.analysis.compare;

import io.sparkwise.analysis.ApplicationProfile;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskMetricTotals;

import java.util.function.ToLongFunction;

/**
 * The numbers a comparison puts side by side, one entry per number: its JSON name, its label, its
 * unit and how to read it from an application. Times are milliseconds, also those Spark records in
 * nanoseconds (CPU and shuffle write time), so every time in a comparison adds up with the others.
 */
public enum RunMetric {
    WALL_TIME("wallTime", "wall time", Group.TIME, Unit.MILLISECONDS, run -> run.profile().wallTimeMs()),
    ALLOCATED_CORE_TIME("allocatedCoreTime", "allocated core time", Group.TIME, Unit.CORE_MILLISECONDS,
            run -> run.profile().allocatedCoreMs()),
    TASK_CORE_TIME("taskCoreTime", "task core time", Group.TIME, Unit.CORE_MILLISECONDS,
            run -> run.profile().taskCoreMs()),

    EXECUTOR_CPU_TIME("executorCpuTime", "CPU time", Group.COST_DRIVERS, Unit.MILLISECONDS,
            run -> run.totals().executorCpuTime() / 1_000_000),
    JVM_GC_TIME("jvmGcTime", "GC time", Group.COST_DRIVERS, Unit.MILLISECONDS, run -> run.totals().jvmGcTime()),
    SHUFFLE_FETCH_WAIT_TIME("shuffleFetchWaitTime", "shuffle fetch wait", Group.COST_DRIVERS, Unit.MILLISECONDS,
            run -> run.totals().get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME)),
    SHUFFLE_WRITE_TIME("shuffleWriteTime", "shuffle write time", Group.COST_DRIVERS, Unit.MILLISECONDS,
            run -> run.totals().get(TaskMetric.SHUFFLE_WRITE_TIME) / 1_000_000),
    EXECUTOR_DESERIALIZE_TIME("executorDeserializeTime", "task deserialization", Group.COST_DRIVERS,
            Unit.MILLISECONDS, run -> run.totals().get(TaskMetric.EXECUTOR_DESERIALIZE_TIME)),
    FAILED_TASK_TIME("failedTaskTime", "time of failed tasks", Group.COST_DRIVERS, Unit.MILLISECONDS,
            run -> run.app().taskFailures().stream().mapToLong(TaskFailureGroup::wastedTaskTime).sum()),

    INPUT_BYTES("inputBytes", "input read", Group.DATA, Unit.BYTES, run -> run.totals().inputBytes()),
    SHUFFLE_READ_BYTES("shuffleReadBytes", "shuffle read", Group.DATA, Unit.BYTES,
            run -> run.totals().shuffleReadBytes()),
    SHUFFLE_WRITE_BYTES("shuffleWriteBytes", "shuffle write", Group.DATA, Unit.BYTES,
            run -> run.totals().shuffleWriteBytes()),
    OUTPUT_BYTES("outputBytes", "output written", Group.DATA, Unit.BYTES, run -> run.totals().outputBytes()),
    MEMORY_BYTES_SPILLED("memoryBytesSpilled", "spilled (memory)", Group.DATA, Unit.BYTES,
            run -> run.totals().memoryBytesSpilled()),
    DISK_BYTES_SPILLED("diskBytesSpilled", "spilled (disk)", Group.DATA, Unit.BYTES,
            run -> run.totals().diskBytesSpilled()),

    JOBS("jobs", "jobs", Group.WORK, Unit.COUNT, run -> run.app().jobs().size()),
    FAILED_JOBS("failedJobs", "failed jobs", Group.WORK, Unit.COUNT,
            run -> run.app().jobs().stream().map(Job::status).filter(JobStatus.FAILED::equals).count()),
    STAGE_ATTEMPTS("stageAttempts", "stage attempts", Group.WORK, Unit.COUNT, run -> run.app().stages().size()),
    FAILED_STAGE_ATTEMPTS("failedStageAttempts", "failed stage attempts", Group.WORK, Unit.COUNT,
            run -> run.app().stages().stream().map(StageAttempt::status).filter(StageStatus.FAILED::equals).count()),
    TASKS("tasks", "tasks completed", Group.WORK, Unit.COUNT,
            run -> run.app().stages().stream().mapToLong(StageAttempt::numCompleteTasks).sum()),
    FAILED_TASKS("failedTasks", "tasks failed", Group.WORK, Unit.COUNT,
            run -> run.app().stages().stream().mapToLong(StageAttempt::numFailedTasks).sum());

    /** Sections of a comparison, in the order reports show them. */
    public enum Group {
        TIME("time", "Time"),
        COST_DRIVERS("costDrivers", "Cost drivers (task time spent on)"),
        DATA("data", "Data"),
        WORK("work", "Work");

        private final String apiName;
        private final String title;

        Group(String apiName, String title) {
            this.apiName = apiName;
            this.title = title;
        }

        public String apiName() {
            return apiName;
        }

        public String title() {
            return title;
        }
    }

    /** Units of the values; core time is cores x milliseconds. */
    public enum Unit {
        MILLISECONDS("ms"), CORE_MILLISECONDS("core-ms"), BYTES("bytes"), COUNT("count");

        private final String apiName;

        Unit(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    private final String apiName;
    private final String label;
    private final Group group;
    private final Unit unit;
    private final ToLongFunction<Run> reader;

    RunMetric(String apiName, String label, Group group, Unit unit, ToLongFunction<Run> reader) {
        this.apiName = apiName;
        this.label = label;
        this.group = group;
        this.unit = unit;
        this.reader = reader;
    }

    public String apiName() {
        return apiName;
    }

    public String label() {
        return label;
    }

    public Group group() {
        return group;
    }

    public Unit unit() {
        return unit;
    }

    long read(Run run) {
        return reader.applyAsLong(run);
    }

    /** An application with what several metrics derive from it, computed once. */
    record Run(Application app, ApplicationProfile profile, TaskMetricTotals totals) {
        static Run of(Application app) {
            return new Run(app, ApplicationProfile.of(app), app.totals());
        }
    }
}
