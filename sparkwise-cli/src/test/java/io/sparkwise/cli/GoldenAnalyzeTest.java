package io.sparkwise.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze --format json} over the whole shared corpus, byte for byte against the output
 * recorded before the library-core refactoring (issue 16). A change to the JSON must be deliberate:
 * regenerate with {@code -Dsparkwise.golden.update=true}, and list and justify each difference in
 * the commit message and in docs/json.md.
 */
class GoldenAnalyzeTest {

    static final String CORPUS = "../shared/eventlogs";
    static final Path GOLDEN = Path.of("sparkwise-cli/src/test/resources/golden/analyze-corpus.json.gz");
    static final Path ACTUAL = Path.of("sparkwise-cli/target/golden/analyze-corpus.json");

    @Test
    void analyzeJson_wholeCorpus_isByteIdenticalToTheGolden() throws IOException {
        CliRun run = CliRun.run(SparkwiseCli.commandLine(picocli.CommandLine.defaultFactory()),
                "analyze", CORPUS, "--format", "json", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String actual = run.out();

        if (Boolean.getBoolean("sparkwise.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(GOLDEN))) {
                out.write(actual.getBytes(StandardCharsets.UTF_8));
            }
        }
        String expected = golden(GOLDEN);
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
        }
        assertThat(firstDifference(expected, actual))
                .as("analyze --format json differs from the golden; full output in " + ACTUAL)
                .isEmpty();
    }

    /** A golden file's text (they are gzipped: the corpus's JSON is several MB). */
    static String golden(Path gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first differing line with three lines of context before it, or "" when equal. */
    static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int n = Math.min(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            if (!e.get(i).equals(a.get(i))) {
                return describe(e, a, i);
            }
        }
        if (e.size() != a.size() || !expected.equals(actual)) {
            return "line counts differ: golden " + e.size() + ", actual " + a.size() + "\n" + describe(e, a, n);
        }
        return "";
    }

    private static String describe(List<String> e, List<String> a, int i) {
        StringBuilder s = new StringBuilder("first difference at line " + (i + 1) + ":\n");
        for (int k = Math.max(0, i - 3); k < i; k++) {
            s.append("    ").append(e.get(k)).append('\n');
        }
        s.append("  - ").append(i < e.size() ? e.get(i) : "<end>").append('\n');
        s.append("  + ").append(i < a.size() ? a.get(i) : "<end>").append('\n');
        return s.toString();
    }
}
