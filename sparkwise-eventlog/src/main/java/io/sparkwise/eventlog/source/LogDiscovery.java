package io.sparkwise.eventlog.source;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the event logs under a path. Placeholder (plain single files only) until the source work lands. */
public final class LogDiscovery {

    private LogDiscovery() {
    }

    public static List<LogInput> discover(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, "no such file or directory: " + path);
        }
        long size = p.toFile().length();
        LogPart part = new LogPart(path, size, Codec.NONE, () -> Files.newInputStream(p));
        return List.of(new LogInput(path, LogInput.Layout.SINGLE_FILE, List.of(part), path.endsWith(".inprogress")));
    }
}
