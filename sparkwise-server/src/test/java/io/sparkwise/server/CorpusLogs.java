package io.sparkwise.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Logs of the shared corpus, copied where a test may change or delete them, and their History Server answers. */
final class CorpusLogs {

    static final Path CORPUS = Path.of("../shared/eventlogs");
    static final Path EXPECTATIONS = CORPUS.resolve("expectations");

    private static final Map<String, Path> EXPECTATION_BY_SOURCE = expectationsBySource();

    private CorpusLogs() {
    }

    /** Copies the corpus file {@code relative} (e.g. {@code spark4/plain/local-1795562771711}) into {@code dir}. */
    static Path copy(String relative, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path source = CORPUS.resolve(relative);
        return Files.copy(source, dir.resolve(source.getFileName().toString()));
    }

    /** Copies every file of the corpus directory {@code relative} into {@code dir}. */
    static void copyAll(String relative, Path dir) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(relative))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                copy(CORPUS.relativize(f).toString(), dir);
            }
        }
    }

    /**
     * The folder of a real Spark 4.0.1 History Server's answers for one corpus log
     * ({@code expectations/<name>/}, its {@code source.txt} names the log), when it answered.
     */
    static Optional<Path> expectationFor(String relative) {
        return Optional.ofNullable(EXPECTATION_BY_SOURCE.get(relative))
                .filter(dir -> Files.exists(dir.resolve("application.json")));
    }

    private static Map<String, Path> expectationsBySource() {
        Map<String, Path> bySource = new HashMap<>();
        try (Stream<Path> dirs = Files.list(EXPECTATIONS)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                Path source = dir.resolve("source.txt");
                if (Files.exists(source)) {
                    bySource.put(Files.readString(source).strip(), dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bySource;
    }
}
