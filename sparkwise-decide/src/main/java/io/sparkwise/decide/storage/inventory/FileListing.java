package io.sparkwise.decide.storage.inventory;

import io.sparkwise.decide.storage.S3StorageClass;
import io.sparkwise.decide.storage.StoredObject;
import io.sparkwise.eventlog.source.FileTree;
import io.sparkwise.eventlog.source.FileTree.Entry;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A recursive listing of a local directory or a Hadoop FS path (hdfs://, s3a://, gs://, abfs://
 * through Hadoop's FileSystem when its jars are on the classpath), through the event log
 * reader's {@link FileTree}. A listing has no storage class: every file counts as STANDARD.
 * Hidden and bookkeeping files (names starting with '.' or '_', such as _SUCCESS and .crc)
 * are skipped, as Spark's file index skips them.
 */
final class FileListing implements Inventory {

    private final FileTree tree;
    private final Entry root;

    FileListing(FileTree tree, Entry root) {
        this.tree = requireNonNull(tree, "tree is null");
        this.root = requireNonNull(root, "root is null");
    }

    @Override
    public String description() {
        return "listing of " + root.path();
    }

    @Override
    public List<String> assumptions() {
        return List.of("a file-system listing has no storage class: every file is taken as STANDARD",
                "last modification time stands in for the object's age");
    }

    @Override
    public void forEach(Consumer<StoredObject> sink) {
        String rootPath = trimSlash(root.path());
        Deque<Entry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Entry entry = pending.pop();
            if (entry != root && (entry.name().startsWith(".") || entry.name().startsWith("_"))) {
                continue;
            }
            if (entry.directory()) {
                tree.list(entry).forEach(pending::push);
            } else {
                sink.accept(object(rootPath, entry));
            }
        }
    }

    private static StoredObject object(String rootPath, Entry file) {
        if (file.size() < 0 || file.modifiedMillis() < 0) {
            throw new SparkwiseException(ErrorCode.READ_FAILED, "cannot read the size or time of " + file.path());
        }
        String path = trimSlash(file.path());
        String key = path.startsWith(rootPath + "/") ? path.substring(rootPath.length() + 1) : file.name();
        return new StoredObject(rootPath, key, file.size(), Instant.ofEpochMilli(file.modifiedMillis()), S3StorageClass.STANDARD);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
