package io.sparkwise.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze} over a directory of 2,000 damaged copies of the corpus logs, in a child JVM with
 * a small heap, as the launcher starts it: it completes without a stack trace, and writes the same
 * bytes (stdout and stderr) with one thread as with two.
 *
 * <p>The heap is smaller than the 256 MiB on purpose: these logs are small (sources up to
 * {@value #MAX_SOURCE_BYTES} bytes, to keep the test near ten seconds a run on two cores), and
 * the analyze that kept every application until the end needed more than 128 MiB for them, so
 * 256 MiB would not catch it coming back. docs/benchmarks.md has the run over big logs at 256 MiB.
 */
class ManyLogsTest {

    static final int LOGS = 2_000;
    static final int HTML_LOGS = 200;
    static final long MAX_SOURCE_BYTES = 140_000;
    static final String HEAP = "-Xmx64m";

    @TempDir
    static Path tmp;

    static Path logs;

    @BeforeAll
    static void writeLogs() throws IOException {
        logs = tmp.resolve("logs");
        MutatedCorpus.plainTextLogs(MutatedCorpus.CORPUS, MAX_SOURCE_BYTES).write(logs, LOGS, 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "text", "markdown"})
    void analyze_2000DamagedLogsInASmallHeap_sameBytesWithOneAndTwoThreads(String format) throws Exception {
        Child one = analyze(logs, format, 1);
        Child two = analyze(logs, format, 2);

        for (Child run : List.of(one, two)) {
            assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
            assertThat(run.err()).doesNotContain("\tat ", "Exception in thread", "internal error");
        }
        assertThat(Files.mismatch(one.output(), two.output())).as("first differing byte of the reports").isEqualTo(-1);
        assertThat(two.err()).isEqualTo(one.err());
    }

    @Test
    void analyzeJson_2000DamagedLogs_reportsEveryLogOnceInInputOrder() throws Exception {
        Child run = analyze(logs, "json", 2);

        String json = Files.readString(run.output(), StandardCharsets.UTF_8);
        List<String> sources = json.lines().filter(l -> l.startsWith("      \"source\" : ")).toList();
        List<String> unreadable = run.err().lines().filter(l -> l.startsWith("sparkwise: " + logs)).toList();
        assertThat(sources.size() + unreadable.size()).as(run.err()).isEqualTo(LOGS);
        assertThat(sources).isSortedAccordingTo(String::compareTo).isNotEmpty();
        assertThat(json).containsOnlyOnce("\"schemaVersion\"").endsWith("}" + System.lineSeparator());
    }

    @Test
    void analyzeHtml_damagedLogs_samePagesWithOneAndTwoThreads() throws Exception {
        Path few = tmp.resolve("few");
        Files.createDirectories(few);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().limit(HTML_LOGS).toList()) {
                Files.createLink(few.resolve(log.getFileName()), log);
            }
        }
        Child one = analyze(few, "html", 1);
        Child two = analyze(few, "html", 2);

        assertThat(one.exitCode()).as(one.err()).isIn(0, 1);
        assertThat(two.err()).isEqualTo(one.err().replace(one.output().toString(), two.output().toString()));
        List<Path> pages = pages(one.output());
        assertThat(pages).hasSizeGreaterThan(HTML_LOGS / 2).contains(one.output().resolve("index.html"));
        assertThat(pages(two.output())).hasSameSizeAs(pages);
        for (Path page : pages) {
            assertThat(Files.mismatch(page, two.output().resolve(page.getFileName())))
                    .as(page.getFileName().toString()).isEqualTo(-1);
        }
    }

    private static List<Path> pages(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** One run of the CLI in its own JVM, started as the launcher starts it, with a small heap. */
    record Child(int exitCode, Path output, String err) {
    }

    /** Runs already made, by output file: the JSON run with two threads serves two tests. */
    private static final Map<Path, Child> RUNS = new HashMap<>();

    private static Child analyze(Path directory, String format, int threads) throws IOException, InterruptedException {
        Path output = tmp.resolve(directory.getFileName() + "-" + threads + "." + format);
        Child run = RUNS.get(output);
        if (run == null) {
            run = start(directory, format, threads, output);
            RUNS.put(output, run);
        }
        return run;
    }

    private static Child start(Path directory, String format, int threads, Path output)
            throws IOException, InterruptedException {
        Path err = tmp.resolve(output.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", HEAP,
                "-cp", System.getProperty("java.class.path"), SparkwiseCli.class.getName(),
                "analyze", directory.toString(), "--format", format, "--threads", Integer.toString(threads),
                "--output", output.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        int exitCode = process.waitFor();
        return new Child(exitCode, output, Files.readString(err, StandardCharsets.UTF_8));
    }
}
