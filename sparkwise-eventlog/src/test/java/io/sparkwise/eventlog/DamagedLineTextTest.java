package io.sparkwise.eventlog;

import io.sparkwise.model.Application;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a damaged line's reason and excerpt may hold: they reach terminals and every report format. */
class DamagedLineTextTest {

    @TempDir
    Path dir;

    private final EventLogReader reader = new EventLogReader();

    private Application read(Path file) {
        return reader.read(reader.discover(file.toString()).get(0));
    }

    /** The minimal application with {@code damaged} raw lines appended. */
    private Path logWith(byte[]... damaged) throws IOException {
        Path file = SyntheticLog.minimalApp().end(2000).write(dir.resolve("app-1"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Files.readAllBytes(file));
        for (byte[] line : damaged) {
            bytes.write(line);
            bytes.write('\n');
        }
        return Files.write(file, bytes.toByteArray());
    }

    private static boolean hasControlOrLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void read_tokenWithTerminalEscape_reasonShowsItAsAVisibleEscape() throws IOException {
        Application app = read(logWith("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":abc\u001b]0;x\u0007}"
                .getBytes(StandardCharsets.UTF_8)));

        ReadReport.DamagedLine damaged = app.readReport().damagedLines().get(0);
        assertThat(damaged.reason()).startsWith("invalid JSON: Unrecognized token 'abc\\u001b");
        assertThat(hasControlOrLoneSurrogate(damaged.reason())).isFalse();
        assertThat(app.info().name()).isEqualTo("synthetic");
    }

    @Test
    void read_invalidUtf8Sequences_countedAsDamagedWithSafeReasons() throws IOException {
        Application app = read(logWith(
                new byte[] {'{', '"', 'E', 'v', 'e', 'n', 't', '"', ':', '"', 'A', (byte) 0xC3, 0x28, '"', '}'},
                new byte[] {'{', '"', 'E', 'v', 'e', 'n', 't', '"', ':', '"', (byte) 0xFF, '"', '}'},
                new byte[] {'{', '"', 'E', 'v', 'e', 'n', 't', '"', ':', '"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98}));

        assertThat(app.readReport().damagedLineCount()).isEqualTo(3);
        assertThat(app.readReport().damagedLines()).allSatisfy(d -> assertThat(hasControlOrLoneSurrogate(d.reason())).isFalse());
    }

    @Test
    void read_notAnEventLog_excerptCutBeforeAMultiByteCharacterAndControlsReplaced() throws IOException {
        // 58 bytes, then a 3-byte character across the 60-byte cut.
        String first = "\u001b[31m" + "x".repeat(53) + "\u20ac" + "\u0085tail";
        Path text = Files.writeString(dir.resolve("driver.log"), first + "\nmore\n");

        assertThatThrownBy(() -> read(text))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage(text + ": not a Spark event log: no line is a Spark listener event (line 1: '?[31m"
                        + "x".repeat(53) + "...')");
    }
}
