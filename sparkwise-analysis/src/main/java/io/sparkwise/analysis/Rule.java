package io.sparkwise.analysis;

import java.util.List;

/**
 * One diagnostic: reads an application (through the context) and returns its findings. A rule
 * is a small stateless class; its thresholds come from {@link RuleSettings}, never from
 * constants in code, and its id is stable (documented in docs/rules.md).
 *
 * <p>Each rule has a scope, the thing it judges: a stage attempt ({@link StageRule}), a SQL
 * execution ({@link SqlExecutionRule}), a job ({@link JobRule}), an executor
 * ({@link ExecutorRule}) or the whole application ({@link ApplicationRule}). A scoped rule is
 * judged once per thing, when that thing ends, so it can run while the application runs
 * ({@link LiveAnalyzer}); {@link #evaluate(AnalysisContext)} judges every thing of a whole
 * application at once ({@link Analyzer}).
 */
public interface Rule {

    /** Stable id, e.g. {@code skew.task-duration}. */
    String id();

    RuleCategory category();

    /** One line on what the rule detects. */
    String description();

    /**
     * Whether the rule's judgment means something before the application ends: a stage's skew
     * can be judged when the stage completes, idle executors only over the whole run. A rule that
     * does not apply while running is judged when the application has ended.
     */
    boolean appliesWhileRunning();

    /** The findings over the whole application. */
    List<Finding> evaluate(AnalysisContext context);
}
