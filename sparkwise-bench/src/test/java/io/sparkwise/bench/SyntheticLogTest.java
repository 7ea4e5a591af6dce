package io.sparkwise.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticLogTest {

    @Test
    void writeTo_everyLineIsOneJsonObject_withOneStartAndEndPerTask() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = new SyntheticLog(2_500, 1_000, 4, 1).writeTo(out);

        assertThat(bytes).isEqualTo(out.size());
        JsonFactory json = new JsonFactory();
        long starts = 0;
        long ends = 0;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            try (JsonParser p = json.createParser(line)) {
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.VALUE_STRING && "Event".equals(p.currentName())) {
                        starts += "SparkListenerTaskStart".equals(p.getText()) ? 1 : 0;
                        ends += "SparkListenerTaskEnd".equals(p.getText()) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(starts).isEqualTo(2_500);
        assertThat(ends).isEqualTo(2_500);
    }

    @Test
    void writeTo_sparkReplayAndSparkwiseBothReadIt(@TempDir Path dir) throws IOException {
        Path log = dir.resolve(SyntheticLog.APP_ID);
        try (OutputStream out = Files.newOutputStream(log)) {
            new SyntheticLog(2_500, 1_000, 4, 1).writeTo(out);
        }

        SparkReplay.Result spark = SparkReplay.replay(log.toString());
        assertThat(spark.stages()).isEqualTo(3);
        assertThat(spark.tasks()).isEqualTo(2_500);

        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover(log.toString()).get(0));
        assertThat(app.stages()).hasSize(3);
        assertThat(app.jobs()).hasSize(3);
    }

    @Test
    void writeTo_tenThousandTasks_writesAboutThreeKilobytesPerTask() throws IOException {
        // how fast it writes is the benchmark's business (bench/run.sh), not a unit test's
        CountingSink sink = new CountingSink();
        SyntheticLog.ofTasks(10_000).writeTo(sink);

        assertThat(sink.bytes).isBetween(25_000_000L, 45_000_000L);
    }

    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
