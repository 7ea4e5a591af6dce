package io.sparkwise.model;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What reading the log went like: what was read, what was skipped and what was damaged.
 *
 * @param source the path or URI the user named
 * @param files the files read, in the order read
 * @param bytesRead uncompressed bytes read
 * @param eventCounts count per event name (SparkListenerTaskEnd, ...)
 * @param unknownEvents events this reader does not use (vendor or future events), by name
 * @param damagedLines lines that could not be parsed (at most {@link #MAX_DAMAGED_LINES_KEPT} kept)
 * @param damagedLineCount all damaged lines, also those not kept
 * @param truncatedLastLine the last line was cut off (normal for an in-progress log)
 * @param inProgress the log was still being written (an .inprogress file or appstatus marker)
 * @param notes what the log lacks that a reader should know, e.g. "no SparkListenerApplicationStart:
 *     the application id is taken from the file name"
 */
public record ReadReport(
        String source,
        List<String> files,
        long bytesRead,
        long lines,
        long events,
        Map<String, Long> eventCounts,
        Map<String, Long> unknownEvents,
        List<DamagedLine> damagedLines,
        long damagedLineCount,
        boolean truncatedLastLine,
        boolean inProgress,
        List<String> notes) {

    public static final int MAX_DAMAGED_LINES_KEPT = 100;

    public ReadReport {
        requireNonNull(source, "source is null");
        files = List.copyOf(files);
        eventCounts = Map.copyOf(eventCounts);
        unknownEvents = Map.copyOf(unknownEvents);
        damagedLines = List.copyOf(damagedLines);
        notes = List.copyOf(notes);
    }

    /** A line that could not be parsed: which file, which line (1-based), and why. */
    public record DamagedLine(String file, long line, String reason) {
        public DamagedLine {
            requireNonNull(file, "file is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
