package io.sparkwise.eventlog.source;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Local files through java.nio; symbolic links are followed. */
final class LocalFileTree implements FileTree {

    @Override
    public Optional<Entry> stat(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new SparkwiseException(ErrorCode.USAGE, "not a valid path: " + path + " (" + e.getReason() + ")");
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(entry(path, file));
    }

    @Override
    public boolean readable(Entry entry) {
        return Files.isReadable(Path.of(entry.path()));
    }

    @Override
    public List<Entry> list(Entry directory) {
        Path dir = Path.of(directory.path());
        List<Entry> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                children.add(entry(child.toString(), child));
            }
        } catch (AccessDeniedException e) {
            throw new SparkwiseException(ErrorCode.READ_FAILED,
                    "cannot read " + directory.path() + ": permission denied", e);
        } catch (IOException e) {
            throw new SparkwiseException(ErrorCode.READ_FAILED,
                    "cannot read " + directory.path() + ": " + e.getMessage(), e);
        }
        return children;
    }

    @Override
    public InputStream open(Entry file) throws IOException {
        return Files.newInputStream(Path.of(file.path()));
    }

    private static Entry entry(String shownPath, Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? shownPath : fileName.toString();
        boolean directory = Files.isDirectory(file);
        return new Entry(shownPath, name, directory, directory ? -1 : sizeOf(file), modifiedMillis(file));
    }

    private static long modifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
