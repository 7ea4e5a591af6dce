package io.sparkwise.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The one loop behind every scoped rule's whole-application {@code evaluate(context)}. */
final class ScopedRules {

    private ScopedRules() {
    }

    /** The findings about each item the rule judges, in the application's order. */
    static <T> List<Finding> each(List<T> items, Predicate<T> judged, Function<T, List<Finding>> judge) {
        List<Finding> findings = new ArrayList<>();
        for (T item : items) {
            if (judged.test(item)) {
                findings.addAll(judge.apply(item));
            }
        }
        return findings;
    }
}
