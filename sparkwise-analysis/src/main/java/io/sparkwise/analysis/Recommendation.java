package io.sparkwise.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The fix: what to do, and the Spark configuration to set (values in Spark's accepted syntax).
 * An empty config means the fix is in the code or the data, which the text explains.
 */
public record Recommendation(String text, Map<String, String> config) {

    public Recommendation {
        requireNonNull(text, "text is null");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public static Recommendation text(String text) {
        return new Recommendation(text, Map.of());
    }
}
