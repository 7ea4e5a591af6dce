package io.sparkwise.agent;

import io.sparkwise.analysis.Finding;
import io.sparkwise.model.TaskMetricTotals;
import io.sparkwise.state.event.TaskEndReason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * What the agent counts, and its rendering as Prometheus text. Written by the worker thread
 * (and, for dropped events, the listener-bus thread), read by the endpoint's thread: every value
 * is an atomic, the findings a map replaced whole.
 */
final class AgentMetrics {

    /** Task outcomes as Spark's AppStatusListener counts them: killed are TaskKilled and TaskCommitDenied. */
    enum TaskOutcome { SUCCESS, FAILED, KILLED }

    final AtomicLong jobsRunning = new AtomicLong();
    final AtomicLong jobsSucceeded = new AtomicLong();
    final AtomicLong jobsFailed = new AtomicLong();
    final AtomicLong stagesRunning = new AtomicLong();
    final AtomicLong stagesComplete = new AtomicLong();
    final AtomicLong stagesFailed = new AtomicLong();
    final AtomicLong tasksRunning = new AtomicLong();
    final AtomicLong[] tasks = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    final AtomicLong sqlRunning = new AtomicLong();
    final AtomicLong sqlSucceeded = new AtomicLong();
    final AtomicLong sqlFailed = new AtomicLong();
    final AtomicLong executorsActive = new AtomicLong();
    final AtomicLong executorsRemoved = new AtomicLong();
    final LongAdder inputBytes = new LongAdder();
    final LongAdder shuffleReadBytes = new LongAdder();
    final LongAdder shuffleWriteBytes = new LongAdder();
    final LongAdder memorySpillBytes = new LongAdder();
    final LongAdder diskSpillBytes = new LongAdder();
    final LongAdder gcMillis = new LongAdder();
    final LongAdder runMillis = new LongAdder();
    final AtomicLong applicationEnded = new AtomicLong();

    final LongAdder eventsDropped = new LongAdder();
    final LongAdder eventsProcessed = new LongAdder();
    final LongAdder processingNanos = new LongAdder();
    final AtomicLong snapshots = new AtomicLong();
    final AtomicLong snapshotErrors = new AtomicLong();
    final AtomicLong conversionErrors = new AtomicLong();
    final AtomicLong ruleErrors = new AtomicLong();

    private volatile Map<List<String>, Integer> findings = Map.of();
    private volatile String job = "";
    private volatile String appId = "";
    private final IntSupplier queueDepth;

    AgentMetrics(IntSupplier queueDepth) {
        this.queueDepth = queueDepth;
    }

    void identity(String job, String appId) {
        this.job = job;
        this.appId = appId;
    }

    String job() {
        return job;
    }

    void taskEnded(TaskEndReason reason, TaskMetricTotals metrics) {
        TaskOutcome outcome = reason instanceof TaskEndReason.Success ? TaskOutcome.SUCCESS
                : reason instanceof TaskEndReason.TaskKilled || reason instanceof TaskEndReason.TaskCommitDenied
                ? TaskOutcome.KILLED : TaskOutcome.FAILED;
        tasks[outcome.ordinal()].incrementAndGet();
        if (metrics != null) {
            inputBytes.add(metrics.inputBytes());
            shuffleReadBytes.add(metrics.shuffleReadBytes());
            shuffleWriteBytes.add(metrics.shuffleWriteBytes());
            memorySpillBytes.add(metrics.memoryBytesSpilled());
            diskSpillBytes.add(metrics.diskBytesSpilled());
            gcMillis.add(metrics.jvmGcTime());
            runMillis.add(metrics.executorRunTime());
        }
    }

    /** The current findings, counted by rule and severity. */
    void findings(List<Finding> current) {
        Map<List<String>, Integer> counts = new TreeMap<>((a, b) -> String.join("\0", a).compareTo(String.join("\0", b)));
        for (Finding f : current) {
            counts.merge(List.of(f.ruleId(), f.severity().label()), 1, Integer::sum);
        }
        findings = counts;
    }

