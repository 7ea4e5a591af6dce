package io.sparkwise.analysis;

import io.sparkwise.model.SqlExecution;

import java.util.List;

/**
 * A rule that judges one SQL execution on its own, from its final plan and metrics, once the
 * execution has ended. Its findings are scoped to the SQL execution.
 */
public interface SqlExecutionRule extends Rule {

    /** The findings about one SQL execution (the context's application holds it). */
    List<Finding> evaluate(SqlExecution sql, AnalysisContext context);

    @Override
    default boolean appliesWhileRunning() {
        return true;
    }

    /** Every SQL execution, in the application's order. */
    @Override
    default List<Finding> evaluate(AnalysisContext context) {
        return ScopedRules.each(context.application().sqlExecutions(), sql -> true, sql -> evaluate(sql, context));
    }
}
