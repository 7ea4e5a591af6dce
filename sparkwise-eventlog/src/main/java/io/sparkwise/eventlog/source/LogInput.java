package io.sparkwise.eventlog.source;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One application attempt's event log: the parts to read, in order.
 *
 * @param name what users named or what discovery found (a file, a rolling directory, ...)
 * @param layout how the log is laid out on disk
 * @param inProgress the application had not finished when the log was copied
 *     ({@code .inprogress} file or appstatus marker): a cut last line is normal then
 */
public record LogInput(String name, Layout layout, List<LogPart> parts, boolean inProgress) {

    public LogInput {
        requireNonNull(name, "name is null");
        requireNonNull(layout, "layout is null");
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("log input has no parts: " + name);
        }
    }

    public long size() {
        long total = 0;
        for (LogPart part : parts) {
            if (part.size() < 0) {
                return -1;
            }
            total += part.size();
        }
        return total;
    }

    public enum Layout {
        /** One file {@code <appId>[_<attempt>][.<codec>][.inprogress]}. */
        SINGLE_FILE,
        /** A directory {@code eventlog_v2_<appId>/} with {@code events_<N>_<appId>} parts (Spark 3.0+). */
        ROLLING,
        /** Databricks: an {@code eventlog} file beside hourly {@code eventlog-YYYY-MM-DD--HH-00.gz} parts. */
        DATABRICKS_ROLLED
    }
}
