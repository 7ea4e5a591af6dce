package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** compare on real corpus logs: the report, its formats and the exit codes. */
class CompareCommandTest {

    static final String SHELL = "../shared/eventlogs/apache-spark/spark-events/local-1422981759269";
    static final String SHELL_FAILED = "../shared/eventlogs/apache-spark/spark-events/local-1422981780767";
    /** Two runs of the same join; the second took 13.8 s -> 15.0 s of wall time. */
    static final String JOIN = "../shared/eventlogs/spark-rapids-tools/spark-events-profiling/rapids_join_eventlog.zstd";
    static final String JOIN_2 = "../shared/eventlogs/spark-rapids-tools/spark-events-profiling/rapids_join_eventlog2.zstd";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void compare_logWithItself_showsNoDifferencesAndExits0() {
        CliRun run = run("compare", JOIN, JOIN, "--fail-on-regression", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("wall time       13.8 s → 13.8 s (no change)",
                "Spark configuration: no differences", "Findings: 0 appeared, 0 went away");
    }

    @Test
    void compare_slowerRunPastTheLimit_exits1NamingTheRegression() {
        CliRun run = run("compare", JOIN, JOIN_2, "--fail-on-regression", "5");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("sparkwise: regression: wall time grew ").contains("(limit 5%)");
    }

    @Test
    void compare_slowerRunWithinTheLimit_exits0() {
        CliRun run = run("compare", JOIN, JOIN_2, "--fail-on-regression", "50");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void compare_fasterRun_exits0EvenWithALimitOf0() {
        // Reversed: the slower run is the baseline, so neither wall time nor task core time grew.
        CliRun run = run("compare", JOIN_2, JOIN, "--fail-on-regression", "0");

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void compare_withoutFailOnRegression_exits0WhateverMoved() {
        assertThat(run("compare", SHELL, SHELL_FAILED).exitCode()).isZero();
    }

    @Test
    void compare_markdownToAFile_writesTheComment() throws IOException {
        Path out = dir.resolve("compare.md");

        CliRun run = run("compare", SHELL, SHELL_FAILED, "--format", "markdown", "--output", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .startsWith("### Sparkwise compare: `local-1422981759269` → `local-1422981780767`")
                .contains("appeared: critical `failures.failed-jobs`, job 1");
    }

    @Test
    void compare_json_isOneDocumentWithItsSchemaVersion() {
        CliRun run = run("compare", SHELL, SHELL_FAILED, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\n  \"schemaVersion\" : 1,").contains("\"matched\" : [");
    }

    @Test
    void compare_missingLog_exits3NamingIt() {
        CliRun run = run("compare", SHELL, "/nope/app-1");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("sparkwise: no such file or directory: /nope/app-1\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void compare_notAnEventLog_exits3() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.txt"), "hello\n");

        CliRun run = run("compare", junk.toString(), SHELL);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("sparkwise: ").contains("junk.txt");
    }

    @Test
    void compare_directoryOfManyLogs_exits2() {
        CliRun run = run("compare", "../shared/eventlogs/apache-spark/spark-events", SHELL);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("compare needs one log per run");
    }

    @Test
    void compare_oneLog_exits2WithUsage() {
        CliRun run = run("compare", SHELL);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'AFTER'");
    }

    @Test
    void compare_negativeLimit_exits2() {
        CliRun run = run("compare", SHELL, SHELL, "--fail-on-regression", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--fail-on-regression must be a percentage of 0 or more, was -1.0");
    }

    @Test
    void compare_unknownFormat_exits2NamingTheChoices() {
        CliRun run = run("compare", SHELL, SHELL, "--format", "html");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected one of text, markdown, json but was 'html'");
    }

    @Test
    void analyze_markdown_rendersTheComment() {
        CliRun run = run("analyze", SHELL_FAILED, "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("### Sparkwise: Spark shell (`local-1422981780767`)")
                .contains("🔴 **1 critical, 0 warnings**", "<details>");
    }
}
