package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.LogInput.Layout;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogDiscoverySingleFileTest {

    private static final String CORPUS = "../shared/eventlogs/";

    @TempDir
    Path dir;

    @Test
    void discover_plainFile_givesOneCompleteSingleFileInput() {
        String path = CORPUS + "spark4/plain/local-1795562771711";

        List<LogInput> inputs = LogDiscovery.discover(path);

        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo(path);
            assertThat(input.layout()).isEqualTo(Layout.SINGLE_FILE);
            assertThat(input.inProgress()).isFalse();
            assertThat(input.size()).isEqualTo(362_217);
            assertThat(input.parts()).singleElement().satisfies(part -> {
                assertThat(part.name()).isEqualTo(path);
                assertThat(part.codec()).isEqualTo(Codec.NONE);
                assertThat(Decoded.part(part).lines()).hasSize(83);
            });
        });
    }

    @Test
    void discover_compressedFile_picksCodecAndDecodes() {
        String path = CORPUS + "spark4/snappy/local-1795562798827.snappy";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.parts()).singleElement().satisfies(part -> {
            assertThat(part.codec()).isEqualTo(Codec.SNAPPY);
            assertThat(part.size()).isEqualTo(93_071);
            assertThat(Decoded.part(part).bytes()).hasSize(364_130);
        });
    }

    @Test
    void discover_inProgressFile_isMarkedInProgress() {
        String path = CORPUS + "spark4/inprogress/local-1795562771711.inprogress";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.inProgress()).isTrue();
        assertThat(input.parts().get(0).codec()).isEqualTo(Codec.NONE);
    }

    @Test
    void discover_attemptSuffixFile_keepsTheFileNameAsIs() {
        String path = CORPUS + "apache-spark/spark-events/local-1430917381535_1";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.name()).isEqualTo(path);
        assertThat(input.parts().get(0).codec()).isEqualTo(Codec.NONE);
    }

    @Test
    void discover_currentPartOfDatabricksLogNamedDirectly_readsJustThatFile() {
        String path = CORPUS + "spark-log-parser/databricks-rollover/eventlog";

        List<LogInput> inputs = LogDiscovery.discover(path);

        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input.layout()).isEqualTo(Layout.SINGLE_FILE);
            assertThat(input.parts()).extracting(LogPart::name).containsExactly(path);
            assertThat(input.size()).isEqualTo(45_117_171);
        });
    }

    @Test
    void discover_partOfRollingLogNamedDirectly_readsJustThatPart() {
        String path = CORPUS + "spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964/"
                + "events_2_local-1623876083964.zstd";

        LogInput input = LogDiscovery.discover(path).get(0);

        assertThat(input.layout()).isEqualTo(Layout.SINGLE_FILE);
        assertThat(input.parts()).extracting(LogPart::name, LogPart::codec).containsExactly(
                tuple(path, Codec.ZSTD));
    }

    @Test
    void discover_emptyFileNamedDirectly_isRejectedAsNotAnEventLog() {
        String path = CORPUS + "sparklint/file_event_log_empty_test";

        assertThatThrownBy(() -> LogDiscovery.discover(path))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG))
                .hasMessage(path + ": empty file (0 bytes), not an event log");
    }

    @Test
    void discover_fileUri_readsTheLocalFileWithoutHadoop() throws IOException {
        Path file = Files.writeString(dir.resolve("app-1.inprogress"), "{\"Event\":\"SparkListenerLogStart\"}\n");

        LogInput input = LogDiscovery.discover(file.toUri().toString()).get(0);

        assertThat(input.name()).isEqualTo(file.toString());
        assertThat(input.inProgress()).isTrue();
        assertThat(Decoded.part(input.parts().get(0)).lines()).containsExactly("{\"Event\":\"SparkListenerLogStart\"}");
    }
}
