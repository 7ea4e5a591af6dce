package io.sparkwise.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real event logs made hostile: a copy of a small Spark 4.0.1 corpus log whose every kind of text
 * that reaches a report carries what a damaged or malicious log can hold, a copy with nonsense
 * timestamps, and an untouched corpus log beside them.
 *
 * <p>The log is edited as ISO-8859-1 text so that raw bytes survive as they are: invalid UTF-8
 * that Jackson still accepts in a string (an encoded surrogate, a 4-byte sequence above
 * U+10FFFF, an overlong NUL), JSON escapes of lone surrogates and control characters, and
 * damaged lines holding invalid UTF-8 and terminal escapes.
 */
final class HostileLogs {

    static final Path SOURCE = Path.of("../shared/eventlogs/spark4/plain/local-1795562771711");
    static final Path CLEAN = Path.of("../shared/eventlogs/apache-spark/spark-events/local-1422981780767");
    static final String HOSTILE_FILE = "local-hostile";
    static final String TIMESTAMPS_FILE = "local-timestamps";
    static final String CLEAN_FILE = "local-clean";

    /** Raw bytes Jackson decodes without complaint: ED A0 80 (a lone surrogate), F4 90 80 80 (two), C0 80 (NUL). */
    private static final String RAW = "\u00ed\u00a0\u0080|\u00f4\u0090\u0080\u0080|\u00c0\u0080";

    /** JSON-escaped: terminal escapes (color, window title, CSI as C1), NUL, DEL, separators, bidi override, markup, lone surrogates. */
    static final String ESCAPED = "X\\u0007\\u001b[31mRED\\u001b]0;title\\u0007\\u0000\\u007f\\u0085\\u009b[2J"
            + "\\u2028\\u2029\\u202e|<b>&amp;</b>`*_#``` ]]> --> \\\"q\\\" \\ud800lone\\udfffpair\\ud83d\\ude00end"
            + "\\n2nd\\tline\\r";

    static final String HOSTILE = RAW + ESCAPED;

    /** Every text field of the log that a report shows. */
    private static final Pattern TEXT_FIELDS = Pattern.compile("\"(App Name|User|Stage Name|Details|description"
            + "|details|physicalPlanDescription|nodeName|simpleString|name|Host|spark\\.job\\.description"
            + "|callSite\\.short)\":\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    private HostileLogs() {
    }

    /** Writes the three logs into {@code dir}. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(HOSTILE_FILE), hostile().getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve(TIMESTAMPS_FILE), timestamps().getBytes(StandardCharsets.ISO_8859_1));
        Files.copy(CLEAN, dir.resolve(CLEAN_FILE));
        return dir;
    }

    static Path writeHostile(Path file) throws IOException {
        return Files.write(file, hostile().getBytes(StandardCharsets.ISO_8859_1));
    }

    static Path writeTimestamps(Path file) throws IOException {
        return Files.write(file, timestamps().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<String> sourceLines() throws IOException {
        return Files.readAllLines(SOURCE, StandardCharsets.ISO_8859_1);
    }

    private static String hostile() throws IOException {
        List<String> out = new ArrayList<>();
        boolean failedTask = false;
        boolean failedStage = false;
        boolean failedJob = false;
        for (String line : sourceLines()) {
            line = TEXT_FIELDS.matcher(line).replaceAll(m ->
                    Matcher.quoteReplacement("\"" + m.group(1) + "\":\"" + m.group(2) + " " + HOSTILE + "\""));
            if (line.contains("\"SparkListenerEnvironmentUpdate\"")) {
                line = line.replace("\"Spark Properties\":{", "\"Spark Properties\":{\"spark.hostile." + HOSTILE
                        + "\":\"" + HOSTILE + "\",");
            }
            if (!failedTask && line.contains("\"Task End Reason\":{\"Reason\":\"Success\"}")) {
                failedTask = true;
                line = line.replace("\"Task End Reason\":{\"Reason\":\"Success\"}", "\"Task End Reason\":{"
                        + "\"Reason\":\"ExceptionFailure\",\"Class Name\":\"java.lang.IllegalStateException" + HOSTILE
                        + "\",\"Description\":\"" + HOSTILE + "\",\"Stack Trace\":[],\"Full Stack Trace\":\"" + HOSTILE
                        + "\"}");
            }
            if (!failedStage && line.contains("\"SparkListenerStageCompleted\"")) {
                failedStage = true;
                line = line.replace("\"Stage Info\":{", "\"Stage Info\":{\"Failure Reason\":\"" + HOSTILE + "\",");
            }
            if (!failedJob && line.contains("\"Job Result\":{\"Result\":\"JobSucceeded\"}")) {
                failedJob = true;
                line = line.replace("\"Job Result\":{\"Result\":\"JobSucceeded\"}",
                        "\"Job Result\":{\"Result\":\"JobFailed\",\"Exception\":{\"Message\":\"" + HOSTILE + "\"}}");
            }
            if (line.contains("\"SparkListenerApplicationEnd\"")) {
                out.addAll(extraEvents());
            }
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    /** An executor with hostile host, log URLs and removal reason; unknown events and damaged lines with hostile bytes. */
    private static List<String> extraEvents() {
        return List.of(
                "{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":1795562775400,\"Executor ID\":\"7" + HOSTILE
                        + "\",\"Executor Info\":{\"Host\":\"" + HOSTILE + "\",\"Total Cores\":1,\"Log Urls\":{\"stdout\":\""
                        + HOSTILE + "\",\"stderr\":\"" + HOSTILE + "\"}}}",
                "{\"Event\":\"SparkListenerExecutorRemoved\",\"Timestamp\":1795562775500,\"Executor ID\":\"7" + HOSTILE
                        + "\",\"Removed Reason\":\"" + HOSTILE + "\"}",
                "{\"Event\":\"SparkListenerHostile" + HOSTILE + "\"}",
                // A token holding ESC (a Java identifier part, so Jackson quotes it in its message).
                "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":abc\u001b]0;pwned\u0007}",
                // Invalid UTF-8: a broken 2-byte sequence, a 0xFF byte, a truncated 4-byte sequence at the end.
                "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":\u00c3\u0028 \u00ff broken",
                "{\"Event\":\"SparkListenerJobStart\",\"x\":\"\u00f0\u009f\u0098",
                "not json \u001b[2J\u00e2\u0080\u00ae\u00ed\u00a0\u0080 " + "\u00f0\u009f\u0098\u0080".repeat(40));
    }

    /**
     * Reversed and extreme timestamps: the application ends at Long.MAX_VALUE, stages complete
     * (at 1 ms after the epoch) before they are submitted (at Long.MAX_VALUE - 1), tasks finish
     * before they launch.
     */
    private static String timestamps() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : sourceLines()) {
            if (line.contains("\"SparkListenerApplicationEnd\"")) {
                line = line.replaceFirst("\"Timestamp\":\\d+", "\"Timestamp\":" + Long.MAX_VALUE);
            }
            line = line.replaceAll("\"Submission Time\":\\d+", "\"Submission Time\":" + (Long.MAX_VALUE - 1))
                    .replaceAll("\"Completion Time\":\\d+", "\"Completion Time\":1")
                    .replaceAll("\"Launch Time\":\\d+", "\"Launch Time\":" + Long.MAX_VALUE)
                    .replaceAll("\"Finish Time\":\\d+", "\"Finish Time\":0");
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }
}
