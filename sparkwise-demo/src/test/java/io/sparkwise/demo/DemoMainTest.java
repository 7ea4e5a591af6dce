package io.sparkwise.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The child JVM's argument handling; none of these start Spark. */
class DemoMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_list_printsEveryScenarioWithItsDescription() {
        int exit = run("--list");

        assertThat(exit).isZero();
        assertThat(out()).startsWith("clean ").contains("\nskewed-join ").contains("one hot join key");
        assertThat(err()).isEmpty();
    }

    @Test
    void run_unknownScenario_isUsageErrorNamingKnownScenarios() {
        int exit = run("--out", "/tmp/unused", "--scenario", "clean,nope");

        assertThat(exit).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("demo: unknown scenario 'nope'; known: clean, skewed-join, spill, tiny-tasks,"
                + " small-files, cartesian-join, udf-filter, partition-pruning, huge-partitions, idle-executors,"
                + " executor-oom, gc-pressure, or all\n");
    }

    @Test
    void run_withoutOut_isUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("demo: --out DIR is required\n");
    }

    @Test
    void run_optionWithoutValue_isUsageError() {
        assertThat(run("--out", "/tmp/unused", "--scenario")).isEqualTo(2);
        assertThat(err()).startsWith("demo: --scenario needs a value\n");
    }

    @Test
    void run_resolve_printsScenarioLinesWithTheirCodeFix() {
        int exit = run("--resolve", "--scenario", "clean,udf-filter");

        assertThat(exit).isZero();
        assertThat(out()).isEqualTo("SCENARIO clean\t\nSCENARIO udf-filter\tthe Q4 filter as a built-in comparison"
                + " (order_date >= DATE'2024-10-01'): pushed down to Parquet\n");
    }

    @Test
    void parse_confPairs_keepTheirOrderAndSplitAtTheFirstEquals() {
        DemoArgs args = DemoArgs.parse("--out", "/tmp/x", "--conf", "spark.b=2", "--conf", "spark.a=x=y", "--code-fix");

        assertThat(args.conf()).containsExactly(java.util.Map.entry("spark.b", "2"), java.util.Map.entry("spark.a", "x=y"));
        assertThat(args.codeFix()).isTrue();
    }

    @Test
    void parse_withoutScenario_runsThemAll() {
        assertThat(DemoArgs.parse("--out", "/tmp/x").scenarios()).isEqualTo(Scenarios.ALL);
    }

    @Test
    void run_confWithoutSparkKey_isUsageError() {
        assertThat(run("--out", "/tmp/unused", "--conf", "memory=2g")).isEqualTo(2);
        assertThat(err()).startsWith("demo: --conf needs spark.KEY=VALUE, got 'memory=2g'\n");
    }

    @Test
    void fitting_executorMemoryAboveTheWorkers_growsTheWorkers() {
        Cluster cluster = Cluster.localCluster(4, 4, 512);

        assertThat(cluster.fitting(java.util.Map.of("spark.executor.memory", "2g")).master())
                .isEqualTo("local-cluster[4,4,2048]");
        assertThat(cluster.fitting(java.util.Map.of("spark.executor.memory", "256m"))).isSameAs(cluster);
        assertThat(Cluster.LOCAL.fitting(java.util.Map.of("spark.executor.memory", "2g"))).isSameAs(Cluster.LOCAL);
    }

    @Test
    void resolve_all_isEveryScenarioInRegistryOrder() {
        assertThat(Scenarios.resolve("all")).extracting(Scenario::name).startsWith("clean", "skewed-join").hasSize(12);
        assertThat(Scenarios.resolve("skewed-join, clean")).extracting(Scenario::name)
                .containsExactly("skewed-join", "clean");
    }

    @Test
    void oneLine_nestedSparkFailure_isRootCauseFirstLine() {
        var failure = new IllegalStateException("Job aborted", new ArithmeticException("/ by zero\n\tat x"));

        assertThat(DemoMain.oneLine(failure)).isEqualTo("ArithmeticException: / by zero");
    }

    private int run(String... args) {
        return DemoMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
