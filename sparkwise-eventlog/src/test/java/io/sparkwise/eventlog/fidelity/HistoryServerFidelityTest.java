package io.sparkwise.eventlog.fidelity;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every log of the shared corpus that a real Spark 4.0.1 History Server answered for, our
 * application, job, stage-attempt and executor aggregates equal its answers field by field.
 */
class HistoryServerFidelityTest {

    static final Path CORPUS = Path.of("../shared/eventlogs");
    static final Path EXPECTATIONS = CORPUS.resolve("expectations");

    static Stream<String> answeredLogs() throws IOException {
        try (Stream<Path> dirs = Files.list(EXPECTATIONS)) {
            return dirs.filter(d -> Files.exists(d.resolve("application.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredLogs")
    void read_answeredLog_equalsHistoryServer(String name) throws IOException {
        Path dir = EXPECTATIONS.resolve(name);
        String source = Files.readString(dir.resolve("source.txt")).trim();
        EventLogReader reader = new EventLogReader();
        List<LogInput> inputs = reader.discover(CORPUS.resolve(source).toString());
        assertThat(inputs).hasSize(1);
        Application app = reader.read(inputs.get(0));

        List<String> differences = new HistoryServerComparison(dir).compare(app);

        assertThat(differences).as("differences from the History Server for " + source).isEmpty();
    }
}
