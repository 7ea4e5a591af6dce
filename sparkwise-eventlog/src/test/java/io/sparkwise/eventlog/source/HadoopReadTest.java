package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading through Hadoop's FileSystem API, with Hadoop's client on the classpath (tests only). */
class HadoopReadTest {

    private final EventLogReader reader = new EventLogReader();

    private static String testfs(String corpusPath) {
        return "testfs://" + Path.of("../shared/eventlogs", corpusPath).toAbsolutePath().normalize();
    }

    @Test
    void read_rollingZstdLogThroughHadoop_equalsTheLocalRead() {
        String rolling = "spark4/rolling/eventlog_v2_local-1795562819153";
        List<LogInput> viaHadoop = reader.discover(testfs(rolling));
        Application remote = reader.read(viaHadoop.get(0));
        Application local = reader.read(reader.discover("../shared/eventlogs/" + rolling).get(0));

        assertThat(viaHadoop).singleElement().satisfies(i -> assertThat(i.layout()).isEqualTo(LogInput.Layout.ROLLING));
        assertThat(remote.info().id()).isEqualTo("local-1795562819153");
        assertThat(remote.jobs()).isEqualTo(local.jobs());
        assertThat(remote.stages()).extracting(s -> s.metrics())
                .containsExactlyElementsOf(local.stages().stream().map(s -> s.metrics()).toList());
        assertThat(remote.readReport().events()).isEqualTo(83);
    }

    @Test
    void discover_directoryThroughHadoop_findsEveryLogInIt() {
        List<LogInput> inputs = reader.discover(testfs("spark4"));

        assertThat(inputs).hasSize(7);
    }

    @Test
    void fileTree_listThroughHadoop_givesSizesAndModificationTimesLikeTheLocalTree() throws java.io.IOException {
        String dir = "spark4/plain";
        Path local = Path.of("../shared/eventlogs", dir).toAbsolutePath().normalize();
        FileTree hadoop = FileTree.forPath(testfs(dir));

        List<FileTree.Entry> entries = hadoop.list(hadoop.stat(testfs(dir)).orElseThrow());

        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            Path file = local.resolve(e.name());
            try {
                assertThat(e.size()).isEqualTo(java.nio.file.Files.size(file));
                assertThat(e.modifiedMillis()).isEqualTo(java.nio.file.Files.getLastModifiedTime(file).toMillis());
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
    }
}
