package io.sparkwise.decide.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When table paths were last read, as event logs show it (the {@code Location} of file scans in
 * SQL plans, at the query's submission time). Paths are normalized so an inventory object matches
 * whatever scheme Spark used: {@code s3://}, {@code s3a://} and {@code s3n://} name the same
 * bucket; {@code file:} paths are local paths.
 */
public final class AccessEvidence {

    private final Map<String, Instant> lastReadByPath = new HashMap<>();
    private long logs;

    public static AccessEvidence none() {
        return new AccessEvidence();
    }

    /** Records a read of {@code path} (a file or directory) at {@code time}. */
    public void read(String path, Instant time) {
        lastReadByPath.merge(normalize(path), time, (a, b) -> a.isAfter(b) ? a : b);
    }

    void countLog() {
        logs++;
    }

    public boolean isEmpty() {
        return lastReadByPath.isEmpty();
    }

    public long logs() {
        return logs;
    }

    public Map<String, Instant> lastReads() {
        return Map.copyOf(lastReadByPath);
    }

    /**
     * The last read of the object at {@code bucket/key}: the latest read of the object itself or
     * of any directory above it.
     */
    public Optional<Instant> lastRead(String bucket, String key) {
        if (lastReadByPath.isEmpty()) {
            return Optional.empty();
        }
        String path = normalize(bucket) + "/" + key;
        Instant latest = null;
        for (int end = path.length(); end > 0; end = path.lastIndexOf('/', end - 1)) {
            Instant read = lastReadByPath.get(path.substring(0, end));
            if (read != null && (latest == null || read.isAfter(latest))) {
                latest = read;
            }
        }
        return Optional.ofNullable(latest);
    }

    static String normalize(String path) {
        String p = path.trim();
        String lower = p.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"s3a://", "s3n://", "s3://", "gs://"}) {
            if (lower.startsWith(scheme)) {
                p = p.substring(scheme.length());
                break;
            }
        }
        if (lower.startsWith("file:")) {
            p = p.substring("file:".length()).replaceFirst("^/+", "/");
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
