package io.sparkwise.analysis;

import java.util.List;

/**
 * One diagnostic: reads an application (through the context) and returns its findings. A rule
 * is a small stateless class; its thresholds come from {@link RuleSettings}, never from
 * constants in code, and its id is stable (documented in docs/rules.md).
 */
public interface Rule {

    /** Stable id, e.g. {@code skew.task-duration}. */
    String id();

    RuleCategory category();

    /** One line on what the rule detects. */
    String description();

    List<Finding> evaluate(AnalysisContext context);
}
