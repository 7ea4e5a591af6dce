package io.sparkwise.state.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Immutable copies that keep the order the event gave: properties and log URLs are shown in the
 * order Spark wrote them, which {@link Map#copyOf} would lose.
 */
final class Copies {

    private Copies() {
    }

    static <K, V> Map<K, V> orderedMap(Map<K, V> map, String name) {
        requireNonNull(map, () -> name + " is null");
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.forEach((k, v) -> {
            requireNonNull(k, () -> name + " has a null key");
            requireNonNull(v, () -> name + " has a null value for " + k);
        });
        return Collections.unmodifiableMap(copy);
    }

    static <T> List<T> list(List<T> list, String name) {
        requireNonNull(list, () -> name + " is null");
        return List.copyOf(list);
    }
}