    String render() {
        Map<String, String> common = new LinkedHashMap<>();
        common.put("job", job);
        common.put("app_id", appId);
        PrometheusText t = new PrometheusText(common);
        t.family("sparkwise_application_ended", "gauge", "1 once the application has ended.")
                .sample("sparkwise_application_ended", applicationEnded.get());
        t.family("sparkwise_jobs_running", "gauge", "Jobs running now.")
                .sample("sparkwise_jobs_running", jobsRunning.get());
        t.family("sparkwise_jobs_total", "counter", "Jobs ended, by status.")
                .sample("sparkwise_jobs_total", Map.of("status", "succeeded"), jobsSucceeded.get())
                .sample("sparkwise_jobs_total", Map.of("status", "failed"), jobsFailed.get());
        t.family("sparkwise_stages_running", "gauge", "Stage attempts running now.")
                .sample("sparkwise_stages_running", stagesRunning.get());
        t.family("sparkwise_stages_total", "counter", "Stage attempts ended, by status.")
                .sample("sparkwise_stages_total", Map.of("status", "complete"), stagesComplete.get())
                .sample("sparkwise_stages_total", Map.of("status", "failed"), stagesFailed.get());
        t.family("sparkwise_sql_executions_running", "gauge", "SQL executions running now.")
                .sample("sparkwise_sql_executions_running", sqlRunning.get());
        t.family("sparkwise_sql_executions_total", "counter", "SQL executions ended, by status.")
                .sample("sparkwise_sql_executions_total", Map.of("status", "succeeded"), sqlSucceeded.get())
                .sample("sparkwise_sql_executions_total", Map.of("status", "failed"), sqlFailed.get());
        t.family("sparkwise_tasks_running", "gauge", "Tasks running now.")
                .sample("sparkwise_tasks_running", tasksRunning.get());
        t.family("sparkwise_tasks_total", "counter", "Tasks ended, by outcome (killed: killed or commit denied).");
        for (TaskOutcome o : TaskOutcome.values()) {
            t.sample("sparkwise_tasks_total", Map.of("outcome", o.name().toLowerCase(java.util.Locale.ROOT)),
                    tasks[o.ordinal()].get());
        }
        t.family("sparkwise_executors_active", "gauge", "Executors added and not removed.")
                .sample("sparkwise_executors_active", executorsActive.get());
        t.family("sparkwise_executors_removed_total", "counter", "Executors removed.")
                .sample("sparkwise_executors_removed_total", executorsRemoved.get());
        bytes(t, "sparkwise_input_bytes_total", "Bytes read from input by ended tasks.", inputBytes);
        bytes(t, "sparkwise_shuffle_read_bytes_total", "Shuffle bytes read (local and remote) by ended tasks.",
                shuffleReadBytes);
        bytes(t, "sparkwise_shuffle_write_bytes_total", "Shuffle bytes written by ended tasks.", shuffleWriteBytes);
        bytes(t, "sparkwise_memory_spill_bytes_total", "Bytes spilled, as in memory (memoryBytesSpilled).",
                memorySpillBytes);
        bytes(t, "sparkwise_disk_spill_bytes_total", "Bytes spilled, as on disk (diskBytesSpilled).",
                diskSpillBytes);
        t.family("sparkwise_executor_run_seconds_total", "counter", "Executor run time of ended tasks.")
                .sample("sparkwise_executor_run_seconds_total", runMillis.sum() / 1000.0);
        t.family("sparkwise_gc_seconds_total", "counter", "JVM GC time of ended tasks.")
                .sample("sparkwise_gc_seconds_total", gcMillis.sum() / 1000.0);
        t.family("sparkwise_findings", "gauge", "Current findings, by rule and severity.");
        for (Map.Entry<List<String>, Integer> f : findings.entrySet()) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("rule", f.getKey().get(0));
            labels.put("severity", f.getKey().get(1));
            t.sample("sparkwise_findings", labels, f.getValue());
        }
        t.family("sparkwise_agent_queue_depth", "gauge", "Events waiting for the agent's worker.")
                .sample("sparkwise_agent_queue_depth", queueDepth.getAsInt());
        t.family("sparkwise_agent_events_dropped_total", "counter", "Events dropped because the queue was full.")
                .sample("sparkwise_agent_events_dropped_total", eventsDropped.sum());
        t.family("sparkwise_agent_event_processing_seconds", "summary",
                        "Time the worker spent per event (state, snapshot, rules).")
                .sample("sparkwise_agent_event_processing_seconds_count", eventsProcessed.sum())
                .sample("sparkwise_agent_event_processing_seconds_sum", processingNanos.sum() / 1e9);
        t.family("sparkwise_agent_snapshots_total", "counter", "Snapshots of the application taken for the rules.")
                .sample("sparkwise_agent_snapshots_total", snapshots.get());
        t.family("sparkwise_agent_snapshot_errors_total", "counter", "Events the state could not take, snapshots or analyses that threw (the first is logged).")
                .sample("sparkwise_agent_snapshot_errors_total", snapshotErrors.get());
        t.family("sparkwise_agent_conversion_errors_total", "counter",
                        "Spark events that could not be converted (the first is logged).")
                .sample("sparkwise_agent_conversion_errors_total", conversionErrors.get());
        t.family("sparkwise_agent_rule_errors", "gauge", "Rules that threw at least once (each logged once).")
                .sample("sparkwise_agent_rule_errors", ruleErrors.get());
        return t.toString();
    }

    private static void bytes(PrometheusText t, String name, String help, LongAdder value) {
        t.family(name, "counter", help).sample(name, value.sum());
    }
}
