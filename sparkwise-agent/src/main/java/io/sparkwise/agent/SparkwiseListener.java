package io.sparkwise.agent;

import io.sparkwise.analysis.LiveAnalyzer;
import io.sparkwise.analysis.Rule;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.BuiltInRules;
import io.sparkwise.state.event.SparkEvent;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.apache.spark.scheduler.SparkListenerBlockManagerAdded;
import org.apache.spark.scheduler.SparkListenerEnvironmentUpdate;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorExcluded;
import org.apache.spark.scheduler.SparkListenerExecutorExcludedForStage;
import org.apache.spark.scheduler.SparkListenerExecutorUnexcluded;
import org.apache.spark.scheduler.SparkListenerNodeExcluded;
import org.apache.spark.scheduler.SparkListenerNodeExcludedForStage;
import org.apache.spark.scheduler.SparkListenerNodeUnexcluded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * Sparkwise in the driver: a SparkListener that converts each event it uses into the core's typed
 * event on Spark's listener-bus thread and offers it to the agent's one worker thread, and the
 * Prometheus endpoint. Registered by {@link SparkwisePlugin}, or directly with
 * {@code --conf spark.extraListeners=io.sparkwise.agent.SparkwiseListener}. A failure of ours is
 * logged once and counted, never thrown into Spark.
 */
public class SparkwiseListener extends SparkListener implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.sparkwise.agent");

    /** spark-sql is on the driver's classpath: its execution events can be converted. */
    static final boolean SQL_AVAILABLE = present("org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart");

    /** The agents running in this JVM, for tests and the in-process demo to find their endpoint. */
    private static final Set<SparkwiseListener> RUNNING = new CopyOnWriteArraySet<>();

    private final AgentWorker worker;
    private final Thread thread;
    private final Optional<PrometheusEndpoint> endpoint;
    private volatile boolean conversionErrorLogged;

    /** The constructor Spark calls for {@code spark.extraListeners}. */
    public SparkwiseListener(SparkConf conf) {
        this(AgentSettings.from(conf), BuiltInRules.all());
    }

    /** With the given rules instead of the built-in ones (tests inject a failing rule here). */
    SparkwiseListener(AgentSettings settings, List<Rule> rules) {
        Thresholds thresholds = settings.rulesFile().map(Thresholds::load).orElseGet(Thresholds::defaults);
        this.worker = new AgentWorker(settings, new LiveAnalyzer(rules, thresholds));
        this.thread = new Thread(worker, "sparkwise-agent");
        thread.setDaemon(true);
        thread.start();
        AgentMetrics metrics = worker.metrics();
        Supplier<String> body = metrics::render;
        this.endpoint = settings.prometheusPort() < 0 ? Optional.empty()
                : PrometheusEndpoint.start(settings.prometheusHost(), settings.prometheusPort(), body);
        RUNNING.add(this);
    }

    static Set<SparkwiseListener> running() {
        return RUNNING;
    }

    /** The endpoint's port, empty when it could not start. */
    Optional<Integer> prometheusPort() {
        return endpoint.map(PrometheusEndpoint::port);
    }

    AgentMetrics metrics() {
        return worker.metrics();
    }

    /**
     * Stops the agent: waits (at most {@code millis}) for the application's end to be judged if it
     * is on its way, then stops the worker and the endpoint.
     */
    void stop(long millis) {
        try {
            worker.awaitApplicationEnd(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        worker.stop();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoint.ifPresent(PrometheusEndpoint::close);
        RUNNING.remove(this);
    }

    @Override
    public void onApplicationStart(SparkListenerApplicationStart e) {
        offer(() -> SparkEvents.applicationStart(e));
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd e) {
        offer(() -> SparkEvents.applicationEnd(e));
    }

    @Override
    public void onEnvironmentUpdate(SparkListenerEnvironmentUpdate e) {
        offer(() -> SparkEvents.environmentUpdate(e));
    }

    @Override
    public void onBlockManagerAdded(SparkListenerBlockManagerAdded e) {
        offer(() -> SparkEvents.blockManagerAdded(e));
    }

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded e) {
        offer(() -> SparkEvents.executorAdded(e));
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
        offer(() -> SparkEvents.executorRemoved(e));
    }

    @Override
    public void onExecutorExcluded(SparkListenerExecutorExcluded e) {
        offer(() -> SparkEvents.executorExcluded(e));
    }

    @Override
    public void onExecutorUnexcluded(SparkListenerExecutorUnexcluded e) {
        offer(() -> SparkEvents.executorUnexcluded(e));
    }

    @Override
    public void onNodeExcluded(SparkListenerNodeExcluded e) {
        offer(() -> SparkEvents.nodeExcluded(e));
    }

    @Override
    public void onNodeUnexcluded(SparkListenerNodeUnexcluded e) {
        offer(() -> SparkEvents.nodeUnexcluded(e));
    }

    @Override
    public void onExecutorExcludedForStage(SparkListenerExecutorExcludedForStage e) {
        offer(() -> SparkEvents.executorExcludedForStage(e));
    }

    @Override
    public void onNodeExcludedForStage(SparkListenerNodeExcludedForStage e) {
        offer(() -> SparkEvents.nodeExcludedForStage(e));
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        offer(() -> SparkEvents.jobStart(e));
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
        offer(() -> SparkEvents.jobEnd(e));
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        offer(() -> SparkEvents.stageSubmitted(e));
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        offer(() -> SparkEvents.stageCompleted(e));
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        offer(() -> SparkEvents.taskStart(e));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        offer(() -> SparkEvents.taskEnd(e));
    }

    @Override
    public void onOtherEvent(SparkListenerEvent e) {
        if (SQL_AVAILABLE) {
            try {
                SqlEvents.convert(e).ifPresent(worker::offer);
            } catch (RuntimeException | LinkageError x) {
                conversionFailed(x);
            }
        }
    }

    private void offer(Supplier<SparkEvent> conversion) {
        SparkEvent event;
        try {
            event = conversion.get();
        } catch (RuntimeException | LinkageError e) {
            conversionFailed(e);
            return;
        }
        worker.offer(event);
    }

    private void conversionFailed(Throwable e) {
        worker.metrics().conversionErrors.incrementAndGet();
        if (!conversionErrorLogged) {
            conversionErrorLogged = true;
            LOG.log(System.Logger.Level.WARNING, "Sparkwise: a Spark event could not be converted (logged once, "
                    + "counted in sparkwise_agent_conversion_errors_total); the application is not affected", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SparkwiseListener.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
