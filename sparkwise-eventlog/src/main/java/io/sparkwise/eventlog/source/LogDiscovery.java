package io.sparkwise.eventlog.source;

import io.sparkwise.eventlog.source.FileTree.Entry;
import io.sparkwise.eventlog.source.LogInput.Layout;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Finds the event logs under a path: one {@link LogInput} per application attempt.
 *
 * <p>What a path can name:
 * <ul>
 *   <li>a file: that file alone, whatever its name (plain or compressed; {@code .inprogress}
 *       means in progress). One part of a rolling or Databricks log named directly is read alone.
 *       An empty (0 byte) file named directly is rejected here: nothing else could be meant;</li>
 *   <li>a rolling directory {@code eventlog_v2_<appId>[_<attempt>]/}: see {@link RollingLogDirectory};</li>
 *   <li>a Databricks directory with {@code eventlog} beside {@code eventlog-YYYY-MM-DD--HH-00[.gz]}
 *       parts: one input, see {@link DatabricksRolledLog};</li>
 *   <li>any other directory: scanned recursively, one input per log found, sorted by path.
 *       The scan skips hidden files and directories, {@code expectations} directories, files
 *       ending in {@code .md .json .txt .crc} and {@code appstatus_} markers, and rolling
 *       directories that hold no part yet. Empty files are kept, so the reader reports them
 *       with the other unreadable logs.</li>
 * </ul>
 * Paths are local paths, {@code file:} URIs, or Hadoop file system URIs ({@code hdfs://},
 * {@code s3a://}, {@code gs://}, {@code abfs://}...) which need Hadoop's client jars on the
 * classpath. Input and part names are local paths as the user wrote them (a {@code file:} URI
 * becomes its path) plus the names found below them, so messages point at files the user
 * recognizes; on Hadoop file systems they are the qualified paths Hadoop reports.
 */
public final class LogDiscovery {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("expectations");
    private static final List<String> SKIPPED_EXTENSIONS = List.of(".md", ".json", ".txt", ".crc");
    private static final String IN_PROGRESS = ".inprogress";
    private static final String COMPACTED = ".compact";
    // Deeper than any real log layout; reached only through a symbolic link loop.
    private static final int MAX_DEPTH = 64;

    private LogDiscovery() {
    }

    /**
     * One input per application attempt log at {@code path}; several only for a directory scan,
     * then sorted by name.
     *
     * @throws SparkwiseException {@code INPUT_NOT_FOUND} for a missing or unreadable path,
     *     {@code NOT_AN_EVENT_LOG} for an empty file named directly, a directory without logs or
     *     a broken rolling directory, {@code READ_FAILED} when listing a directory fails,
     *     {@code USAGE} for a blank path, or a URI that needs Hadoop when Hadoop is absent
     */
    public static List<LogInput> discover(String path) {
        requireNonNull(path, "path is null");
        if (path.isBlank()) {
            throw new SparkwiseException(ErrorCode.USAGE, "no path given: name an event log file or directory");
        }
        FileTree tree = FileTree.forPath(path);
        String treePath = path.startsWith("file:") ? localPath(path) : path;
        Entry root = tree.stat(treePath).orElseThrow(() ->
                new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no such file or directory: " + path));
        if (!tree.readable(root)) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "cannot read " + path + ": permission denied");
        }
        if (!root.directory()) {
            return List.of(namedFile(tree, root));
        }
        if (RollingLogDirectory.isRollingDirectory(root)) {
            return List.of(RollingLogDirectory.read(tree, root).orElseThrow(() -> RollingLogDirectory.noParts(root)));
        }
        List<LogInput> inputs = new ArrayList<>();
        scan(tree, root, 0, inputs);
        if (inputs.isEmpty()) {
            throw new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG, "no event logs found in " + path);
        }
        inputs.sort(Comparator.comparing(LogInput::name));
        return List.copyOf(inputs);
    }

    static LogPart part(FileTree tree, Entry file) {
        return new LogPart(file.path(), file.size(), Codec.fromFileName(file.name()), () -> tree.open(file));
    }

    private static String localPath(String fileUri) {
        try {
            return Path.of(URI.create(fileUri)).toString();
        } catch (IllegalArgumentException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "not a valid file: URI: " + fileUri + " (" + e.getMessage() + ")");
        }
    }

    private static LogInput namedFile(FileTree tree, Entry file) {
        if (file.size() == 0) {
            throw new SparkwiseException(ErrorCode.NOT_AN_EVENT_LOG,
                    file.path() + ": empty file (0 bytes), not an event log");
        }
        return singleFile(tree, file);
    }

    private static LogInput singleFile(FileTree tree, Entry file) {
        // As Spark: a compacted single file may still carry .inprogress before .compact.
        boolean inProgress = stripSuffix(file.name(), COMPACTED).endsWith(IN_PROGRESS);
        return new LogInput(file.path(), Layout.SINGLE_FILE, List.of(part(tree, file)), inProgress);
    }

    private static void scan(FileTree tree, Entry directory, int depth, List<LogInput> out) {
        if (depth > MAX_DEPTH) {
            throw new SparkwiseException(ErrorCode.READ_FAILED, directory.path()
                    + ": directories nested more than " + MAX_DEPTH + " levels deep (a symbolic link loop?)");
        }
        List<Entry> hourlyParts = new ArrayList<>();
        Optional<Entry> currentPart = Optional.empty();
        for (Entry child : tree.list(directory)) {
            if (child.name().startsWith(".")) {
                continue;
            }
            if (child.directory()) {
                scanDirectory(tree, child, depth, out);
            } else if (child.name().equals(DatabricksRolledLog.CURRENT_PART)) {
                currentPart = Optional.of(child);
            } else if (DatabricksRolledLog.isHourlyPart(child.name())) {
                hourlyParts.add(child);
            } else if (!isSkippedFile(child.name())) {
                out.add(singleFile(tree, child));
            }
        }
        if (!hourlyParts.isEmpty()) {
            out.add(DatabricksRolledLog.input(tree, directory, hourlyParts, currentPart));
        } else {
            currentPart.ifPresent(file -> out.add(singleFile(tree, file)));
        }
    }

    private static void scanDirectory(FileTree tree, Entry directory, int depth, List<LogInput> out) {
        if (SKIPPED_DIRECTORIES.contains(directory.name())) {
            return;
        }
        if (RollingLogDirectory.isRollingDirectory(directory)) {
            RollingLogDirectory.read(tree, directory).ifPresent(out::add);
        } else {
            scan(tree, directory, depth + 1, out);
        }
    }

    private static boolean isSkippedFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(RollingLogDirectory.APP_STATUS_PREFIX)
                || SKIPPED_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
