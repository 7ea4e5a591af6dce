package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.LogInput.Layout;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogDiscoveryRollingTest {

    private static final String CORPUS = "../shared/eventlogs/";

    @TempDir
    Path dir;

    @Test
    void discover_sparkRollingDirectory_readsPartsInIndexOrder() {
        String path = CORPUS + "spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.name()).isEqualTo(path);
        assertThat(input.layout()).isEqualTo(Layout.ROLLING);
        assertThat(input.inProgress()).isFalse();
        assertThat(input.parts()).extracting(LogPart::name).containsExactly(
                path + "/events_1_local-1623876083964.zstd",
                path + "/events_2_local-1623876083964.zstd");
        assertThat(input.parts()).extracting(LogPart::codec).containsOnly(Codec.ZSTD);
        assertThat(input.size()).isEqualTo(545_617);
    }

    @Test
    void discover_spark4RollingDirectory_decodesItsOnlyPart() {
        String path = CORPUS + "spark4/rolling/eventlog_v2_local-1795562819153";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.parts()).singleElement()
                .satisfies(part -> assertThat(Decoded.part(part).bytes()).hasSize(363_431));
    }

    @Test
    void discover_tenOrMoreParts_ordersByNumberNotByText() throws IOException {
        Path rolling = Files.createDirectory(dir.resolve("eventlog_v2_app-1_2"));
        for (int index : new int[] {10, 2, 11, 1, 9, 3, 4, 5, 6, 7, 8}) {
            Files.writeString(rolling.resolve("events_" + index + "_app-1_2"), "{\"Event\":\"part " + index + "\"}\n");
        }
        Files.createFile(rolling.resolve("appstatus_app-1_2"));

        LogInput input = LogDiscovery.discover(rolling.toString()).get(0);

        assertThat(input.parts()).extracting(part -> Decoded.part(part).text().strip()).containsExactly(
                "{\"Event\":\"part 1\"}", "{\"Event\":\"part 2\"}", "{\"Event\":\"part 3\"}",
                "{\"Event\":\"part 4\"}", "{\"Event\":\"part 5\"}", "{\"Event\":\"part 6\"}",
                "{\"Event\":\"part 7\"}", "{\"Event\":\"part 8\"}", "{\"Event\":\"part 9\"}",
                "{\"Event\":\"part 10\"}", "{\"Event\":\"part 11\"}");
        assertThat(input.inProgress()).isFalse();
    }

    @Test
    void discover_appStatusInProgress_marksTheLogInProgress() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-2", "events_1_app-2", "appstatus_app-2.inprogress");

        LogInput input = LogDiscovery.discover(rolling.toString()).get(0);

        assertThat(input.inProgress()).isTrue();
        assertThat(input.parts()).extracting(LogPart::name).containsExactly(rolling + "/events_1_app-2");
    }

    @Test
    void discover_noAppStatusFile_countsAsInProgress() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-3", "events_1_app-3.lz4");

        LogInput input = LogDiscovery.discover(rolling.toString()).get(0);

        assertThat(input.inProgress()).isTrue();
        assertThat(input.parts()).extracting(LogPart::codec).containsExactly(Codec.LZ4);
    }

    @Test
    void discover_compactedPart_readsFromTheLastCompactedPartOn() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-4", "events_1_app-4.compact", "events_2_app-4",
                "events_3_app-4.zstd.compact", "events_3_app-4.zstd", "events_4_app-4.zstd", "appstatus_app-4");

        LogInput input = LogDiscovery.discover(rolling.toString()).get(0);

        assertThat(input.parts()).extracting(LogPart::name, LogPart::codec).containsExactly(
                tuple(rolling + "/events_3_app-4.zstd.compact", Codec.ZSTD),
                tuple(rolling + "/events_4_app-4.zstd", Codec.ZSTD));
    }

    @Test
    void discover_missingPart_failsNamingTheIndexes() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-5", "events_1_app-5", "events_2_app-5", "events_4_app-5",
                "appstatus_app-5");

        assertThatThrownBy(() -> LogDiscovery.discover(rolling.toString()))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG))
                .hasMessage(rolling + ": rolling event log is missing part(s): expected events_ indexes 1 to 4, "
                        + "found 1, 2, 4");
    }

    @Test
    void discover_rollingDirectoryWithoutParts_failsWhenNamedDirectly() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-6", "appstatus_app-6.inprogress");

        assertThatThrownBy(() -> LogDiscovery.discover(rolling.toString()))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG))
                .hasMessage(rolling + ": rolling event log directory has no events_<N>_<appId> part files");
    }

    @Test
    void discover_otherFilesInRollingDirectory_areNotParts() throws IOException {
        Path rolling = rollingDirectory("eventlog_v2_app-7", "events_1_app-7", ".events_1_app-7.crc", "notes.txt",
                "appstatus_app-7");

        LogInput input = LogDiscovery.discover(rolling.toString()).get(0);

        assertThat(input.parts()).extracting(LogPart::name).containsExactly(rolling + "/events_1_app-7");
    }

    private Path rollingDirectory(String name, String... files) throws IOException {
        Path rolling = Files.createDirectory(dir.resolve(name));
        for (String file : files) {
            Files.writeString(rolling.resolve(file), file.startsWith("appstatus_") ? "" : "{\"Event\":\"x\"}\n");
        }
        return rolling;
    }
}
