package io.sparkwise.cli;

import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.sparkwise.cli.CliRun.application;
import static io.sparkwise.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {

    /** Knows the paths in {@code logs}; any other path does not exist, with the façade's promised message. */
    private static ApplicationSource source(Map<String, List<Application>> logs) {
        return path -> {
            List<Application> applications = logs.get(path);
            if (applications == null) {
                throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no such file or directory: " + path);
            }
            return applications.stream()
                    .map(app -> new ApplicationSource.PendingRead(app.readReport().source(), () -> app))
                    .toList();
        };
    }

    private static final ApplicationSource ONE_APP = source(Map.of("/logs/app-1", List.of(application("app-1"))));

    @Test
    void analyze_missingPath_exits3AndNamesThePath() {
        CliRun run = run(ONE_APP, "analyze", "/nope");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("sparkwise: no such file or directory: /nope\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void analyze_oneOfTwoPathsMissing_reportsTheOtherAndExits0() {
        CliRun run = run(ONE_APP, "analyze", "/nope", "/logs/app-1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("sparkwise: no such file or directory: /nope\n");
        assertThat(run.out()).startsWith("Application app-1\n");
    }

    @Test
    void analyze_oneLogOfADirectoryUnreadable_reportsTheOthers() {
        ApplicationSource source = path -> List.of(
                new ApplicationSource.PendingRead("/logs/bad", () -> {
                    throw new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, "not a Spark event log: /logs/bad");
                }),
                new ApplicationSource.PendingRead("/logs/good", () -> application("good")));

        CliRun run = run(source, "analyze", "/logs");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("sparkwise: not a Spark event log: /logs/bad\n");
        assertThat(run.out()).startsWith("Application good\n");
    }

    @Test
    void analyze_directoryWithoutLogs_exits3() {
        CliRun run = run(path -> List.of(), "analyze", "/empty");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("sparkwise: no event log found in /empty\n");
    }

    @Test
    void analyze_threeApplications_rendersOneJsonDocument() {
        ApplicationSource source = source(Map.of(
                "/a", List.of(application("a")),
                "/dir", List.of(application("b"), application("c"))));

        CliRun run = run(source, "analyze", "--format", "json", "/a", "/dir");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{").containsOnlyOnce("\"schemaVersion\" : 1")
                .contains("\"name\" : \"a\"", "\"name\" : \"b\"", "\"name\" : \"c\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void analyze_jsonToOutputFile_writesUtf8FileAndNothingOnStdout(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.json");
        ApplicationSource source = source(Map.of("/logs/données", List.of(application("données"))));

        CliRun run = run(source, "analyze", "/logs/données", "--format=json", "--output", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .startsWith("{")
                .contains("\"generator\" : \"sparkwise ")
                .contains("\"name\" : \"données\"");
    }

    @Test
    void analyze_outputInMissingDirectory_exits2AndNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("missing/report.json");

        CliRun run = run(ONE_APP, "analyze", "/logs/app-1", "--output", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sparkwise: cannot write " + file + ": ");
    }

    @Test
    void analyze_damagedInput_warnsWithFileCountAndFirstLineAfterReport() {
        Application damaged = application("app", "/logs/app", List.of(
                new ReadReport.DamagedLine("/logs/app", 17, "Unexpected end-of-input"),
                new ReadReport.DamagedLine("/logs/app", 40, "Unexpected character")), 3);

        CliRun run = run(source(Map.of("/logs/app", List.of(damaged))), "analyze", "/logs/app");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo(
                "sparkwise: warning: /logs/app: 3 damaged line(s) skipped (first at line 17: Unexpected end-of-input)\n");
    }

    @Test
    void analyze_damagedInputQuiet_warnsNothing() {
        Application damaged = application("app", "/logs/app",
                List.of(new ReadReport.DamagedLine("/logs/app", 17, "Unexpected end-of-input")), 1);

        CliRun run = run(source(Map.of("/logs/app", List.of(damaged))), "analyze", "--quiet", "/logs/app");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void analyze_verbose_namesEachLogReadAndPrintsStackTraces() {
        CliRun run = run(ONE_APP, "analyze", "--verbose", "/logs/app-1", "/nope");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("sparkwise: read /logs/app-1: 10 events in ")
                .contains("sparkwise: no such file or directory: /nope\n")
                .contains("io.sparkwise.model.SparkwiseException: no such file or directory: /nope")
                .contains("\tat ");
    }

    @Test
    void analyze_verboseAndQuiet_exits2() {
        CliRun run = run(ONE_APP, "analyze", "-v", "-q", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--verbose and --quiet cannot be used together\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void analyze_badFormat_exits2WithTheChoices() {
        CliRun run = run(ONE_APP, "analyze", "--format", "xml", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(
                "Invalid value for option '--format': expected one of text, json, markdown, html but was 'xml'\n");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void analyze_unknownOption_exits2() {
        CliRun run = run(ONE_APP, "analyze", "--colour", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--colour'\n");
    }

    @Test
    void analyze_noPaths_exits2() {
        CliRun run = run(ONE_APP, "analyze");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required parameter: 'PATH'\n");
    }

    @Test
    void analyze_failOn_acceptedButNeverTriggersWithoutFindings() {
        assertThat(run(ONE_APP, "analyze", "--fail-on", "warning", "/logs/app-1").exitCode()).isZero();
        assertThat(run(ONE_APP, "analyze", "--fail-on", "CRITICAL", "/logs/app-1").exitCode()).isZero();
    }

    @Test
    void analyze_badFailOn_exits2WithTheChoices() {
        CliRun run = run(ONE_APP, "analyze", "--fail-on", "info", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(
                "Invalid value for option '--fail-on': expected one of warning, critical but was 'info'\n");
    }

    @Test
    void analyze_bugInReader_exits4WithOneLineAndHint() {
        ApplicationSource buggy = path -> {
            throw new IllegalStateException("stage 3 seen twice");
        };

        CliRun run = run(buggy, "analyze", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).isEqualTo("""
                sparkwise: internal error: java.lang.IllegalStateException: stage 3 seen twice
                sparkwise: rerun with --verbose to see the stack trace, and please report it
                """);
    }

    @Test
    void analyze_bugInReaderVerbose_printsTheStackTrace() {
        ApplicationSource buggy = path -> {
            throw new IllegalStateException("stage 3 seen twice");
        };

        CliRun run = run(buggy, "analyze", "--verbose", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("sparkwise: internal error: java.lang.IllegalStateException: stage 3 seen twice\n"
                + "java.lang.IllegalStateException: stage 3 seen twice\n\tat ");
    }

    @Test
    void analyze_oneLogThrowsABug_reportsItInOneLineAndAnalyzesTheOthers() {
        ApplicationSource source = path -> List.of(
                new ApplicationSource.PendingRead("/logs/a", () -> application("a")),
                new ApplicationSource.PendingRead("/logs/bad", () -> {
                    throw new IllegalStateException("stage 3 seen twice");
                }),
                new ApplicationSource.PendingRead("/logs/c", () -> application("c")));

        CliRun run = run(source, "analyze", "/logs");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("""
                sparkwise: /logs/bad: internal error while analyzing it: java.lang.IllegalStateException: stage 3 seen twice
                sparkwise: this is a bug: rerun with --verbose to see the stack trace, and please report it
                """);
        assertThat(run.out()).startsWith("Application a\n").contains("\nApplication c\n");
    }

    @Test
    void analyze_outOfMemoryInOneLog_exits4WithOneLineNamingItAndNoStackTrace() {
        ApplicationSource source = path -> List.of(
                new ApplicationSource.PendingRead("/logs/a", () -> application("a")),
                new ApplicationSource.PendingRead("/logs/huge", () -> {
                    throw new OutOfMemoryError("Java heap space");
                }));

        CliRun run = run(source, "analyze", "--threads", "2", "/logs");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("sparkwise: internal error: out of memory while analyzing /logs/huge (Java heap limit ")
                .endsWith(" MiB, 2 log(s) at once): raise the limit, e.g. SPARKWISE_JAVA_OPTS=-Xmx2g, or use --threads 1\n");
    }

    @Test
    void analyze_threadsZero_exits2() {
        CliRun run = run(ONE_APP, "analyze", "--threads", "0", "/logs/app-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--threads must be at least 1, got 0\n");
    }

    @Test
    void analyze_manyLogsDamagedOrUnreadable_sameOutputWhateverTheThreadCount() {
        ApplicationSource source = path -> IntStream.range(0, 60).mapToObj(i -> new ApplicationSource.PendingRead(
                "/logs/" + i, () -> {
                    if (i % 7 == 3) {
                        throw new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, "not a Spark event log: /logs/" + i);
                    }
                    return application("app-" + i, "/logs/" + i,
                            List.of(new ReadReport.DamagedLine("/logs/" + i, i, "Unexpected character")), i % 2);
                })).toList();

        for (String format : List.of("text", "json", "markdown")) {
            CliRun one = run(source, "analyze", "/logs", "--format", format, "--threads", "1");
            CliRun three = run(source, "analyze", "/logs", "--format", format, "--threads", "3");

            assertThat(three.exitCode()).isEqualTo(one.exitCode()).isZero();
            assertThat(three.out()).isEqualTo(one.out()).contains("app-58");
            assertThat(three.err()).isEqualTo(one.err()).contains("/logs/57: 1 damaged line(s)", "not a Spark event log: /logs/52");
        }
    }
}
