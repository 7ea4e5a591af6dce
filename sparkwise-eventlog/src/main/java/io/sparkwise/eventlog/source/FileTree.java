package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The few file system operations discovery needs, so one discovery logic serves local paths and
 * Hadoop file systems (hdfs://, s3a://, ...). Failures users can cause come out as
 * {@link io.sparkwise.model.SparkwiseException}s naming the path. Public for the other readers of
 * file trees (the storage inventory's directory listing), so Hadoop's reflection lives here only.
 */
public interface FileTree {

    /** Any {@code scheme://...} path: read through Hadoop's FileSystem. */
    Pattern URI_WITH_AUTHORITY = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    /**
     * The tree that reads {@code path}: Hadoop's FileSystem for a {@code scheme://} URI (a USAGE
     * error when Hadoop is not on the classpath), the local file system otherwise (also for
     * {@code file:} URIs, which callers turn into local paths).
     */
    static FileTree forPath(String path) {
        if (!path.startsWith("file:") && URI_WITH_AUTHORITY.matcher(path).matches()) {
            return HadoopFileTree.forUri(path);
        }
        return new LocalFileTree();
    }

    /** The entry at {@code path}, or empty when nothing is there. */
    Optional<Entry> stat(String path);

    /** False only when we know for sure the entry cannot be read (permissions). */
    boolean readable(Entry entry);

    /** The entries of a directory, in no particular order. */
    List<Entry> list(Entry directory);

    /** The raw bytes of a file. */
    InputStream open(Entry file) throws IOException;

    /**
     * @param path the path as shown to users; children get their parent's path plus their name
     * @param name the last segment of the path
     * @param size bytes, or -1 when unknown (and always for directories)
     * @param modifiedMillis last modification, milliseconds since the epoch, or -1 when unknown
     */
    record Entry(String path, String name, boolean directory, long size, long modifiedMillis) {
        public Entry {
            requireNonNull(path, "path is null");
            requireNonNull(name, "name is null");
        }
    }
}
