package io.sparkwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Writes many damaged copies of the real corpus logs into a directory, the way a fleet's log
 * folder looks after crashes, partial uploads and disk trouble: exact copies, truncations, dropped
 * and duplicated lines, numbers made absurd, a garbage line in the middle. The same seed gives
 * the same bytes, so a failure can be replayed.
 *
 * <p>Only the plain-text single-file logs of the corpus are used (those listed in its
 * {@code inventory.json} with codec {@code none} and layout {@code single}): a mutation of a
 * compressed log would only test the codec's error path.
 *
 * <p>Not yet: bytes that are not valid UTF-8. A truncation backs off to a character boundary and
 * a garbage line is ASCII. Output is safe for such bytes now ({@link HostileTextTest} writes them
 * in every field kind and format); a mutation carrying them would add them here at scale.
 */
final class MutatedCorpus {

    static final Path CORPUS = Path.of("../shared/eventlogs");

    /** What is done to a copy; one or two of these per log, chosen by the seed. */
    enum Mutation {
        COPY, TRUNCATE, DROP_LINES, DUPLICATE_LINES, BAD_NUMBER, BAD_LINE
    }

    /** One log written: its file and what was done to it. */
    record Written(Path file, Path source, List<Mutation> mutations) {
    }

    private static final Pattern NUMBER = Pattern.compile("(\":)(-?\\d+)");
    private static final String[] BAD_NUMBERS = {
        "-1", "99999999999999999999", "1e999", "-9223372036854775808", "0.5", "\"12\"", "null", "NaN"};
    private static final String[] BAD_LINES = {
        "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":",
        "not json at all",
        "{\"Event\":\"SparkListenerStageCompleted\"}",
        "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":\"x\",\"Stage Infos\":7}",
        "{\"Event\":42}",
        "[1,2,3]",
        "{\"Event\":\"SparkListenerExecutorAdded\",\"Executor ID\":null,\"Executor Info\":{}}"};

    private final List<Path> sources;

    private MutatedCorpus(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no plain-text log in the corpus");
        }
        this.sources = List.copyOf(sources);
    }

    /** The plain-text single-file logs of {@code corpus} of at most {@code maxBytes}, in inventory order. */
    static MutatedCorpus plainTextLogs(Path corpus, long maxBytes) {
        try {
            JsonNode inventory = new ObjectMapper().readTree(corpus.resolve("inventory.json").toFile());
            List<Path> sources = new ArrayList<>();
            for (JsonNode log : inventory.get("logs")) {
                if (log.get("codec").asText().equals("none") && log.get("layout").asText().equals("single")
                        && log.get("size_bytes").asLong() <= maxBytes && log.get("size_bytes").asLong() > 0) {
                    sources.add(corpus.resolve(log.get("path").asText()));
                }
            }
            return new MutatedCorpus(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> sources() {
        return sources;
    }

    /**
     * Writes {@code count} logs into {@code directory} (created if missing), named
     * {@code log-00000-<source name>}: log i is a mutation of a source chosen by {@code seed} and i.
     */
    List<Written> write(Path directory, int count, long seed) throws IOException {
        requireNonNull(directory, "directory is null");
        Files.createDirectories(directory);
        // Read each source once: a run writes thousands of copies of a few dozen logs.
        List<List<String>> lines = new ArrayList<>();
        for (Path source : sources) {
            lines.add(Files.readString(source, StandardCharsets.UTF_8).lines().toList());
        }
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            int s = random.nextInt(sources.size());
            List<Mutation> mutations = mutations(random);
            String content = mutate(lines.get(s), mutations, random);
            Path file = directory.resolve(String.format(Locale.ROOT, "log-%05d-%s", i, sources.get(s).getFileName()));
            Files.writeString(file, content, StandardCharsets.UTF_8);
            written.add(new Written(file, sources.get(s), mutations));
        }
        return written;
    }

    /** A third of the logs are exact copies; the others get one or two mutations. */
    private static List<Mutation> mutations(Random random) {
        if (random.nextInt(3) == 0) {
            return List.of(Mutation.COPY);
        }
        Mutation[] damage = Arrays.copyOfRange(Mutation.values(), 1, Mutation.values().length);
        Mutation first = damage[random.nextInt(damage.length)];
        if (random.nextBoolean()) {
            return List.of(first);
        }
        return List.of(first, damage[random.nextInt(damage.length)]);
    }

    private static String mutate(List<String> source, List<Mutation> mutations, Random random) {
        List<String> lines = new ArrayList<>(source);
        boolean truncated = false;
        for (Mutation mutation : mutations) {
            switch (mutation) {
                case COPY -> { }
                case DROP_LINES -> {
                    for (int k = 1 + random.nextInt(3); k > 0 && lines.size() > 1; k--) {
                        lines.remove(random.nextInt(lines.size()));
                    }
                }
                case DUPLICATE_LINES -> {
                    for (int k = 1 + random.nextInt(3); k > 0 && !lines.isEmpty(); k--) {
                        int at = random.nextInt(lines.size());
                        lines.add(at, lines.get(at));
                    }
                }
                case BAD_NUMBER -> {
                    for (int k = 1 + random.nextInt(3); k > 0 && !lines.isEmpty(); k--) {
                        int at = random.nextInt(lines.size());
                        lines.set(at, badNumber(lines.get(at), random));
                    }
                }
                case BAD_LINE -> lines.add(lines.size() / 2, BAD_LINES[random.nextInt(BAD_LINES.length)]);
                case TRUNCATE -> truncated = true;
            }
        }
        String text = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        return truncated ? truncate(text, random) : text;
    }

    /** Replaces one number of the line (after a {@code ":}) with something no Spark writes. */
    private static String badNumber(String line, Random random) {
        Matcher m = NUMBER.matcher(line);
        List<int[]> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(new int[] {m.start(2), m.end(2)});
        }
        if (numbers.isEmpty()) {
            return line;
        }
        int[] at = numbers.get(random.nextInt(numbers.size()));
        return line.substring(0, at[0]) + BAD_NUMBERS[random.nextInt(BAD_NUMBERS.length)] + line.substring(at[1]);
    }

    /** Cuts the text somewhere after its first tenth, mid-line usually, never inside a surrogate pair. */
    private static String truncate(String text, Random random) {
        if (text.length() < 20) {
            return text;
        }
        int cut = text.length() / 10 + random.nextInt(text.length() - text.length() / 10);
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    /** For benchmarks: {@code MutatedCorpus DIR COUNT SEED [MAX_SOURCE_BYTES]}. */
    public static void main(String[] args) throws IOException {
        long maxBytes = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
        List<Written> written = plainTextLogs(CORPUS, maxBytes).write(Path.of(args[0]), Integer.parseInt(args[1]),
                Long.parseLong(args[2]));
        long bytes = 0;
        for (Written w : written) {
            bytes += Files.size(w.file());
        }
        System.out.printf(Locale.ROOT, "%d logs, %,d bytes in %s%n", written.size(), bytes, args[0]);
    }
}
