package io.sparkwise.analysis;

/**
 * A rule that judges the application as a whole: totals, shares or peaks over the run, the
 * configuration, or things that look across stages, queries or executors. Run on a finished
 * application, or on a running one when asked ({@link LiveAnalyzer#evaluateApplication}) if it
 * {@link #appliesWhileRunning() applies while running}; each judgment replaces the last.
 */
public interface ApplicationRule extends Rule {
}
