package io.sparkwise.analysis.compare;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A Spark property set differently in the two runs. */
public record ConfigChange(String key, Optional<String> before, Optional<String> after) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public ConfigChange {
        requireNonNull(key, "key is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("neither run sets " + key);
        }
    }

    public Kind kind() {
        return before.isEmpty() ? Kind.ADDED : after.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
    }
}
