package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class DecideCommandTest {

    static final String LOG = "../shared/eventlogs/spark4/plain/local-1795562771711";

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void decide_fromLog_measuresTheTaxAndListsEveryOption() {
        CliRun run = run("decide", "--from-log", LOG, "--runs-per-day", "24");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("Coordination tax, measured from the log (wall 6.9 s")
                .contains("Spark as it ran").contains("Spark right-sized").contains("one machine, embedded engine (m6i.4xlarge)")
                .contains("BigQuery on-demand").contains("Athena").contains("Snowflake M").contains("Redshift Serverless 8 RPU")
                .contains("The log read no input files: the other engines are sized on its shuffle read instead.");
    }

    @Test
    void decide_dataSizeJson_carriesOptionsAndReasoning() {
        CliRun run = run("decide", "--data-size", "500GB", "--query-shape", "join", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("\"scannedBytes\" : 536870912000").contains("\"queryShape\" : \"join\"")
                .contains("\"name\" : \"Spark cluster, 64 cores\"").contains("\"reasoning\"");
    }

    @Test
    void decide_html_drawsBothCharts() {
        CliRun run = run("decide", "--data-size", "1TB", "--format", "html");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("<h2>Time per run</h2>").contains("<h2>Cost per month</h2>").contains("class=\"rec\"");
    }

    @Test
    void decide_badSize_isUsageError() {
        CliRun run = run("decide", "--data-size", "lots");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--data-size must be a size like 500GB or 2TB, was 'lots'");
    }

    @Test
    void decide_runsPerDayNotANumber_isUsageErrorNotNaNDollars() {
        CliRun run = run("decide", "--data-size", "10GB", "--runs-per-day", "NaN");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--runs-per-day must be a positive finite number, was NaN");
    }

    @Test
    void decide_bothInputs_isUsageError() {
        CliRun run = run("decide", "--data-size", "1GB", "--from-log", LOG);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void decide_unknownInstance_isUsageError() {
        CliRun run = run("decide", "--data-size", "1GB", "--machine", "x9.huge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("x9.huge");
    }
}
