package io.sparkwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** simulate on real corpus logs: formats, the self-check table, and the errors users can cause. */
class SimulateCommandTest {

    /** Spark 4.0.1, local[2]: 6.9 s, 5 jobs. */
    static final String SMALL = "../shared/eventlogs/spark4/plain/local-1795562771711";
    static final String SPARK4 = "../shared/eventlogs/spark4";
    static final String NO_TASKS = "../shared/eventlogs/spark-rapids-tools/spark-events-qualification/empty_eventlog";

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.run(SparkwiseCli.commandLine(CommandLine.defaultFactory()), args);
    }

    @Test
    void simulate_text_listsEveryOptionWithTheSelfCheckAndOneKnee() {
        CliRun run = run("simulate", SMALL, "--executors", "1,2,4");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Simulation of example-small (local-1795562771711)",
                "As run: 1 executor x 2 cores, spark.task.cpus 1, dynamic allocation off",
                "Self-check on the executors it had: predicted ", "real 6.9 s");
        assertThat(run.out().lines().filter(l -> l.matches("  [124] x 2 cores .*"))).hasSize(3);
        assertThat(run.out().lines().filter(l -> l.endsWith("<- knee"))).hasSize(1);
    }

    @Test
    void simulate_json_hasExecutorsAndPredictedWallTimePerOption() throws IOException {
        CliRun run = run("simulate", SMALL, "--executors", "4,1", "--cores", "1", "--dynamic-allocation", "0,4",
                "--format", "json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<Integer> executors = new ArrayList<>();
        json.get("options").forEach(o -> executors.add(o.get("executors").asInt()));
        // Fixed counts in ascending order, then dynamic allocation (its initial count: the minimum).
        assertThat(executors).containsExactly(1, 4, 0);
        assertThat(json.at("/options/0/coresPerExecutor").asInt()).isEqualTo(1);
        assertThat(json.at("/options/0/predictedWallTimeMs").asLong())
                .isGreaterThanOrEqualTo(json.at("/options/1/predictedWallTimeMs").asLong());
        assertThat(json.at("/options/2/dynamicAllocation/maxExecutors").asInt()).isEqualTo(4);
        assertThat(json.at("/selfCheck/realWallTimeMs").asLong()).isEqualTo(6925);
    }

    @Test
    void simulate_htmlToAFile_writesTheChartPage() throws IOException {
        Path page = dir.resolve("what-if.html");
        CliRun run = run("simulate", SMALL, "--executors", "1,2,4", "--format", "html", "--output", page.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains("data-chart=\"simulation-wall-time\"",
                "data-chart=\"simulation-executor-hours\"");
    }

    @Test
    void simulate_logWithoutTasks_exits3SayingWhy() {
        CliRun run = run("simulate", NO_TASKS);

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "sparkwise: local-1623263471760: no successful task in the log, nothing to replay on another cluster"
                        + System.lineSeparator());
    }

    @Test
    void simulate_zeroExecutors_isAUsageError() {
        CliRun run = run("simulate", SMALL, "--executors", "2,0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--executors must be whole numbers of 1 or more, was 0");
    }

    @Test
    void simulate_badDynamicAllocationBounds_isAUsageError() {
        CliRun run = run("simulate", SMALL, "--dynamic-allocation", "4,2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--dynamic-allocation must be MIN,MAX with 0 <= MIN <= MAX and MAX >= 1, was '4,2'");
    }

    @Test
    void simulate_directoryOfSeveralLogs_asksForOneOrTheSelfCheck() {
        CliRun run = run("simulate", SPARK4);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sparkwise: " + SPARK4
                + " holds 7 application logs; simulate needs one (--self-check takes many)" + System.lineSeparator());
    }

    @Test
    void simulate_selfCheckMarkdown_oneRowPerLogAndTheSummary() {
        CliRun run = run("simulate", "--self-check", SPARK4, NO_TASKS, "--format", "markdown");

        assertThat(run.exitCode()).isZero();
        List<String> rows = run.out().lines().filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).hasSize(8);
        assertThat(rows).filteredOn(r -> r.contains("empty_eventlog")).singleElement().asString()
                .endsWith("| - | - | no successful task |");
        assertThat(run.out()).contains("7 logs replayed on the executors they had: median absolute error ",
                "; 1 without a self-check.");
    }

    @Test
    void simulate_markdownWithoutSelfCheck_isAUsageError() {
        CliRun run = run("simulate", SMALL, "--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--format: expected one of text, json, html but was 'markdown'");
    }
}
