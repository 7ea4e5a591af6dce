package io.sparkwise.state.event;

import java.util.Map;

/**
 * SparkListenerEnvironmentUpdate: the environment details, by section as Spark's Environment tab
 * shows them. Of the classpath only the number of entries is kept.
 */
public record EnvironmentUpdate(
        Map<String, String> jvmInformation,
        Map<String, String> sparkProperties,
        Map<String, String> hadoopProperties,
        Map<String, String> systemProperties,
        Map<String, String> metricsProperties,
        int classpathEntryCount) implements SparkEvent {

    public EnvironmentUpdate {
        jvmInformation = Copies.orderedMap(jvmInformation, "jvmInformation");
        sparkProperties = Copies.orderedMap(sparkProperties, "sparkProperties");
        hadoopProperties = Copies.orderedMap(hadoopProperties, "hadoopProperties");
        systemProperties = Copies.orderedMap(systemProperties, "systemProperties");
        metricsProperties = Copies.orderedMap(metricsProperties, "metricsProperties");
        if (classpathEntryCount < 0) {
            throw new IllegalArgumentException("classpathEntryCount is negative: " + classpathEntryCount);
        }
    }
}
