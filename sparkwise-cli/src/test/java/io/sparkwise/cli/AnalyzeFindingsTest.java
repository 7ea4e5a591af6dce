package io.sparkwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** analyze with diagnostics on real corpus logs: findings shown, --fail-on gating, --rules overrides. */
class AnalyzeFindingsTest {

    /** Spark's own test log with a failed job (job 1, "got a 3, failing"). */
    static final String FAILED_JOB_LOG = "../shared/eventlogs/apache-spark/spark-events/local-1422981780767";
    /** A small healthy Spark 4.0.1 application: no warning or worse. */
    static final String CLEAN_LOG = "../shared/eventlogs/spark4/plain/local-1795562771711";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void analyze_failedJob_showsTheCriticalFindingWithItsFix() {
        CliRun run = run("analyze", FAILED_JOB_LOG);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("[CRITICAL] ", "rule failures.failed-jobs, job 1", "fix: ");
    }

    @Test
    void analyze_failOnCriticalWithAFailedJob_exits1() {
        assertThat(run("analyze", FAILED_JOB_LOG, "--fail-on", "critical").exitCode()).isEqualTo(1);
    }

    @Test
    void analyze_failOnWarningWithACleanLog_exits0() {
        CliRun run = run("analyze", CLEAN_LOG, "--fail-on", "warning");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("[WARNING]", "[CRITICAL]");
    }

    @Test
    void analyze_rulesFileDisablingTheFailureRules_exits0UnderFailOnCritical() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  failures.failed-jobs:
                    enabled: false
                  failures.task-failures:
                    enabled: false
                """);

        CliRun run = run("analyze", FAILED_JOB_LOG, "--rules", rules.toString(), "--fail-on", "critical");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("failures.failed-jobs");
    }

    @Test
    void analyze_rulesFileWithAnUnknownRule_exits2NamingIt() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  failures.typo:\n    enabled: false\n");

        CliRun run = run("analyze", CLEAN_LOG, "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sparkwise: " + rules + ": unknown rule 'failures.typo' (see docs/rules.md for rule ids)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void analyze_json_carriesFindingsAndTheMergedConfig() {
        CliRun run = run("analyze", FAILED_JOB_LOG, "--format", "json");

        assertThat(run.out()).contains("\"findings\" : [", "\"ruleId\" : \"failures.failed-jobs\"",
                "\"severity\" : \"critical\"", "\"recommendedConfig\" : {");
    }
}
