/**
 * Sparkwise as a library: the API every front end calls (the CLI now; the driver agent, the history
 * server and the fleet job next).
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link io.sparkwise.engine.Sparkwise}: {@code discover(path)} the logs at a path,
 *       {@code analyze(LogInput, AnalysisOptions)} one of them, or {@code analyze(Application,
 *       AnalysisOptions)} a model already read. Immutable and thread-safe.</li>
 *   <li>{@link io.sparkwise.engine.AnalysisOptions}: thresholds, optional prices (and runs a day),
 *       optional simulation; {@code defaults()} is what {@code sparkwise analyze LOG} does.</li>
 *   <li>{@link io.sparkwise.engine.AnalysisResult}: the application (with its read report), the
 *       analysis, the optional cost and simulation.</li>
 *   <li>{@code io.sparkwise.engine.json.ResultJson}: a result as JSON and back, its cost and
 *       simulation included; {@code CostJson} and {@code WhatIfJson} write those fields, for the
 *       {@code cost} and {@code simulate} documents too.</li>
 * </ul>
 *
 * <p>Errors users cause are {@link io.sparkwise.model.SparkwiseException}s; each method says which.
 */
package io.sparkwise.engine;
