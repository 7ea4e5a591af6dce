package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCostTest {

    private static final String LOG = "../shared/eventlogs/apache-spark/spark-events/application_1553914137147_0018";

    @Test
    void analyze_withPriceContext_appendsTheCostSection() {
        CliRun run = run("analyze", LOG, "--instance", "m5.xlarge", "--platform", "emr");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\nCost of application_1553914137147_0018, aws m5.xlarge on emr (USD; formulas in docs/advisor.md, \"Cost\")\n",
                "platforms[emr].per_instance_hour.m5.xlarge = 0.048");
    }

    @Test
    void analyze_withoutPriceContext_hasNoCostSection() {
        assertThat(run("analyze", LOG).out()).doesNotContain("Cost of");
    }

    @Test
    void analyze_markdown_putsCostUnderItsOwnHeading() {
        assertThat(run("analyze", LOG, "--instance", "m5.xlarge", "--format", "markdown").out()).contains("\n## Cost\n\n```\nCost of ");
    }

    @Test
    void analyze_json_keepsItsSchemaAndSaysWhereCostIs() {
        CliRun run = run("analyze", LOG, "--instance", "m5.xlarge", "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("Cost of");
        assertThat(run.err()).contains("sparkwise: note: the cost section is part of the text and markdown reports; "
                + "for JSON use: sparkwise cost LOG --format json");
    }

    @Test
    void analyze_incompletePriceContext_isUsageError() {
        CliRun run = run("analyze", LOG, "--platform", "dataproc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sparkwise: pricing on platform 'dataproc' needs --instance TYPE "
                + "(the node type executors ran on, e.g. m5.xlarge)\n");
    }

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }
}
