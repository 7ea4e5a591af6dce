package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.LogInput.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LogDiscoveryDatabricksTest {

    private static final String CORPUS = "../shared/eventlogs/";

    @TempDir
    Path dir;

    @Test
    void discover_databricksRolloverDirectory_givesOneInputOldestPartFirstCurrentLast() {
        String path = CORPUS + "spark-log-parser/databricks-rollover";

        List<LogInput> inputs = LogDiscovery.discover(path);

        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo(path);
            assertThat(input.layout()).isEqualTo(Layout.DATABRICKS_ROLLED);
            assertThat(input.inProgress()).isFalse();
            assertThat(input.parts()).extracting(LogPart::name, LogPart::codec).containsExactly(
                    tuple(path + "/eventlog-2022-01-14--17-00.gz", Codec.GZIP),
                    tuple(path + "/eventlog-2022-01-14--18-00.gz", Codec.GZIP),
                    tuple(path + "/eventlog", Codec.NONE));
            assertThat(input.size()).isEqualTo(67_974 + 768_949 + 45_117_171);
        });
    }

    @Test
    void discover_simulatedDatabricksDirectory_givesOneInputWithBothParts() {
        String path = CORPUS + "spark-rapids-tools/spark-events-qualification/db_sim_eventlog";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.parts()).extracting(LogPart::name).containsExactly(
                path + "/eventlog-2021-06-15--15-00.gz", path + "/eventlog");
        assertThat(Decoded.part(input.parts().get(0)).bytes()).hasSize(10_480_446);
    }

    @Test
    void discover_hourlyPartsAcrossDays_areOrderedByTime() throws IOException {
        for (String name : List.of("eventlog", "eventlog-2022-01-15--00-00.gz", "eventlog-2022-01-14--09-00.gz",
                "eventlog-2022-01-14--23-00.gz", "eventlog-2021-12-31--23-00.gz")) {
            Files.writeString(dir.resolve(name), "x\n");
        }

        LogInput input = LogDiscovery.discover(dir.toString()).get(0);

        assertThat(input.parts()).extracting(part -> Path.of(part.name()).getFileName().toString()).containsExactly(
                "eventlog-2021-12-31--23-00.gz", "eventlog-2022-01-14--09-00.gz", "eventlog-2022-01-14--23-00.gz",
                "eventlog-2022-01-15--00-00.gz", "eventlog");
    }

    @Test
    void discover_hourlyPartsWithoutCurrentPart_stillGiveOneInput() throws IOException {
        Files.writeString(dir.resolve("eventlog-2022-01-14--18-00"), "x\n");
        Files.writeString(dir.resolve("eventlog-2022-01-14--17-00"), "x\n");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input.layout()).isEqualTo(Layout.DATABRICKS_ROLLED);
            assertThat(input.parts()).extracting(LogPart::name).containsExactly(
                    dir + "/eventlog-2022-01-14--17-00", dir + "/eventlog-2022-01-14--18-00");
        });
    }

    @Test
    void discover_eventlogFileAlone_isASingleFile() throws IOException {
        Files.writeString(dir.resolve("eventlog"), "x\n");

        LogInput input = LogDiscovery.discover(dir.toString()).get(0);

        assertThat(input.layout()).isEqualTo(Layout.SINGLE_FILE);
        assertThat(input.name()).isEqualTo(dir + "/eventlog");
    }

    @Test
    void discover_databricksPartsBesideOtherLogs_groupOnlyTheDatabricksFiles() throws IOException {
        Files.writeString(dir.resolve("eventlog"), "x\n");
        Files.writeString(dir.resolve("eventlog-2022-01-14--17-00.gz"), "x\n");
        Files.writeString(dir.resolve("local-1"), "x\n");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).extracting(LogInput::name, LogInput::layout).containsExactly(
                tuple(dir.toString(), Layout.DATABRICKS_ROLLED),
                tuple(dir + "/local-1", Layout.SINGLE_FILE));
    }
}
