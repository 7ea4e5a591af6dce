package io.sparkwise.cli;

import io.sparkwise.report.SparkwiseVersion;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class SparkwiseCliTest {

    private static CliRun runReal(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void main_noArguments_exits2WithTheCommands() {
        CliRun run = runReal();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sparkwise: missing command\nUsage: sparkwise ")
                .contains("analyze", "demo");
    }

    @Test
    void main_unknownCommand_exits2() {
        CliRun run = runReal("analyse", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched arguments from index 0: 'analyse', 'x'\n");
    }

    @Test
    void main_version_printsSparkwiseVersion() {
        CliRun run = runReal("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("sparkwise " + SparkwiseVersion.get() + "\n");
    }

    @Test
    void analyzeHelp_documentsExitCodes() {
        CliRun run = runReal("analyze", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--format=FORMAT", "--fail-on=SEVERITY", "Exit codes:",
                "4   internal error (a bug: rerun with --verbose and report it), or out of",
                "memory (raise -Xmx with SPARKWISE_JAVA_OPTS, or use fewer --threads)");
    }

    @Test
    void analyze_missingPathWithRealReader_exits3AndNamesThePath() {
        CliRun run = runReal("analyze", "/no/such/sparkwise-log");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("sparkwise: ").contains("/no/such/sparkwise-log").endsWith("\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void analyze_missingPathWithRealReader_printsTheFacadesMessage() {
        CliRun run = runReal("analyze", "/no/such/sparkwise-log");

        assertThat(run.err()).isEqualTo("sparkwise: no such file or directory: /no/such/sparkwise-log\n");
    }
}
