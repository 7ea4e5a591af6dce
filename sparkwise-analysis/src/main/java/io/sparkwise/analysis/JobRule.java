package io.sparkwise.analysis;

import io.sparkwise.model.Job;

import java.util.List;

/** A rule that judges one job on its own, once the job has ended. Its findings are scoped to the job. */
public interface JobRule extends Rule {

    /** The findings about one job (the context's application holds it). */
    List<Finding> evaluate(Job job, AnalysisContext context);

    @Override
    default boolean appliesWhileRunning() {
        return true;
    }

    /** Every job, in the application's order. */
    @Override
    default List<Finding> evaluate(AnalysisContext context) {
        return ScopedRules.each(context.application().jobs(), job -> true, job -> evaluate(job, context));
    }
}
