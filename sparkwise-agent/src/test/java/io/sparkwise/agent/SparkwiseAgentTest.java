package io.sparkwise.agent;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Rule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.rules.BuiltInRules;
import io.sparkwise.model.StageAttempt;
import org.apache.spark.Success$;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent in a real Spark driver ({@code local[2]}, one session for the class), attached as
 * users attach it ({@code spark.plugins}), its endpoint on a free port, scraped over HTTP and read
 * with a strict Prometheus text parser.
 */
class SparkwiseAgentTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static final TaskCounter counted = new TaskCounter();

    @BeforeAll
    static void startSpark() throws IOException {
        // The skew rule's 30 s minimum excess is for real jobs; this test's straggler costs ~1.5 s.
        Path rules = Files.writeString(dir.resolve("rules.yaml"),
                "rules:\n  skew.task-duration:\n    minExcessMs: 500\n");
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("agent-test-2026-12-07-42")
                .config("spark.plugins", SparkwisePlugin.class.getName())
                .config(AgentSettings.PROMETHEUS_PORT, "0")
                .config(AgentSettings.PROMETHEUS_HOST, "127.0.0.1")
                .config(AgentSettings.RULES, rules.toString())
                .config(AgentSettings.EVALUATION_INTERVAL, "1s")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
        spark.sparkContext().addSparkListener(counted);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void skewedJob_endpointScraped_countsMatchSparkAndSkewFindingAppears() throws Exception {
        SparkwiseListener agent = pluginAgent();
        long rows = runSkewedJob();

        List<PrometheusParser.Sample> samples = awaitScrape(agent, s -> value(s, "sparkwise_tasks_total", "success")
                == counted.succeeded.get() && !findingRules(s).isEmpty() && value(s, "sparkwise_jobs_running", null) == 0
                && value(s, "sparkwise_sql_executions_running", null) == 0);

        assertThat(rows).isEqualTo(10);
        assertThat(counted.ended.get()).isGreaterThan(10);
        assertThat(value(samples, "sparkwise_tasks_total", "success")).isEqualTo(counted.succeeded.get());
        assertThat(value(samples, "sparkwise_tasks_total", "failed") + value(samples, "sparkwise_tasks_total", "killed"))
                .isEqualTo(counted.ended.get() - counted.succeeded.get());
        assertThat(findingRules(samples)).contains("skew.task-duration");
        assertThat(value(samples, "sparkwise_jobs_total", "succeeded")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "sparkwise_shuffle_write_bytes_total", null)).isPositive();
        assertThat(value(samples, "sparkwise_sql_executions_total", "succeeded")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "sparkwise_sql_executions_total", "failed")).isZero();
        assertThat(value(samples, "sparkwise_agent_events_dropped_total", null)).isZero();
        assertThat(value(samples, "sparkwise_agent_snapshot_errors_total", null)).isZero();
        assertThat(value(samples, "sparkwise_agent_conversion_errors_total", null)).isZero();
        assertThat(value(samples, "sparkwise_agent_rule_errors", null)).isZero();
        assertThat(value(samples, "sparkwise_agent_event_processing_seconds_count", null)).isPositive();
        assertThat(samples).allSatisfy(s -> assertThat(s.labels())
                .containsEntry("job", "agent-test")
                .containsEntry("app_id", spark.sparkContext().applicationId()));
    }

    @Test
    void ruleThatThrows_agentGoesOnAndCountsIt() throws Exception {
        AgentSettings settings = new AgentSettings(Optional.of("throwing"), 60_000, 0, "127.0.0.1", 10_000,
                Optional.empty());
        List<Rule> rules = new ArrayList<>(BuiltInRules.all());
        rules.add(new ThrowingStageRule());
        SparkwiseListener agent = new SparkwiseListener(settings, rules);
        spark.sparkContext().addSparkListener(agent);
        try {
            long count = spark.range(0, 1000, 1, 4).filter(col("id").gt(10)).count();

            List<PrometheusParser.Sample> samples = awaitScrape(agent,
                    s -> value(s, "sparkwise_agent_rule_errors", null) == 1
                            && value(s, "sparkwise_jobs_total", "succeeded") >= 1);

            assertThat(count).isEqualTo(989);
            assertThat(value(samples, "sparkwise_agent_rule_errors", null)).isEqualTo(1);
            assertThat(value(samples, "sparkwise_agent_snapshot_errors_total", null)).isZero();
            assertThat(value(samples, "sparkwise_tasks_total", "success")).isGreaterThanOrEqualTo(4);
        } finally {
            spark.sparkContext().removeSparkListener(agent);
            agent.close();
        }
    }

    /** One key holds 90% of the rows; each partition's task sleeps in proportion to its rows. */
    private static long runSkewedJob() {
        MapPartitionsFunction<Row, Long> slowPerRow = (Iterator<Row> it) -> {
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            Thread.sleep(n / 100);   // the hot partition: 180,000 rows, 1.8 s; the others a few ms
            return List.of(n).iterator();
        };
        return spark.range(0, 200_000, 1, 4)
                .selectExpr("IF(id % 10 < 9, 0, id % 50) AS k")
                .repartition(10, col("k"))
                .mapPartitions(slowPerRow, Encoders.LONG())
                .collectAsList().size();
    }

    private static SparkwiseListener pluginAgent() {
        return SparkwiseListener.running().stream()
                .filter(l -> !l.metrics().job().equals("throwing")).findFirst().orElseThrow();
    }

    /** Scrapes until {@code done} holds (the worker is asynchronous) or 20 s passed; returns the last scrape. */
    private static List<PrometheusParser.Sample> awaitScrape(SparkwiseListener agent,
            java.util.function.Predicate<List<PrometheusParser.Sample>> done) throws Exception {
        int port = agent.prometheusPort().orElseThrow();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<PrometheusParser.Sample> samples;
        do {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
            samples = PrometheusParser.parse(response.body());
            if (done.test(samples)) {
                return samples;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return samples;
    }

    private static double value(List<PrometheusParser.Sample> samples, String name, String qualifier) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> qualifier == null || s.labels().containsValue(qualifier))
                .mapToDouble(PrometheusParser.Sample::value).sum();
    }

    private static List<String> findingRules(List<PrometheusParser.Sample> samples) {
        return samples.stream().filter(s -> s.name().equals("sparkwise_findings")).map(s -> s.labels().get("rule"))
                .toList();
    }

    /** The test's own count of Spark's task ends, to compare with the agent's. */
    static final class TaskCounter extends SparkListener {
        final AtomicLong ended = new AtomicLong();
        final AtomicLong succeeded = new AtomicLong();

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            ended.incrementAndGet();
            if (e.reason() instanceof Success$) {
                succeeded.incrementAndGet();
            }
        }
    }

    /** A stage rule with a bug. */
    static final class ThrowingStageRule implements StageRule {
        @Override
        public String id() {
            return "test.throws";
        }

        @Override
        public RuleCategory category() {
            return RuleCategory.SKEW;
        }

        @Override
        public String description() {
            return "throws on every stage";
        }

        @Override
        public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
            throw new IllegalStateException("a bug in a rule");
        }
    }
}
