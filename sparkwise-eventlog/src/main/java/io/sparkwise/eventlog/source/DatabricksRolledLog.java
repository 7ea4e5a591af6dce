package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.FileTree.Entry;
import io.sparkwise.eventlog.source.LogInput.Layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Databricks rolls its logs differently from Spark: the current part is a file named
 * {@code eventlog}, and each hour the finished part becomes {@code eventlog-YYYY-MM-DD--HH-00.gz}
 * beside it. All of them are one application, read oldest first and {@code eventlog} last.
 */
final class DatabricksRolledLog {

    static final String CURRENT_PART = "eventlog";
    private static final Pattern HOURLY_PART = Pattern.compile("eventlog-\\d{4}-\\d{2}-\\d{2}--\\d{2}-\\d{2}(\\..+)?");

    private DatabricksRolledLog() {
    }

    static boolean isHourlyPart(String name) {
        return HOURLY_PART.matcher(name).matches();
    }

    /**
     * One input for {@code directory}: the hourly parts in time order (their names sort by date
     * and hour), then the current part when there is one. Databricks writes no completion marker.
     */
    static LogInput input(FileTree tree, Entry directory, List<Entry> hourlyParts, Optional<Entry> current) {
        List<Entry> ordered = new ArrayList<>(hourlyParts);
        ordered.sort(Comparator.comparing(Entry::name));
        current.ifPresent(ordered::add);
        List<LogPart> parts = ordered.stream().map(entry -> LogDiscovery.part(tree, entry)).toList();
        return new LogInput(directory.path(), Layout.DATABRICKS_ROLLED, parts, false);
    }
}
