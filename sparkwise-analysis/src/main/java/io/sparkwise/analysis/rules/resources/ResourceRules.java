package io.sparkwise.analysis.rules.resources;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the RESOURCES family. */
public final class ResourceRules {

    private ResourceRules() {
    }

    public static List<Rule> all() {
        return List.of(new IdleExecutorsRule(), new DriverGapsRule(), new OverProvisionedRule(), new SchedulerDelayRule(),
                new ExecutorShapeRule(), new DynamicAllocationRule());
    }
}
