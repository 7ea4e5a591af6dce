package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the FAILURES family. */
public final class FailureRules {

    private FailureRules() {
    }

    public static List<Rule> all() {
        return List.of(new TaskFailuresRule(), new FetchFailedRule(), new ExecutorLostRule(), new StageRetriesRule(),
                new FailedJobsRule(), new ExcludedExecutorsRule(), new SpeculationWasteRule());
    }
}
