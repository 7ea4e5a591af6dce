package io.sparkwise.decide.storage;

import io.sparkwise.model.Application;
import io.sparkwise.model.SqlExecution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table paths an application's SQL scans read, from each scan node's {@code Location}
 * metadata: {@code InMemoryFileIndex[s3://bucket/table]}, {@code InMemoryFileIndex(2 paths)[p1, p2]},
 * {@code PrunedInMemoryFileIndex[...]}, {@code CatalogFileIndex[...]}. Spark abbreviates long path
 * lists with "..." (a partial path is dropped, its siblings kept); a read is dated at its query's
 * submission time.
 */
public final class ScanLocations {

    private static final Pattern FILE_INDEX = Pattern.compile("[A-Za-z]*FileIndex(?:\\(\\d+ paths?\\))?\\[(.*)]");

    private ScanLocations() {}

    /** Adds every scan of {@code app} with a known time to {@code evidence}. */
    public static void addTo(AccessEvidence evidence, Application app) {
        evidence.countLog();
        for (SqlExecution sql : app.sqlExecutions()) {
            if (sql.plan().isEmpty() || sql.submissionTime().isEmpty()) {
                continue;
            }
            Instant when = Instant.ofEpochMilli(sql.submissionTime().getAsLong());
            sql.plan().get().forEach(node -> {
                String location = node.metadata().get("Location");
                if (location != null) {
                    paths(location).forEach(path -> evidence.read(path, when));
                }
            });
        }
    }

    /** The paths in one {@code Location} value; empty when it is not a file index. */
    static List<String> paths(String location) {
        Matcher m = FILE_INDEX.matcher(location.trim());
        List<String> paths = new ArrayList<>();
        if (!m.matches()) {
            return paths;
        }
        for (String part : m.group(1).split(",\\s*")) {
            String path = part.trim();
            if (!path.isEmpty() && !path.contains("...")) {
                paths.add(path);
            }
        }
        return paths;
    }
}
