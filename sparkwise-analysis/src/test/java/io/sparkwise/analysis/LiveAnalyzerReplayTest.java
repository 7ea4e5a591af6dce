package io.sparkwise.analysis;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.Codec;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LiveAnalyzer} on snapshots of running applications: every plain single-file corpus log is
 * cut after each stage, job, SQL execution and executor end, the cut read as an in-progress log
 * gives the snapshot the end is signalled with, and the application rules run on it; the final
 * findings must have {@link Analyzer}'s keys, with no rule error on any snapshot. (The state
 * module's snapshots will replace the cut logs in the end-to-end replay test.)
 */
class LiveAnalyzerReplayTest {

    private static final Pattern STAGE = Pattern.compile("\"Stage ID\":(\\d+),\"Stage Attempt ID\":(\\d+)");
    private static final Pattern SQL = Pattern.compile("\"executionId\":(\\d+)");
    private static final Pattern JOB = Pattern.compile("\"Job ID\":(\\d+)");
    private static final Pattern EXECUTOR = Pattern.compile("\"Executor ID\":\"([^\"]+)\"");

    @TempDir
    Path tmp;

    @Test
    void liveOnCutLogs_everyPlainCorpusLog_endsWithAnalyzersKeys() throws IOException {
        EventLogReader reader = new EventLogReader();
        Thresholds thresholds = Thresholds.defaults();
        int logs = 0;
        int snapshots = 0;
        int judgedWhileRunning = 0;
        for (LogInput input : reader.discover("../shared/eventlogs")) {
            Optional<List<String>> lines = plainLines(input);
            if (lines.isEmpty()) {
                continue;
            }
            Application last;
            try {
                last = reader.read(input);
            } catch (SparkwiseException notAnEventLog) {
                continue;
            }
            logs++;
            LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);
            for (int i = 0; i < lines.get().size(); i++) {
                String line = lines.get().get(i);
                if (!isEnd(line)) {
                    continue;
                }
                Path cut = tmp.resolve("cut.inprogress");
                Files.write(cut, lines.get().subList(0, i + 1), StandardCharsets.UTF_8);
                Application snapshot = reader.read(reader.discover(cut.toString()).get(0));
                snapshots++;
                judgedWhileRunning += signal(live, snapshot, line).size();
                live.evaluateApplication(snapshot);
            }
            live.onApplicationEnd(last);

            assertThat(live.ruleErrors()).as(input.name()).isEmpty();
            assertThat(live.findings()).as(input.name()).extracting(Finding::key).containsExactlyInAnyOrderElementsOf(
                    Analyzer.withBuiltInRules().analyze(last, thresholds).findings().stream().map(Finding::key).toList());
        }

        assertThat(logs).isGreaterThan(40);
        assertThat(snapshots).isGreaterThan(200);
        assertThat(judgedWhileRunning).isGreaterThan(5);
    }

    private static boolean isEnd(String line) {
        return line.contains("\"Event\":\"SparkListenerStageCompleted\"") || line.contains("SQLExecutionEnd\"")
                || line.contains("\"Event\":\"SparkListenerJobEnd\"")
                || line.contains("\"Event\":\"SparkListenerExecutorRemoved\"");
    }

    private static List<Finding> signal(LiveAnalyzer live, Application snapshot, String line) {
        Matcher m;
        if (line.contains("SparkListenerStageCompleted") && (m = STAGE.matcher(line)).find()) {
            return live.onStageCompleted(snapshot, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (line.contains("SQLExecutionEnd") && (m = SQL.matcher(line)).find()) {
            return live.onSqlExecutionEnd(snapshot, Long.parseLong(m.group(1)));
        }
        if (line.contains("SparkListenerJobEnd") && (m = JOB.matcher(line)).find()) {
            return live.onJobEnd(snapshot, Integer.parseInt(m.group(1)));
        }
        if ((m = EXECUTOR.matcher(line)).find()) {
            return live.onExecutorRemoved(snapshot, m.group(1));
        }
        return new ArrayList<>();
    }

    /** The lines of an uncompressed one-file log; empty for other layouts and codecs. */
    private static Optional<List<String>> plainLines(LogInput input) {
        if (input.layout() != LogInput.Layout.SINGLE_FILE || input.parts().get(0).codec() != Codec.NONE) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(Path.of(input.name()), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
