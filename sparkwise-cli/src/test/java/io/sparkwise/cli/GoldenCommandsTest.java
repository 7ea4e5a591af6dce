package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cost --format json} and {@code simulate --format json} on a handful of corpus logs, and
 * {@code compare} on pairs of them, byte for byte against the output recorded before their field
 * writers moved into the engine and compare went through it (issue 16, item 3). A change must be
 * deliberate: regenerate with {@code -Dsparkwise.golden.update=true}, and justify each difference
 * in the commit message and in docs/json.md.
 */
class GoldenCommandsTest {

    static final Path GOLDEN = Path.of("sparkwise-cli/src/test/resources/golden/commands.json.gz");
    static final Path ACTUAL = Path.of("sparkwise-cli/target/golden/commands.json");

    private static final String EVENTS = "../shared/eventlogs/";

    /**
     * Small logs of each kind, YARN runs with executors coming and going (one with no successful
     * task: simulate refuses it), and runs of 41 and 47 stages.
     */
    static final List<String> LOGS = List.of(
            EVENTS + "spark4/plain/local-1795562771711",
            EVENTS + "apache-spark/spark-events/local-1422981780767",
            EVENTS + "apache-spark/spark-events/application_1553914137147_0018",
            EVENTS + "apache-spark/spark-events/application_1555004656427_0144",
            EVENTS + "mcp-apache-spark-history-server/skills/cli/e2e/spark-events/local-1776286786993.zstd",
            EVENTS + "spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd");

    /** Each command line, one after the other: several price contexts, simulate's options, compare's formats. */
    static List<List<String>> commands() {
        List<List<String>> commands = new java.util.ArrayList<>();
        for (String log : LOGS) {
            commands.add(List.of("cost", log, "--instance", "m5.xlarge", "--platform", "emr", "--format", "json"));
            commands.add(List.of("simulate", log, "--format", "json"));
        }
        String yarn = LOGS.get(2);
        commands.add(List.of("cost", yarn, "--instance", "m5.2xlarge", "--spot", "--runs-per-day", "4", "--format", "json"));
        commands.add(List.of("cost", LOGS.get(5), "--instance", "n2-standard-8", "--provider", "gcp", "--platform",
                "dataproc", "--runs-per-day", "24", "--format", "json"));
        commands.add(List.of("simulate", yarn, "--executors", "4,1", "--cores", "2", "--dynamic-allocation", "0,4",
                "--format", "json"));
        String join = EVENTS + "spark-rapids-tools/spark-events-profiling/rapids_join_eventlog.zstd";
        String join2 = EVENTS + "spark-rapids-tools/spark-events-profiling/rapids_join_eventlog2.zstd";
        commands.add(List.of("compare", join, join2, "--format", "json", "--fail-on-regression", "5"));
        commands.add(List.of("compare", LOGS.get(1), EVENTS + "apache-spark/spark-events/local-1422981759269",
                "--format", "json"));
        commands.add(List.of("compare", yarn, LOGS.get(3), "--format", "json"));
        commands.add(List.of("compare", LOGS.get(4), LOGS.get(5)));
        commands.add(List.of("compare", LOGS.get(0), LOGS.get(2), "--format", "markdown"));
        return commands;
    }

    @Test
    void costSimulateCompare_someCorpusLogs_areByteIdenticalToTheGolden() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (List<String> command : commands()) {
            CliRun run = CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), command.toArray(String[]::new));
            // Exit code and stderr too: a log with nothing to replay is part of the contract.
            actual.append("### ").append(String.join(" ", command)).append(" -> exit ").append(run.exitCode()).append('\n')
                    .append(run.err()).append(run.out());
        }

        if (Boolean.getBoolean("sparkwise.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(GOLDEN))) {
                out.write(actual.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        String expected = GoldenAnalyzeTest.golden(GOLDEN);
        if (!expected.equals(actual.toString())) {
            Files.createDirectories(ACTUAL.getParent());
            Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
        }
        assertThat(GoldenAnalyzeTest.firstDifference(expected, actual.toString()))
                .as("cost, simulate or compare differ from the golden; full output in " + ACTUAL)
                .isEmpty();
    }
}
