package io.sparkwise.analysis;

import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;

import java.util.List;

/**
 * A rule that judges one stage attempt on its own, once the attempt has ended (completed or
 * failed): the same judgment whether the application still runs or has finished. Its findings
 * are scoped to the stage attempt.
 */
public interface StageRule extends Rule {

    /** The findings about one stage attempt (the context's application holds it). */
    List<Finding> evaluate(StageAttempt stage, AnalysisContext context);

    /**
     * Whether the rule judges this attempt in an analysis of a whole application: by default the
     * attempts that ran ({@link #ran}).
     */
    default boolean judges(StageAttempt stage) {
        return ran(stage);
    }

    /**
     * True for a rule that judges a stage over all its attempts (retries): a later attempt's
     * judgment replaces the earlier attempts' findings of this rule while the application runs.
     */
    default boolean judgesAllAttempts() {
        return false;
    }

    @Override
    default boolean appliesWhileRunning() {
        return true;
    }

    /** Every stage attempt the rule judges, in the application's order. */
    @Override
    default List<Finding> evaluate(AnalysisContext context) {
        return ScopedRules.each(context.application().stages(), this::judges, stage -> evaluate(stage, context));
    }

    /**
     * A stage attempt that ran: complete or failed, or still active with tasks done (the last
     * attempts of an application that was killed); not skipped, not pending.
     */
    static boolean ran(StageAttempt stage) {
        return stage.status() == StageStatus.COMPLETE || stage.status() == StageStatus.FAILED
                || (stage.status() == StageStatus.ACTIVE && stage.numCompleteTasks() > 0);
    }
}
