package io.sparkwise.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8WritersTest {

    /** Decodes as a strict reader would: a malformed sequence fails. */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Test
    void newFile_loneSurrogates_writesReplacementCharacters(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.txt");
        try (Writer out = Utf8Writers.newFile(file)) {
            out.write("app \ud800 name \udfff \ud83d\ude00");
        }

        assertThat(strictUtf8(Files.readAllBytes(file))).isEqualTo("app \ufffd name \ufffd \ud83d\ude00");
    }

    @Test
    void of_pairSplitAcrossWrites_isKeptWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = Utf8Writers.of(bytes)) {
            out.write("a\ud83d");
            out.write("\ude00b\ud800");
        }

        assertThat(strictUtf8(bytes.toByteArray())).isEqualTo("a\ud83d\ude00b\ufffd");
    }
}
