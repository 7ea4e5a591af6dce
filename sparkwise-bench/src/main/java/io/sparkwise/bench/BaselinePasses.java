package io.sparkwise.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Floors to compare a full read against, timed inside one JVM on an uncompressed log (best of N
 * runs, after the first, which also loads and compiles the code):
 *
 * <ul>
 *   <li>{@code bytes}: read the file in 1 MiB blocks and count newlines (the I/O and page-cache
 *       floor);
 *   <li>{@code lines}: {@link BufferedReader#readLine()} over UTF-8 (decoding plus one String
 *       per line);
 *   <li>{@code jackson}: a bare Jackson streaming pass over every token of every line, no values
 *       kept (the floor for anything that reads the JSON with Jackson, Spark's replay included);
 *   <li>{@code sparkwise}: {@link EventLogReader} building the whole application model, in process
 *       (no CLI start-up, no rules, no report).
 * </ul>
 *
 * <p>Prints {@code pass <name> best=<ms> median=<ms> MB/s=<best> runs=<ms,...> check=<n>} per pass.
 */
public final class BaselinePasses {

    private BaselinePasses() {}

    interface Pass {
        /** Returns a count that depends on the whole input, so the JIT cannot drop the work. */
        long run(Path log) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BaselinePasses <plain event log> [--runs N] [--passes bytes,lines,jackson,sparkwise]");
            System.exit(2);
        }
        Path log = Paths.get(args[0]);
        int runs = 5;
        List<String> passes = List.of("bytes", "lines", "jackson", "sparkwise");
        for (int i = 1; i < args.length; i++) {
            if ("--runs".equals(args[i])) {
                runs = Integer.parseInt(args[++i]);
            } else if ("--passes".equals(args[i])) {
                passes = List.of(args[++i].split(","));
            }
        }
        long size = Files.size(log);
        for (String name : passes) {
            Pass pass = switch (name) {
                case "bytes" -> BaselinePasses::countNewlines;
                case "lines" -> BaselinePasses::readLines;
                case "jackson" -> BaselinePasses::jacksonTokens;
                case "sparkwise" -> BaselinePasses::sparkwiseRead;
                default -> throw new IllegalArgumentException("unknown pass " + name);
            };
            time(name, pass, log, size, runs);
        }
    }

    private static void time(String name, Pass pass, Path log, long size, int runs) throws IOException {
        pass.run(log); // warm-up: class loading, JIT, page cache
        long[] ms = new long[runs];
        long check = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            check = pass.run(log);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        List<String> all = new ArrayList<>();
        for (long m : ms) {
            all.add(Long.toString(m));
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        long best = sorted[0];
        long median = sorted[runs / 2];
        System.out.printf(Locale.ROOT, "pass %s best=%d median=%d MB/s=%.0f runs=%s check=%d%n", name, best, median,
                size / 1e6 / (Math.max(best, 1) / 1000.0), String.join(",", all), check);
    }

    static long countNewlines(Path log) throws IOException {
        byte[] buf = new byte[1 << 20];
        long lines = 0;
        try (InputStream in = Files.newInputStream(log)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    static long readLines(Path log) throws IOException {
        long chars = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                chars += line.length();
            }
        }
        return chars;
    }

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One parser over the whole file: Jackson reads a sequence of root-level values, one per line,
     * exactly the tokens a per-line parse sees, without a String per line.
     */
    static long jacksonTokens(Path log) throws IOException {
        long tokens = 0;
        try (InputStream in = Files.newInputStream(log); JsonParser parser = JSON.createParser(in)) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                tokens++;
                if (t == JsonToken.VALUE_STRING) {
                    // Decode string values as a reader that uses them must (field names are
                    // decoded by nextToken already).
                    tokens += parser.getTextLength();
                }
            }
        }
        return tokens;
    }

    static long sparkwiseRead(Path log) {
        EventLogReader reader = new EventLogReader();
        long stages = 0;
        for (LogInput input : reader.discover(log.toString())) {
            Application app = reader.read(input);
            stages += app.stages().size();
        }
        return stages;
    }
}
