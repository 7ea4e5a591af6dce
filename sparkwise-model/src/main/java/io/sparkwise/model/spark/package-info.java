/**
 * What Spark itself defines, in one place for every module: its configuration defaults
 * ({@link io.sparkwise.model.spark.SparkDefaults}), how it reads time and size settings
 * ({@link io.sparkwise.model.spark.SparkDurations}, {@link io.sparkwise.model.spark.SparkSizes},
 * following {@code JavaUtils.timeStringAs}/{@code byteStringAs} exactly), and the executor cores an
 * application held over time ({@link io.sparkwise.model.spark.ExecutorTimeline}). JDK only, like
 * the rest of the model, so the simulator (which depends on the model alone) uses the same numbers
 * as the rules, the advisor and the reports.
 */
package io.sparkwise.model.spark;
