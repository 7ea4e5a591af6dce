package io.sparkwise.report.advisor;

import java.util.Locale;

/** How {@code plan} prints: explained text, spark-submit flags, spark-defaults.conf, a spark-operator SparkApplication, JSON. */
public enum PlanFormat {
    TEXT, SUBMIT, CONF, K8S, JSON;

    public static PlanFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
