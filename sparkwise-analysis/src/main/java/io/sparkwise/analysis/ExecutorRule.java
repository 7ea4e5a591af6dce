package io.sparkwise.analysis;

import io.sparkwise.model.Executor;

import java.util.List;

/**
 * A rule that judges one executor on its own, once it has been removed (or when the application
 * ends, for the executors still alive). Its findings are scoped to the executor.
 */
public interface ExecutorRule extends Rule {

    /** The findings about one executor (the context's application holds it). */
    List<Finding> evaluate(Executor executor, AnalysisContext context);

    @Override
    default boolean appliesWhileRunning() {
        return true;
    }

    /** Every executor, the driver included, in the application's order. */
    @Override
    default List<Finding> evaluate(AnalysisContext context) {
        return ScopedRules.each(context.application().executors(), executor -> true,
                executor -> evaluate(executor, context));
    }
}
