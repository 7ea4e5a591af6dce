package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.CorruptInputException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.THROWABLE;

class CodecErrorsTest {

    private static final Path SPARK4 = Path.of("../shared/eventlogs/spark4");
    private static final String PLAIN_TEXT = "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}\n";

    @TempDir
    Path dir;

    @Test
    void decode_plainTextInZstdFile_saysNotZstdData() throws IOException {
        Path file = write("x.zstd", PLAIN_TEXT.getBytes(StandardCharsets.UTF_8));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).isEmpty();
        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_THIS_CODEC);
            assertThat(e).hasMessage(file + ": not zstd data (codec chosen by the file extension .zstd): "
                    + "Unknown frame descriptor");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "x.lz4    | not lz4 data (codec chosen by the file extension .lz4): Stream is corrupted",
            "x.lzf    | not lzf data (codec chosen by the file extension .lzf): Corrupt input data, block did not start with 2 byte signature ('ZV') followed by type byte, 2-byte length)",
            "x.snappy | not snappy data (codec chosen by the file extension .snappy): FAILED_TO_UNCOMPRESS(5)",
            "x.gz     | not gzip data (codec chosen by the file extension .gz): Not in GZIP format",
    })
    void decode_plainTextWithCodecExtension_saysNotThatCodec(String name, String message) throws IOException {
        Path file = write(name, PLAIN_TEXT.getBytes(StandardCharsets.UTF_8));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).isEmpty();
        assertThat(decoded.error()).get(THROWABLE).isInstanceOf(CorruptInputException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void decode_zstdCutShort_returnsDecodableBytesThenSaysTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("zstd/local-1795562808917.zstd"));
        byte[] expected = Decoded.file(SPARK4.resolve("zstd/local-1795562808917.zstd")).bytes();
        // 90%: the first two 128 KB zstd blocks are whole, the third is cut (a half file cuts the first).
        Path file = write("cut.zstd", Arrays.copyOf(whole, whole.length * 9 / 10));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).hasSize(262_144).isEqualTo(Arrays.copyOf(expected, 262_144));
        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class, e -> {
            assertThat(e.truncated()).isTrue();
            assertThat(e.decodedBytes()).isEqualTo(262_144);
            assertThat(e).hasMessage(file + ": truncated zstd data: the file ends inside the compressed stream, "
                    + "after 262144 decoded bytes: Truncated source");
        });
    }

    @Test
    void decode_zstdCutInHalf_saysTruncatedNotWrongCodec() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("zstd/local-1795562808917.zstd"));
        Path file = write("half.zstd", Arrays.copyOf(whole, whole.length / 2));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TRUNCATED));
    }

    @Test
    void decode_lz4CutInHalf_returnsWholeBlocksThenSaysTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("lz4/local-1795562780416.lz4"));
        byte[] expected = Decoded.file(SPARK4.resolve("lz4/local-1795562780416.lz4")).bytes();
        Path file = write("half.lz4", Arrays.copyOf(whole, whole.length / 2));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).hasSize(98_304).isEqualTo(Arrays.copyOf(expected, 98_304));
        assertThat(decoded.error()).get(THROWABLE).isInstanceOf(CorruptInputException.class)
                .hasMessage(file + ": truncated lz4 data: the file ends inside the compressed stream, "
                        + "after 98304 decoded bytes: Stream ended prematurely");
    }

    @Test
    void decode_lz4WithoutItsEndBlock_saysTruncatedAfterAllData() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("lz4/local-1795562780416.lz4"));
        // Spark's own reader (stopOnEmptyBlock=false) accepts this silently; the end block is 21 bytes.
        Path file = write("noend.lz4", Arrays.copyOf(whole, whole.length - 21));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).hasSize(364_443);
        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class,
                e -> assertThat(e.truncated()).isTrue());
    }

    @Test
    void decode_twoConcatenatedLz4Streams_decodesBoth() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("lz4/local-1795562780416.lz4"));
        byte[] twice = Arrays.copyOf(whole, whole.length * 2);
        System.arraycopy(whole, 0, twice, whole.length, whole.length);

        Decoded decoded = Decoded.file(write("twice.lz4", twice));

        assertThat(decoded.error()).isEmpty();
        assertThat(decoded.bytes()).hasSize(2 * 364_443);
        assertThat(decoded.lines()).hasSize(2 * 83);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "snappy/local-1795562798827.snappy, x.snappy",
            "lzf/local-1795562789824.lzf, x.lzf",
            "../spark-log-parser/databricks-rollover/eventlog-2022-01-14--17-00.gz, x.gz",
    })
    void decode_otherCodecsCutInHalf_sayTruncated(String source, String name) throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve(source));
        Path file = write(name, Arrays.copyOf(whole, whole.length / 2));

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.bytes()).isNotEmpty();
        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class, e -> {
            assertThat(e.truncated()).isTrue();
            assertThat(e.decodedBytes()).isEqualTo(decoded.bytes().length);
            assertThat(e.getMessage()).startsWith(file + ": truncated ");
        });
    }

    @Test
    void decode_lz4WithGarbageInTheMiddle_saysCorruptAfterGoodBytes() throws IOException {
        byte[] bytes = Files.readAllBytes(SPARK4.resolve("lz4/local-1795562780416.lz4"));
        for (int i = bytes.length / 3; i < bytes.length / 3 + 50; i++) {
            bytes[i] ^= 0x5a;
        }
        Path file = write("garbage.lz4", bytes);

        Decoded decoded = Decoded.file(file);

        assertThat(decoded.error()).get().isInstanceOfSatisfying(CorruptInputException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CORRUPT);
            assertThat(e.decodedBytes()).isEqualTo(decoded.bytes().length).isPositive();
            assertThat(e).hasMessage(file + ": corrupt lz4 data after " + decoded.bytes().length
                    + " decoded bytes: Stream is corrupted");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.lz4", "x.lzf", "x.snappy", "x.zstd", "x.gz"})
    void decode_emptyCompressedFile_givesNoBytesAndNoError(String name) throws IOException {
        Decoded decoded = Decoded.file(write(name, new byte[0]));

        assertThat(decoded.error()).isEmpty();
        assertThat(decoded.bytes()).isEmpty();
    }

    @Test
    void decode_storageFailsMidway_passesTheStorageErrorThrough() throws IOException {
        byte[] whole = Files.readAllBytes(SPARK4.resolve("zstd/local-1795562808917.zstd"));
        IOException diskError = new IOException("Input/output error");
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream(Arrays.copyOf(whole, 1000)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw diskError;
                    }
                });
        LogPart part = new LogPart("disk.zstd", whole.length, Codec.ZSTD, () -> failing);

        Decoded decoded = Decoded.part(part);

        assertThat(decoded.error()).containsSame(diskError);
    }

    @Test
    void decode_noneCodec_returnsTheRawStreamItself() throws IOException {
        InputStream raw = new ByteArrayInputStream(new byte[1]);

        assertThat(Codec.NONE.decode(raw, "x")).isSameAs(raw);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
