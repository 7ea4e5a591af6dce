package io.sparkwise.demo.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's experiment against a real child JVM running {@link EventLogEchoMain} in place of the
 * Spark workload (the real one is tested in sparkwise-demo), with reports that record what they
 * were asked for. The command-line shell over it is tested in sparkwise-cli's DemoCommandTest.
 */
class DemoExperimentTest {

    /** A real log whose analysis recommends one setting (spark.executor.memory=2g). */
    private static final Path LOG_WITH_FIX = Path.of("../shared/eventlogs/apache-spark/spark-events/app-20161116163331-0000");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final RecordingReports reports = new RecordingReports();

    private DemoExperiment experiment(String extraOptions) {
        return new DemoExperiment(FakeDemoBuild.in(tmp, extraOptions).jvm(), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
    }

    @Test
    void run_oneScenario_fullTextOnTheTerminalAndOneHtmlPage() {
        Path outDir = tmp.resolve("out");

        int exit = experiment("").run(Optional.of("a"), Optional.of(outDir), reports);

        assertThat(exit).isEqualTo(RecordingReports.TEXT_EXIT);
        String log = outDir.resolve("eventlogs/local-a").toAbsolutePath().toString();
        assertThat(reports.calls).containsExactly("text " + List.of(log),
                "html " + List.of(log) + " -> " + outDir.resolve("reports/local-a.html"));
        assertThat(out.toString()).contains("Demo summary", "HTML report: " + outDir.resolve("reports/local-a.html"))
                .doesNotContain("text analysis of every scenario");
    }

    @Test
    void run_severalScenarios_textToAFileAndAnHtmlIndex() {
        Path outDir = tmp.resolve("out");

        experiment("").run(Optional.of("a,b"), Optional.of(outDir), reports);

        assertThat(reports.calls).hasSize(2).first().asString().startsWith("textFile ")
                .endsWith(" -> " + outDir.resolve("analysis.txt"));
        assertThat(out.toString()).contains("HTML reports: " + outDir.resolve("reports/index.html"),
                "  text analysis of every scenario: " + outDir.resolve("analysis.txt"));
    }

    @Test
    void run_childRejectsTheScenario_usageExceptionAndNoDirectoryLeft() {
        Path outDir = tmp.resolve("out");

        assertThatThrownBy(() -> experiment("").run(Optional.of("bad-name"), Optional.of(outDir), reports))
                .isInstanceOf(DemoUsageException.class);
        assertThat(outDir).doesNotExist();
        assertThat(err.toString()).endsWith("demo: unknown scenario 'bad-name'\n");
    }

    @Test
    void run_workloadFails_demoExceptionWithTheChildsExitCode() {
        assertThatThrownBy(() -> experiment("").run(Optional.of("crash"), Optional.of(tmp.resolve("out")), reports))
                .isInstanceOf(DemoException.class)
                .hasMessage("the Spark workload failed (child JVM exit code 1); rerun with --verbose for the stack trace");
        assertThat(reports.calls).isEmpty();
    }

    @Test
    void verifyFixes_writesTheTableAfterEveryScenario() throws IOException {
        Path outDir = tmp.resolve("out");

        experiment("-Decho.log=" + LOG_WITH_FIX.toAbsolutePath()).verifyFixes("a", Optional.of(outDir), 1);

        assertThat(Files.readString(outDir.resolve(DemoFixVerification.REPORT_FILE)))
                .contains("Fixes verified: median (min-max) of 1 run before and after", "  a: --conf spark.executor.memory=2g");
        assertThat(reports.calls).isEmpty();
    }

    @Test
    void verifyFixes_repeatZero_rejectedBeforeAnyRun() {
        assertThatThrownBy(() -> experiment("").verifyFixes("a", Optional.of(tmp.resolve("out")), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** Records each request as "kind [logs] -> target". */
    private static final class RecordingReports implements DemoReports {
        static final int TEXT_EXIT = 1;
        final List<String> calls = new ArrayList<>();

        @Override
        public int text(List<String> eventLogs) {
            calls.add("text " + eventLogs);
            return TEXT_EXIT;
        }

        @Override
        public int textFile(List<String> eventLogs, Path file) {
            calls.add("textFile " + eventLogs + " -> " + file);
            return 0;
        }

        @Override
        public int html(List<String> eventLogs, Path target) {
            calls.add("html " + eventLogs + " -> " + target);
            return 0;
        }
    }
}
