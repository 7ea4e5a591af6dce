package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CostCommandTest {

    /** A YARN application with 3 one-core executors for about a minute (Spark's own History Server test log). */
    private static final String LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

    @Test
    void cost_text_showsEverySection() {
        CliRun run = run("cost", LOG, "--instance", "m5.2xlarge", "--runs-per-day", "4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Cost of application_1553914137147_0018, aws m5.2xlarge on none (USD; formulas in docs/advisor.md, \"Cost\")")
                .contains("  idle executors", "On demand vs spot", "What auto-scaling would have saved (simulator replay",
                        "Saving per finding", "Per month (4 runs a day x 730 / 24 days = 121.7 runs)",
                        "instances[aws/us-east-1/m5.2xlarge].on_demand_per_hour = 0.384 (aws/karpenter-provider-aws "
                                + "zz_generated.pricing_aws.go, 2026-07-20, estimated; derived: 2 x m5.xlarge 0.192 by the AWS size doubling rule)");
    }

    @Test
    void cost_databricksWithUserCatalog_addsDbus(@TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("dbu.yaml");
        Files.writeString(catalog, """
                platforms:
                  - {platform: databricks, dbu_per_hour: {m5.xlarge: 10}, source: "our Databricks account page", as_of: "2026-11-01", confidence: verified}
                """);

        CliRun run = run("cost", LOG, "--instance", "m5.xlarge", "--platform", "databricks", "--catalog", catalog.toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"schemaVersion\" : 1", "platforms[databricks].dbu_per_hour.m5.xlarge = 10 (our Databricks account page");
    }

    @Test
    void cost_errors_areUsageErrors() {
        CliRun noInstance = run("cost", LOG, "--platform", "emr");
        assertThat(noInstance.exitCode()).isEqualTo(2);
        assertThat(noInstance.err()).isEqualTo("sparkwise: pricing on platform 'emr' needs --instance TYPE "
                + "(the node type executors ran on, e.g. m5.xlarge)\n");
        assertThat(run("cost", LOG, "--instance", "m5.xlarge", "--platform", "databricks").err())
                .startsWith("sparkwise: price catalog: platforms[databricks] has no 'dbu_per_hour.m5.xlarge'");
        assertThat(run("cost", LOG, "--instance", "m5.xlarge", "--format", "xml").err())
                .isEqualTo("sparkwise: --format 'xml' is not one of: text, json\n");
        assertThat(run("cost", LOG, "--instance", "m5.xlarge", "--runs-per-day", "0").err())
                .isEqualTo("sparkwise: --runs-per-day must be at least 1, was 0\n");
        assertThat(run("cost", "no/such/log", "--instance", "m5.xlarge").exitCode()).isEqualTo(3);
    }

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }
}
