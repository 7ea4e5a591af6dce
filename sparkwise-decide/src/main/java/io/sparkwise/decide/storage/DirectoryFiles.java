package io.sparkwise.decide.storage;

import static java.util.Objects.requireNonNull;

/**
 * The data files of one table or partition directory, and what compacting its small files to the
 * target size would leave.
 *
 * @param smallFiles files below the small-file limit
 * @param compactedFiles files after compaction: ceil(bytes / target), at least 1
 */
public record DirectoryFiles(String bucket, String directory, long files, long bytes, long smallFiles, long compactedFiles) {

    public DirectoryFiles {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(directory, "directory is null");
    }

    public long averageFileBytes() {
        return files == 0 ? 0 : bytes / files;
    }
}
