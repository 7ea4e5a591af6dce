package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private static final String K8S_LOG =
            "../shared/eventlogs/mcp-apache-spark-history-server/examples/basic/events/eventlog_v2_spark-bcec39f6201b42b9925124595baad260";

    @Test
    void plan_confFormat_printsSparkDefaultsForTheGoldenYarnCase() {
        CliRun run = run("plan", "--input-size", "500GB", "--node-type", "m6i.4xlarge", "--format", "conf");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                # spark-defaults.conf written by sparkwise plan (docs/advisor.md explains each value)
                spark.executor.cores                             5
                spark.executor.memory                            19g
                spark.executor.memoryOverhead                    1945m
                spark.driver.cores                               5
                spark.driver.memory                              19g
                spark.driver.memoryOverhead                      1945m
                spark.sql.shuffle.partitions                     4000
                spark.sql.adaptive.enabled                       true
                spark.sql.adaptive.coalescePartitions.enabled    true
                spark.dynamicAllocation.enabled                  true
                spark.dynamicAllocation.shuffleTracking.enabled  true
                spark.dynamicAllocation.maxExecutors             267
                """);
    }

    @Test
    void plan_text_explainsEveryLine() {
        CliRun run = run("plan", "--input-size", "500GB", "--node-cores", "16", "--node-memory", "64g", "--spot");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Sizing plan: 500.0 GiB etl on yarn, node 16 cores, 64g, spot\n")
                .contains("  executor heap              19 GiB (spark.executor.memory)\n"
                        + "                               container = 64512 MiB / 3 executors = 21504 MiB; heap = container / (1 + 0.10) rounded down to 512 MiB\n")
                .contains("--conf spark.decommission.enabled=true");
    }

    @Test
    void plan_k8sFormat_isASparkApplication() {
        CliRun run = run("plan", "--input-size", "100GB", "--node-cores", "16", "--node-memory", "64g",
                "--cluster-manager", "kubernetes", "--nodes", "4", "--format", "k8s");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("kind: SparkApplication\n", "  type: Scala\n",
                "  executor:\n    cores: 5\n    memory: \"17920m\"\n    memoryOverhead: \"1792m\"\n",
                "  dynamicAllocation:\n    enabled: true\n    minExecutors: 0\n    maxExecutors: 11\n");
    }

    @Test
    void plan_fromLog_sizesMemoryFromPeakMetrics() {
        CliRun run = run("plan", "--from-log", K8S_LOG, "--node-type", "r6i.2xlarge", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"why\" : \"past run: executor ");
    }

    @Test
    void plan_fromLogWithDeadline_takesTheExecutorCountFromTheSimulator() {
        String log = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

        CliRun met = run("plan", "--from-log", log, "--node-type", "m5.xlarge", "--deadline", "2m");
        CliRun missed = run("plan", "--from-log", log, "--node-type", "m5.xlarge", "--deadline", "5s");

        assertThat(met.exitCode()).isZero();
        assertThat(met.out()).contains("  executors                  1\n"
                + "                               the fewest the simulator found to finish within the deadline 2m\n");
        assertThat(met.err()).startsWith("sparkwise: note: the simulator predicts 1.2 min with 1 executors of 3 cores");
        assertThat(missed.exitCode()).isZero();
        assertThat(missed.err()).contains("the deadline cannot be met by more executors; the plan keeps 9");
    }

    @Test
    void plan_withoutNode_isUsageError() {
        CliRun run = run("plan", "--input-size", "5GB");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sparkwise: the plan needs the node: --node-type TYPE (e.g. m6i.4xlarge) "
                + "or --node-cores N with --node-memory SIZE\n");
    }

    @Test
    void plan_badInputs_areUsageErrors() {
        assertThat(run("plan", "--input-size", "lots", "--node-type", "m5.xlarge").err())
                .isEqualTo("sparkwise: --input-size 'lots' is not a size: use a number and a unit, e.g. 500GB, 1.5TB, 64g, "
                        + "750MiB (binary units: 1 GB = 1024 MB)\n");
        assertThat(run("plan", "--input-size", "0GB", "--node-type", "m5.xlarge").err())
                .isEqualTo("sparkwise: --input-size '0GB' must be more than 0\n");
        assertThat(run("plan", "--input-size", "5GB", "--node-type", "m5.xlarg").err())
                .startsWith("sparkwise: unknown instance type 'm5.xlarg' in the price catalog; close matches: m5.xlarge");
        assertThat(run("plan", "--input-size", "5GB", "--node-cores", "1", "--node-memory", "4g").err())
                .startsWith("sparkwise: node too small for one executor");
        assertThat(run("plan", "--input-size", "5GB", "--node-type", "m5.xlarge", "--cluster-manager", "mesos").err())
                .isEqualTo("sparkwise: --cluster-manager 'mesos' is not one of: yarn, kubernetes, standalone, databricks, emr, dataproc\n");
        assertThat(run("plan", "--input-size", "5GB", "--from-log", K8S_LOG, "--node-type", "m5.xlarge").exitCode()).isEqualTo(2);
        assertThat(run("plan", "--input-size", "5GB", "--node-type", "m5.xlarge", "--deadline", "soon").err())
                .isEqualTo("sparkwise: --deadline 'soon' is not a duration: use e.g. 1h, 90m, 1h30m, 45s\n");
    }

    @Test
    void plan_missingLog_exits3() {
        CliRun run = run("plan", "--from-log", "no/such/log", "--node-type", "m5.xlarge");

        assertThat(run.exitCode()).isEqualTo(3);
    }

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }
}
