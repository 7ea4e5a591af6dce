package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.LogInput.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LogDiscoveryDirectoryScanTest {

    private static final String CORPUS = "../shared/eventlogs";
    private static final Pattern INVENTORY_LOG_ROW = Pattern.compile("^\\| `([^`]+)` \\| ");

    @TempDir
    Path dir;

    /**
     * INVENTORY.md lists 89 logs; the three files of databricks-rollover and the two of
     * db_sim_eventlog are one application each, so discovery finds 89 - 2 - 1 = 86 inputs.
     */
    @Test
    void discover_wholeCorpus_findsEveryInventoryLogWithDatabricksPartsMerged() throws IOException {
        List<String> inventoryLogs = inventoryLogPaths();
        List<String> expected = inventoryLogs.stream()
                .map(LogDiscoveryDirectoryScanTest::inputNameOf)
                .distinct()
                .sorted()
                .toList();

        List<LogInput> inputs = LogDiscovery.discover(CORPUS);

        assertThat(inventoryLogs).hasSize(89);
        assertThat(inputs).hasSize(86);
        assertThat(inputs).extracting(LogInput::name).containsExactlyElementsOf(expected);
        assertThat(inputs).filteredOn(input -> input.layout() == Layout.ROLLING).hasSize(3);
        assertThat(inputs).filteredOn(input -> input.layout() == Layout.DATABRICKS_ROLLED).extracting(LogInput::name)
                .containsExactly(CORPUS + "/spark-log-parser/databricks-rollover",
                        CORPUS + "/spark-rapids-tools/spark-events-qualification/db_sim_eventlog");
        assertThat(inputs).filteredOn(LogInput::inProgress).extracting(LogInput::name)
                .containsExactly(CORPUS + "/spark4/inprogress/local-1795562771711.inprogress");
    }

    @Test
    void discover_spark4Directory_findsEveryCodecSortedByPath() {
        List<LogInput> inputs = LogDiscovery.discover(CORPUS + "/spark4");

        assertThat(inputs).extracting(input -> input.name().substring((CORPUS + "/spark4/").length()),
                input -> input.parts().get(0).codec()).containsExactly(
                tuple("inprogress/local-1795562771711.inprogress", Codec.NONE),
                tuple("lz4/local-1795562780416.lz4", Codec.LZ4),
                tuple("lzf/local-1795562789824.lzf", Codec.LZF),
                tuple("plain/local-1795562771711", Codec.NONE),
                tuple("rolling/eventlog_v2_local-1795562819153", Codec.ZSTD),
                tuple("snappy/local-1795562798827.snappy", Codec.SNAPPY),
                tuple("zstd/local-1795562808917.zstd", Codec.ZSTD));
    }

    @Test
    void discover_sparkHistoryTestFolder_skipsItsExpectationsFolder() {
        List<LogInput> inputs = LogDiscovery.discover(CORPUS + "/apache-spark");

        assertThat(inputs).hasSize(18).allMatch(input -> input.name().startsWith(CORPUS + "/apache-spark/spark-events/"));
    }

    @Test
    void discover_directoryWithNonLogs_skipsThem() throws IOException {
        write("local-1");
        write(".hidden-log");
        write("README.md");
        write("inventory.json");
        write("source.txt");
        write(".local-1.crc");
        write("local-1.CRC");
        write("appstatus_local-2");
        write("expectations/local-3");
        write(".git/local-4");
        write("nested/deeper/app-5.zstd");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).extracting(LogInput::name)
                .containsExactly(dir + "/local-1", dir + "/nested/deeper/app-5.zstd");
    }

    @Test
    void discover_emptyFileInDirectory_isKeptForTheReaderToReport() throws IOException {
        Files.createFile(dir.resolve("empty"));
        write("local-1");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).extracting(LogInput::name, LogInput::size)
                .containsExactly(tuple(dir + "/empty", 0L), tuple(dir + "/local-1", 2L));
    }

    @Test
    void discover_rollingDirectoryWithoutPartsInAScan_isSkipped() throws IOException {
        Files.createDirectories(dir.resolve("eventlog_v2_app-1"));
        Files.createFile(dir.resolve("eventlog_v2_app-1/appstatus_app-1.inprogress"));
        write("eventlog_v2_app-2/events_1_app-2");
        write("eventlog_v2_app-2/appstatus_app-2");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).extracting(LogInput::name, LogInput::layout)
                .containsExactly(tuple(dir + "/eventlog_v2_app-2", Layout.ROLLING));
    }

    @Test
    void discover_mixedLayouts_areSortedByPath() throws IOException {
        write("z-app");
        write("eventlog_v2_b/events_1_b.zstd");
        write("a/eventlog");
        write("a/eventlog-2022-01-14--17-00.gz");
        write("m-app.inprogress");

        List<LogInput> inputs = LogDiscovery.discover(dir.toString());

        assertThat(inputs).extracting(LogInput::name).containsExactly(
                dir + "/a", dir + "/eventlog_v2_b", dir + "/m-app.inprogress", dir + "/z-app");
    }

    private void write(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x\n");
    }

    private static List<String> inventoryLogPaths() throws IOException {
        String inventory = Files.readString(Path.of(CORPUS, "INVENTORY.md"));
        String logsSection = inventory.substring(inventory.indexOf("## Logs"), inventory.indexOf("## apache-spark/expectations"));
        return logsSection.lines()
                .map(INVENTORY_LOG_ROW::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    /** The input a listed log belongs to: Databricks parts belong to their directory. */
    private static String inputNameOf(String inventoryPath) {
        Path path = Path.of(inventoryPath);
        String name = path.getFileName().toString();
        boolean databricksPart = name.equals("eventlog") || name.matches("eventlog-\\d{4}-\\d{2}-\\d{2}--\\d{2}-\\d{2}.*");
        return CORPUS + "/" + (databricksPart ? path.getParent() : path);
    }
}
