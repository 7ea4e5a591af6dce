package io.sparkwise.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * SparkListenerEnvironmentUpdate: JVM, Spark, Hadoop and system properties. Maps keep the order of
 * the log.
 */
public record Environment(
        Optional<String> javaVersion,
        Optional<String> javaHome,
        Optional<String> scalaVersion,
        Map<String, String> sparkProperties,
        Map<String, String> hadoopProperties,
        Map<String, String> systemProperties,
        Map<String, String> metricsProperties,
        int classpathEntryCount) {

    public static final Environment EMPTY = new Environment(
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), 0);

    public Environment {
        requireNonNull(javaVersion, "javaVersion is null");
        requireNonNull(javaHome, "javaHome is null");
        requireNonNull(scalaVersion, "scalaVersion is null");
        sparkProperties = ordered(sparkProperties);
        hadoopProperties = ordered(hadoopProperties);
        systemProperties = ordered(systemProperties);
        metricsProperties = ordered(metricsProperties);
    }

    public Optional<String> sparkProperty(String key) {
        return Optional.ofNullable(sparkProperties.get(key));
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(map, "properties are null")));
    }
}
