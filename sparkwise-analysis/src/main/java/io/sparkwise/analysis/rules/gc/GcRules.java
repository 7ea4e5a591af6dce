package io.sparkwise.analysis.rules.gc;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the GC family. */
public final class GcRules {

    private GcRules() {
    }

    public static List<Rule> all() {
        return List.of(new ExecutorGcRule(), new StageGcRule());
    }
}
