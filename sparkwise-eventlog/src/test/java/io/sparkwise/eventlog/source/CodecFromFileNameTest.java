package io.sparkwise.eventlog.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CodecFromFileNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "local-1795562780416.lz4, LZ4",
            "local-1795562789824.lzf, LZF",
            "local-1795562798827.snappy, SNAPPY",
            "local-1795562808917.zstd, ZSTD",
            "eventlog-2022-01-14--17-00.gz, GZIP",
            "local-1795562771711, NONE",
            "local-1430917381535_1, NONE",
            "application_1628109047826_1317105, NONE",
            "eventlog, NONE",
            "events_1_local-1623876083964.zstd, ZSTD",
            "events_10_app_2.lz4, LZ4",
    })
    void fromFileName_sparkNames_pickCodecByLastExtension(String name, Codec expected) {
        assertThat(Codec.fromFileName(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "local-1795562808917.zstd.inprogress, ZSTD",
            "local-1795562771711.inprogress, NONE",
            "app_1.lz4.inprogress, LZ4",
            "events_5_app.zstd.compact, ZSTD",
            "events_5_app.compact, NONE",
    })
    void fromFileName_inProgressOrCompactSuffix_isStrippedFirst(String name, Codec expected) {
        assertThat(Codec.fromFileName(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "app.ZSTD, ZSTD",
            "app.Snappy, SNAPPY",
            "app.log, NONE",
            "app.json, NONE",
            "app., NONE",
            "gpu_eventlog.zst, NONE",
    })
    void fromFileName_caseOrUnknownExtension_matchesIgnoringCaseElseNone(String name, Codec expected) {
        assertThat(Codec.fromFileName(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "../shared/eventlogs/spark4/zstd/local-1795562808917.zstd, ZSTD",
            "hdfs://nn:8020/spark-logs/app.v1/local-1, NONE",
            "/logs/eventlog_v2_app.x/events_1_app.lz4, LZ4",
    })
    void fromFileName_path_usesOnlyTheLastSegment(String name, Codec expected) {
        assertThat(Codec.fromFileName(name)).isEqualTo(expected);
    }
}
