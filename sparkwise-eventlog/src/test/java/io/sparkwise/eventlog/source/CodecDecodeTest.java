package io.sparkwise.eventlog.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Decodes the corpus logs Spark 4.0.1 wrote in every codec; sizes are from INVENTORY.md. */
class CodecDecodeTest {

    private static final Path SPARK4 = Path.of("../shared/eventlogs/spark4");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "plain/local-1795562771711, 362217",
            "lz4/local-1795562780416.lz4, 364443",
            "lzf/local-1795562789824.lzf, 364327",
            "snappy/local-1795562798827.snappy, 364130",
            "zstd/local-1795562808917.zstd, 364710",
            "rolling/eventlog_v2_local-1795562819153/events_1_local-1795562819153.zstd, 363431",
    })
    void decode_sparkWrittenLog_givesAllEventLines(String file, int decodedBytes) {
        Decoded decoded = Decoded.file(SPARK4.resolve(file));

        assertThat(decoded.error()).isEmpty();
        assertThat(decoded.bytes()).hasSize(decodedBytes);
        assertThat(decoded.lines()).hasSize(83).allMatch(line -> line.startsWith("{\"Event\":"));
        assertThat(decoded.lines().get(0)).startsWith("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"");
        assertThat(decoded.lines().get(82)).startsWith("{\"Event\":\"SparkListenerApplicationEnd\"");
    }

    @Test
    void decode_databricksGzipPart_givesAllLines() {
        Decoded decoded = Decoded.file(
                Path.of("../shared/eventlogs/spark-log-parser/databricks-rollover/eventlog-2022-01-14--17-00.gz"));

        assertThat(decoded.error()).isEmpty();
        assertThat(decoded.bytes()).hasSize(614_629);
        assertThat(decoded.lines()).hasSize(249).allMatch(line -> line.startsWith("{\"Event\":"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "mcp-apache-spark-history-server/skills/cli/e2e/spark-events/local-1776286786993.zstd, 1454388, 274",
            "spark-rapids-tools/spark-events-profiling/nds_q66_gpu.zstd, 39586408, 26214",
            "spark-rapids-tools/spark-events-qualification/db_sim_eventlog/eventlog-2021-06-15--15-00.gz, 10480446, 5370",
    })
    void decode_otherProducersLogs_matchInventorySizes(String file, int decodedBytes, int lines) {
        Decoded decoded = Decoded.file(Path.of("../shared/eventlogs").resolve(file));

        assertThat(decoded.error()).isEmpty();
        assertThat(decoded.bytes()).hasSize(decodedBytes);
        assertThat(decoded.lines()).hasSize(lines);
    }
}
