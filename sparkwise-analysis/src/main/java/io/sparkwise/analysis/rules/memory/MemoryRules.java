package io.sparkwise.analysis.rules.memory;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the SPILL_AND_MEMORY family. */
public final class MemoryRules {

    private MemoryRules() {
    }

    public static List<Rule> all() {
        return List.of(new SpillRule(), new ExecutionMemoryPressureRule(), new ExecutorOomRule(), new DriverMemoryRule());
    }
}
