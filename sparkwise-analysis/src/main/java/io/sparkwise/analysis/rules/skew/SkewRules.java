package io.sparkwise.analysis.rules.skew;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the SKEW family. */
public final class SkewRules {

    private SkewRules() {
    }

    public static List<Rule> all() {
        return List.of(new TaskDurationSkewRule(), new ShuffleReadSkewRule(), new InputSkewRule());
    }
}
