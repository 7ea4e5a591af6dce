package io.sparkwise.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze --threads 2} over the real corpus writes the same bytes as {@code --threads 1}.
 * {@link ManyLogsTest} checks this on mutated plain-text copies; the real corpus adds what those
 * lack: compressed codecs, rolling directories, SQL plans, every rule firing, and the cost section,
 * all through the one {@code Sparkwise} engine that the workers of this JVM share.
 */
class CorpusThreadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"json", "text", "markdown"})
    void analyze_wholeCorpus_sameBytesWithOneAndTwoThreads(String format) {
        CliRun one = analyze(format, 1);
        CliRun two = analyze(format, 2);

        assertThat(one.exitCode()).as(one.err()).isIn(0, 1);
        assertThat(one.out()).isNotEmpty();
        assertThat(GoldenAnalyzeTest.firstDifference(one.out(), two.out())).as("first differing line").isEmpty();
        assertThat(two.err()).isEqualTo(one.err());
        assertThat(two.exitCode()).isEqualTo(one.exitCode());
    }

    private static CliRun analyze(String format, int threads) {
        List<String> args = new ArrayList<>(List.of("analyze", GoldenAnalyzeTest.CORPUS, "--format", format, "--quiet",
                "--threads", Integer.toString(threads)));
        if (!format.equals("json")) {
            // The cost section: prices looked up and rendered on the workers too.
            args.addAll(List.of("--provider", "aws", "--instance", "m5.xlarge"));
        }
        return CliRun.run(SparkwiseCli.commandLine(picocli.CommandLine.defaultFactory()), args.toArray(String[]::new));
    }
}
