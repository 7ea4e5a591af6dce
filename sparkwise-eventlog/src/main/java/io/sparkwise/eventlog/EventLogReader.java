package io.sparkwise.eventlog;

import io.sparkwise.eventlog.parse.EventLineParser;
import io.sparkwise.eventlog.parse.JsonEventDecoder;
import io.sparkwise.eventlog.parse.LineReader;
import io.sparkwise.eventlog.parse.ReadAheadInputStream;
import io.sparkwise.eventlog.source.Codec;
import io.sparkwise.eventlog.source.LogDiscovery;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.eventlog.source.LogPart;
import io.sparkwise.model.Application;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.state.ApplicationState;
import io.sparkwise.state.RetentionLimits;
import io.sparkwise.state.event.SparkEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * Entry point of the event log reader: finds the logs a user named and reads each into an
 * {@link Application} in one streaming pass: JSON lines decoded into typed events, applied to an
 * {@link ApplicationState}, whose snapshot at the end is the application. Users' mistakes come out
 * as {@link SparkwiseException}s that say what and where; damaged lines inside an otherwise
 * readable log are counted and reported in the application's {@link ReadReport}, and the rest is read.
 */
public final class EventLogReader {

    private final RetentionLimits limits;

    /** A reader that keeps finished jobs, stages and SQL executions up to Spark's default limits. */
    public EventLogReader() {
        this(RetentionLimits.DEFAULT);
    }

