package io.sparkwise.eventlog.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The few file system operations discovery needs, so one discovery logic serves local paths and
 * Hadoop file systems (hdfs://, s3a://, ...). Failures users can cause come out as
 * {@link io.sparkwise.model.SparkwiseException}s naming the path.
 */
interface FileTree {

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
     */
    record Entry(String path, String name, boolean directory, long size) {
        public Entry {
            requireNonNull(path, "path is null");
            requireNonNull(name, "name is null");
        }
    }
}
