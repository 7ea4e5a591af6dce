package io.sparkwise.agent;

import io.sparkwise.model.JobIdentity;
import io.sparkwise.analysis.LiveAnalyzer;
import io.sparkwise.model.Application;
import io.sparkwise.model.ReadReport;
import io.sparkwise.state.ApplicationState;
import io.sparkwise.state.RetentionLimits;
import io.sparkwise.state.event.ApplicationEnd;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ExecutorAdded;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.JobStart;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.SqlExecutionStart;
import io.sparkwise.state.event.StageCompleted;
import io.sparkwise.state.event.StageSubmitted;
import io.sparkwise.state.event.TaskEnd;
import io.sparkwise.state.event.TaskStart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one thread that owns the application state: takes the typed events off a bounded queue,
 * applies them to {@link ApplicationState}, and on each stage, job, SQL execution and executor
 * end takes a snapshot and feeds the {@link LiveAnalyzer} (ends that arrive in a burst share one
 * snapshot); the application rules on a timer and at the application's end. Nothing it does can reach Spark's listener bus: the bus only offers
 * to the queue ({@link #offer}), a full queue drops the event and counts it.
 */
final class AgentWorker implements Runnable {

    private static final System.Logger LOG = System.getLogger("io.sparkwise.agent");
    private static final String FALLBACK_APP_ID = "unknown";

    private final BlockingQueue<SparkEvent> queue;
    private final ApplicationState state = new ApplicationState(RetentionLimits.DEFAULT);
    private final LiveAnalyzer analyzer;
    private final AgentMetrics metrics;
    private final AgentSettings settings;
    private volatile boolean stopping;
    private volatile boolean applicationEnded;
    /** The ApplicationEnd event has been applied: snapshots are of a finished application. */
    private boolean endSeen;
    private long nextEvaluation;
    private boolean snapshotErrorLogged;
    private int ruleErrorsLogged;
    private String appName = "";
    private String appId = FALLBACK_APP_ID;
    private final Object endMonitor = new Object();
    /**
     * Ends (stage, job, SQL execution, executor) waiting for a snapshot. A snapshot copies the
     * whole application (up to the retention limits), so when events queue up the ends seen
     * meanwhile share one snapshot, taken when the queue is empty or the oldest has waited
     * {@link #MAX_JUDGMENT_DELAY_NANOS}: a burst of short stages costs one snapshot, not one each.
     */
    private final List<Consumer<Application>> pending = new ArrayList<>();
    private long oldestPending;
    private static final long MAX_JUDGMENT_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);

    AgentWorker(AgentSettings settings, LiveAnalyzer analyzer) {
        this.settings = settings;
        this.analyzer = analyzer;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.metrics = new AgentMetrics(queue::size);
        this.metrics.identity(JobIdentity.of(settings.job(), ""), appId);
    }

    AgentMetrics metrics() {
        return metrics;
    }

    /** From Spark's listener-bus thread: never blocks; a full queue drops the event and counts it. */
    void offer(SparkEvent event) {
        if (!queue.offer(event)) {
            metrics.eventsDropped.increment();
        }
    }

    /** Stops after the events already queued; the application's end is judged if it was queued. */
    void stop() {
        stopping = true;
    }

    /** Waits until the application's end has been processed, at most {@code millis}. */
    boolean awaitApplicationEnd(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (endMonitor) {
            while (!applicationEnded) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                endMonitor.wait(left);
            }
        }
        return true;
    }

    @Override
    public void run() {
        nextEvaluation = System.currentTimeMillis() + settings.evaluationIntervalMs();
        while (!(stopping && queue.isEmpty())) {
            SparkEvent event;
            try {
                long wait = Math.max(1, Math.min(nextEvaluation - System.currentTimeMillis(), 200));
                event = queue.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (event != null) {
                    long start = System.nanoTime();
                    process(event);
                    if (!pending.isEmpty()
                            && (queue.isEmpty() || System.nanoTime() - oldestPending > MAX_JUDGMENT_DELAY_NANOS)) {
                        List<Consumer<Application>> ends = takePending();
                        analyze(s -> ends.forEach(end -> end.accept(s)));
                    }
                    metrics.processingNanos.add(System.nanoTime() - start);
                    metrics.eventsProcessed.increment();
                }
                if (System.currentTimeMillis() >= nextEvaluation) {
                    nextEvaluation = System.currentTimeMillis() + settings.evaluationIntervalMs();
                    if (!endSeen && metrics.eventsProcessed.sum() > 0) {
                        analyze(analyzer::evaluateApplication);
                    }
                }
            } catch (OutOfMemoryError e) {
                // The driver's heap is the application's: give ours up rather than compete for it.
                LOG.log(System.Logger.Level.ERROR, "Sparkwise: out of memory in the agent; it stops, the "
                        + "application goes on", e);
                queue.clear();
                return;
            } catch (Throwable e) {
                failed("an event could not be processed", e);
            }
        }
    }

    private void process(SparkEvent event) {
        try {
            state.onEvent(event);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            failed("the state could not take " + event.getClass().getSimpleName(), e);
            return;
        }
        count(event);
        if (event instanceof StageCompleted c) {
            pend(s -> analyzer.onStageCompleted(s, c.stageInfo().stageId(), c.stageInfo().attemptId()));
        } else if (event instanceof JobEnd j) {
            pend(s -> analyzer.onJobEnd(s, j.jobId()));
        } else if (event instanceof SqlExecutionEnd q) {
            pend(s -> analyzer.onSqlExecutionEnd(s, q.executionId()));
        } else if (event instanceof ExecutorRemoved r) {
            pend(s -> analyzer.onExecutorRemoved(s, r.executorId()));
        } else if (event instanceof ApplicationEnd) {
            endSeen = true;
            List<Consumer<Application>> ends = takePending();
            analyze(s -> {
                ends.forEach(end -> end.accept(s));
                analyzer.onApplicationEnd(s);
            });
            metrics.applicationEnded.set(1);
            logSummary();
            synchronized (endMonitor) {
                applicationEnded = true;
                endMonitor.notifyAll();
            }
        }
    }

    /** An end to judge on the next snapshot. */
    private void pend(Consumer<Application> judgment) {
        if (pending.isEmpty()) {
            oldestPending = System.nanoTime();
        }
        pending.add(judgment);
    }

    private List<Consumer<Application>> takePending() {
        List<Consumer<Application>> ends = new ArrayList<>(pending);
        pending.clear();
        return ends;
    }

    /** The plain counters of the endpoint, straight from the events (no snapshot needed). */
    private void count(SparkEvent event) {
        if (event instanceof TaskStart) {
            metrics.tasksRunning.incrementAndGet();
        } else if (event instanceof TaskEnd t) {
            metrics.tasksRunning.decrementAndGet();
            metrics.taskEnded(t.reason(), t.taskMetrics().orElse(null));
        } else if (event instanceof StageSubmitted) {
            metrics.stagesRunning.incrementAndGet();
        } else if (event instanceof StageCompleted c) {
            metrics.stagesRunning.decrementAndGet();
            (c.stageInfo().failureReason().isPresent() ? metrics.stagesFailed : metrics.stagesComplete)
                    .incrementAndGet();
        } else if (event instanceof JobStart) {
            metrics.jobsRunning.incrementAndGet();
        } else if (event instanceof JobEnd j) {
            metrics.jobsRunning.decrementAndGet();
            (j.succeeded() ? metrics.jobsSucceeded : metrics.jobsFailed).incrementAndGet();
        } else if (event instanceof SqlExecutionStart) {
            metrics.sqlRunning.incrementAndGet();
        } else if (event instanceof SqlExecutionEnd q) {
            metrics.sqlRunning.decrementAndGet();
            // As the state: Spark 3.4+ sends an empty error message for a success.
            (q.errorMessage().filter(m -> !m.isEmpty()).isPresent() ? metrics.sqlFailed : metrics.sqlSucceeded)
                    .incrementAndGet();
        } else if (event instanceof ExecutorAdded) {
            metrics.executorsActive.incrementAndGet();
        } else if (event instanceof ExecutorRemoved) {
            metrics.executorsActive.decrementAndGet();
            metrics.executorsRemoved.incrementAndGet();
        } else if (event instanceof ApplicationStart s) {
            appName = s.appName();
            appId = s.appId().orElse(appId);
            identify();
        } else if (event instanceof EnvironmentUpdate e) {
            String name = e.sparkProperties().get("spark.app.name");
            if (appName.isEmpty() && name != null) {
                appName = name;
            }
            identify();
        }
    }

    private void identify() {
        metrics.identity(JobIdentity.of(settings.job(), appName), appId);
    }

    /** Takes a snapshot and runs one analyzer step on it; a failure is logged once and counted. */
    private void analyze(Consumer<Application> step) {
        try {
            Application snapshot = state.snapshot(report(), FALLBACK_APP_ID);
            metrics.snapshots.incrementAndGet();
            step.accept(snapshot);
            metrics.findings(analyzer.findings());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // LinkageError: e.g. another copy of Sparkwise's classes earlier on the driver's classpath.
            failed("a snapshot or analysis failed", e);
        }
        List<String> errors = analyzer.ruleErrors();
        metrics.ruleErrors.set(errors.size());
        for (int i = ruleErrorsLogged; i < errors.size(); i++) {
            LOG.log(System.Logger.Level.WARNING, "Sparkwise: a rule failed and is skipped where it fails: "
                    + errors.get(i));
        }
        ruleErrorsLogged = errors.size();
    }

    private void failed(String what, Throwable e) {
        metrics.snapshotErrors.incrementAndGet();
        if (!snapshotErrorLogged) {
            snapshotErrorLogged = true;
            LOG.log(System.Logger.Level.WARNING, "Sparkwise: " + what + " (logged once, counted in "
                    + "sparkwise_agent_snapshot_errors_total); the application is not affected", e);
        }
    }

    /** One line in the driver log at the application's end: what the agent cost and found. */
    private void logSummary() {
        long events = metrics.eventsProcessed.sum() + 1;
        LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "Sparkwise: %d events, %.1f us per event on the agent's thread, %d dropped, %d snapshots, "
                        + "%d findings, %d snapshot errors, %d failing rules", events,
                metrics.processingNanos.sum() / 1000.0 / events, metrics.eventsDropped.sum(), metrics.snapshots.get(),
                analyzer.findings().size(), metrics.snapshotErrors.get(), metrics.ruleErrors.get()));
    }

    private ReadReport report() {
        return new ReadReport("live:" + appId, List.of(), 0, 0, metrics.eventsProcessed.sum(), Map.of(), Map.of(),
                List.of(), 0, false, !endSeen, state.notes(!endSeen));
    }

    Optional<String> appId() {
        return FALLBACK_APP_ID.equals(appId) ? Optional.empty() : Optional.of(appId);
    }
}