    /** A reader whose application state folds finished entities beyond {@code limits} into totals. */
    public EventLogReader(RetentionLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * Finds the event logs at {@code path}: a file, a rolling {@code eventlog_v2_*} directory, a
     * Databricks rolled-log directory, or a directory holding many logs (one input each).
     */
    public List<LogInput> discover(String path) {
        return LogDiscovery.discover(path);
    }

    /** Reads one application attempt's log. */
    public Application read(LogInput input) {
        return read(input, bytes -> { });
    }

    /**
     * Reads one application attempt's log, reporting raw (on-disk, still compressed) bytes read to
     * {@code rawBytesRead} as it goes: progress against {@link LogInput#size()}.
     */
    public Application read(LogInput input, LongConsumer rawBytesRead) {
        return read(input, rawBytesRead, null);
    }

    /**
     * Reads one application attempt's log and hands every event to {@code observer} right after the
     * state applied it (e.g. to snapshot the application after each completed stage). An exception
     * the observer throws ends the read: it is not taken for damaged input.
     *
     * @param observer null for none
     */
    public Application read(LogInput input, LongConsumer rawBytesRead, EventObserver observer) {
        Reading reading = new Reading(input, rawBytesRead, observer, new ApplicationState(limits));
        for (LogPart part : input.parts()) {
            reading.readPart(part);
        }
        return reading.finish();
    }

    /** The state of reading one input. */
    private static final class Reading implements LineReader.LineHandler, EventLineParser.EventSink {
        private final LogInput input;
        private final LongConsumer rawBytesRead;
        private final EventObserver observer;
        private final EventLineParser parser = new EventLineParser();
        private final ApplicationState state;
        /** The event of the line being read, for the observer once the line is done. */
        private SparkEvent applied;
        private final Map<String, Long> eventCounts = new TreeMap<>();
        private final Map<String, Long> unknownEvents = new TreeMap<>();
        private final List<ReadReport.DamagedLine> damaged = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private long damagedCount;
        private long lines;
        private long events;
        private long knownEvents;
        private long bytes;
        private boolean truncatedLastLine;
        private String partName;
        private String firstBadLine;
        private String partError;

        Reading(LogInput input, LongConsumer rawBytesRead, EventObserver observer, ApplicationState state) {
            this.input = input;
            this.rawBytesRead = rawBytesRead;
            this.observer = observer;
            this.state = state;
        }

        void readPart(LogPart part) {
            partName = part.name();
            files.add(part.name());
            LineReader reader = null;
            try (InputStream in = open(part)) {
                reader = new LineReader(in);
                reader.readAll(this);
            } catch (IOException e) {
                // A corrupt or truncated compressed stream: keep every line decoded before it.
                String reason = "could not read further: " + e.getMessage();
                partError = reason;
                addDamaged(part.name(), lines + 1, reason);
            } finally {
                if (reader != null) {
                    bytes += reader.bytesRead();
                }
            }
        }

        /** Compressed parts are decoded on a second thread while this one parses. */
        private InputStream open(LogPart part) throws IOException {
            InputStream decoded = part.open(rawBytesRead);
            return part.codec() == Codec.NONE ? decoded : new ReadAheadInputStream(decoded, part.name());
        }

        @Override
        public void line(byte[] buf, int off, int len, long lineNumber, boolean endsWithNewline) {
            lines++;
            if (isBlank(buf, off, len)) {
                return;
            }
            try {
                String name = parser.parse(buf, off, len, this);
                events++;
                eventCounts.merge(name, 1L, Long::sum);
                if (JsonEventDecoder.isKnown(name)) {
                    knownEvents++;
                } else {
                    unknownEvents.merge(name, 1L, Long::sum);
                }
            } catch (EventLineParser.BadLineException e) {
                if (firstBadLine == null) {
                    firstBadLine = preview(buf, off, len);
                }
                if (!endsWithNewline) {
                    truncatedLastLine = true;
                    if (input.inProgress()) {
                        return;     // an in-progress log is cut mid-line by design
                    }
                    addDamaged(partName, lineNumber, "last line cut off: " + e.getMessage());
                    return;
                }
                addDamaged(partName, lineNumber, e.getMessage());
            } catch (RuntimeException e) {
                // A well-formed event with values of unexpected types: skip it, never stop reading.
                addDamaged(partName, lineNumber, "unexpected event content: " + e);
            }
            if (applied != null) {
                SparkEvent event = applied;
                applied = null;
                // Outside the try: the observer's own failure is not a damaged line.
                if (observer != null) {
                    observer.afterEvent(event, state);
                }
            }
        }

        @Override
        public void event(String name, SparkEvent event) {
            state.onEvent(event);
            applied = event;
        }

        @Override
        public void oversizedLine(long lineNumber, long length) {
            lines++;
            addDamaged(partName, lineNumber, "line of " + length + " bytes is longer than the "
                    + (LineReader.MAX_LINE_BYTES >> 20) + " MiB limit");
        }

        private void addDamaged(String file, long line, String reason) {
            damagedCount++;
            if (damaged.size() < ReadReport.MAX_DAMAGED_LINES_KEPT) {
                damaged.add(new ReadReport.DamagedLine(file, line, reason));
            }
        }

        Application finish() {
            // Any Spark listener event makes it an event log, even a fragment without the
            // application's start: read what can be read (the report says what is missing).
            if (knownEvents == 0) {
                throw notAnEventLog();
            }
            ReadReport report = new ReadReport(input.name(), files, bytes, lines, events, eventCounts, unknownEvents,
                    damaged, damagedCount, truncatedLastLine, input.inProgress(), state.notes(input.inProgress()));
            return state.snapshot(report, fallbackAppId(input.name()));
        }

        private SparkwiseException notAnEventLog() {
            String name = input.name();
            if (bytes == 0 && partError == null) {
                return new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, name + ": empty file (0 bytes), not an event log");
            }
            if (lines == 0 && partError != null) {
                return new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, name + ": " + partError);
            }
            if (firstBadLine != null && firstBadLine.startsWith("(binary")) {
                return new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, name + ": binary data, not a Spark event log");
            }
            String first = firstBadLine == null ? "" : " (line 1: " + firstBadLine + ")";
            return new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG,
                    name + ": not a Spark event log: no line is a Spark listener event" + first);
        }

        private static boolean isBlank(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        /**
         * The start of a line for a message: at most 60 bytes, cut before a UTF-8 character rather
         * than inside one; a malformed sequence decodes to U+FFFD (never to a lone surrogate), and
         * control characters (C0, DEL, C1, line separators, bidi overrides) become '?', since the
         * message is printed on the user's terminal.
         */
        private static String preview(byte[] buf, int off, int len) {
            for (int i = off; i < off + Math.min(len, 4096); i++) {
                if (buf[i] == 0) {
                    return "(binary data)";
                }
            }
            int n = Math.min(len, 60);
            while (n > 0 && n < len && (buf[off + n] & 0xC0) == 0x80) {
                n--;
            }
            StringBuilder s = new StringBuilder(n);
            new String(buf, off, n, StandardCharsets.UTF_8).codePoints().forEach(c -> s.appendCodePoint(
                    c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                            || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ? '?' : c));
            return "'" + s + (len > n ? "...'" : "'");
        }

        /** An application id from a file name, for logs without SparkListenerApplicationStart. */
        private static String fallbackAppId(String name) {
            String file = Path.of(name).getFileName() == null ? name : Path.of(name).getFileName().toString();
            file = file.replaceFirst("\\.inprogress$", "").replaceFirst("\\.(lz4|lzf|snappy|zstd|gz)$", "");
            return file.replaceFirst("^eventlog_v2_", "");
        }
    }
}
