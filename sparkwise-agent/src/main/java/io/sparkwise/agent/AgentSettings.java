package io.sparkwise.agent;

import org.apache.spark.SparkConf;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The agent's {@code spark.sparkwise.*} settings (README, "Watch a running application").
 *
 * @param job the stable job identity for metric labels ({@code spark.sparkwise.job}), else absent
 *     and taken from the application name
 * @param evaluationIntervalMs how often the application rules run while the application runs
 * @param prometheusPort the endpoint's port; 0 picks a free one; negative: no endpoint
 * @param prometheusHost the address the endpoint binds to
 * @param queueCapacity events waiting for the worker; beyond it events are dropped and counted
 * @param rulesFile rule thresholds overriding the shipped ones (the YAML of {@code analyze --rules})
 */
record AgentSettings(Optional<String> job, long evaluationIntervalMs, int prometheusPort, String prometheusHost,
                     int queueCapacity, Optional<Path> rulesFile) {

    static final String JOB = "spark.sparkwise.job";
    static final String EVALUATION_INTERVAL = "spark.sparkwise.evaluationInterval";
    static final String PROMETHEUS_PORT = "spark.sparkwise.prometheus.port";
    static final String PROMETHEUS_HOST = "spark.sparkwise.prometheus.host";
    static final String QUEUE_CAPACITY = "spark.sparkwise.queue.capacity";
    static final String RULES = "spark.sparkwise.rules";

    static final int DEFAULT_PORT = 9465;
    /** About 30 MB of task events at most: a few seconds of the busiest listener bus. */
    static final int DEFAULT_QUEUE_CAPACITY = 20_000;

    AgentSettings {
        requireNonNull(job, "job is null");
        requireNonNull(prometheusHost, "prometheusHost is null");
        requireNonNull(rulesFile, "rulesFile is null");
        if (evaluationIntervalMs <= 0) {
            throw new IllegalArgumentException(EVALUATION_INTERVAL + " must be positive: " + evaluationIntervalMs);
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException(QUEUE_CAPACITY + " must be positive: " + queueCapacity);
        }
    }

    static AgentSettings from(SparkConf conf) {
        String job = conf.get(JOB, "").trim();
        String rules = conf.get(RULES, "").trim();
        return new AgentSettings(job.isEmpty() ? Optional.empty() : Optional.of(job),
                conf.getTimeAsMs(EVALUATION_INTERVAL, "30s"), conf.getInt(PROMETHEUS_PORT, DEFAULT_PORT),
                conf.get(PROMETHEUS_HOST, "0.0.0.0"), conf.getInt(QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY),
                rules.isEmpty() ? Optional.empty() : Optional.of(Path.of(rules)));
    }
}
