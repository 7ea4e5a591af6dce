package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.FileTree.Entry;
import io.sparkwise.eventlog.source.LogInput.Layout;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark 3.0+ rolling event logs ({@code spark.eventLog.rolling.enabled}): a directory
 * {@code eventlog_v2_<appId>[_<attempt>]/} with parts {@code events_<N>_<appId>[_<attempt>][.codec]}
 * and an empty {@code appstatus_<appId>[_<attempt>][.inprogress]} marker. Read as Spark's
 * {@code RollingEventLogFilesFileReader} does: parts by numeric index, starting at the last
 * compacted part ({@code .compact}), with no index missing.
 */
final class RollingLogDirectory {

    static final String DIRECTORY_PREFIX = "eventlog_v2_";
    static final String APP_STATUS_PREFIX = "appstatus_";
    private static final Pattern EVENTS_PART = Pattern.compile("events_(\\d{1,18})_.+");
    private static final String COMPACTED = ".compact";
    private static final String IN_PROGRESS = ".inprogress";

    private RollingLogDirectory() {
    }

    static boolean isRollingDirectory(Entry entry) {
        return entry.directory() && entry.name().startsWith(DIRECTORY_PREFIX);
    }

    /**
     * The log in {@code directory}, or empty when it holds no {@code events_} part yet (Spark
     * creates the directory and the appstatus marker just before the first part).
     * A missing inner part fails, as in Spark: the events after the gap would not make sense.
     * Without an appstatus marker (Spark always writes one) the log counts as in progress, so a
     * cut last line is tolerated.
     */
    static Optional<LogInput> read(FileTree tree, Entry directory) {
        List<Entry> files = tree.list(directory).stream().filter(entry -> !entry.directory()).toList();
        List<IndexedPart> parts = files.stream()
                .flatMap(entry -> IndexedPart.of(entry).stream())
                .sorted(Comparator.comparingLong(IndexedPart::index).thenComparing(IndexedPart::compacted))
                .toList();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<IndexedPart> toRead = fromLastCompacted(parts);
        requireNoGap(directory, toRead);
        boolean inProgress = files.stream()
                .filter(entry -> entry.name().startsWith(APP_STATUS_PREFIX))
                .findFirst()
                .map(status -> status.name().endsWith(IN_PROGRESS))
                .orElse(true);
        List<LogPart> logParts = toRead.stream().map(part -> LogDiscovery.part(tree, part.entry())).toList();
        return Optional.of(new LogInput(directory.path(), Layout.ROLLING, logParts, inProgress));
    }

    static SparkwiseException noParts(Entry directory) {
        return new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, directory.path()
                + ": rolling event log directory has no events_<N>_<appId> part files");
    }

    private static List<IndexedPart> fromLastCompacted(List<IndexedPart> parts) {
        for (int i = parts.size() - 1; i > 0; i--) {
            if (parts.get(i).compacted()) {
                return parts.subList(i, parts.size());
            }
        }
        return parts;
    }

    private static void requireNoGap(Entry directory, List<IndexedPart> parts) {
        long first = parts.get(0).index();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).index() != first + i) {
                String found = parts.stream().map(part -> Long.toString(part.index())).collect(Collectors.joining(", "));
                long last = parts.get(parts.size() - 1).index();
                throw new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG,
                        "%s: rolling event log is missing part(s): expected events_ indexes %d to %d, found %s"
                                .formatted(directory.path(), first, last, found));
            }
        }
    }

    private record IndexedPart(Entry entry, long index, boolean compacted) {

        static Optional<IndexedPart> of(Entry entry) {
            Matcher matcher = EVENTS_PART.matcher(entry.name());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            return Optional.of(new IndexedPart(entry, Long.parseLong(matcher.group(1)),
                    entry.name().endsWith(COMPACTED)));
        }
    }
}
