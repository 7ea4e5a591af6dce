package io.sparkwise.advisor.plan;

import java.util.Locale;

/** Where the planned application will run; EMR and Dataproc run Spark on YARN. */
public enum TargetClusterManager {
    YARN, KUBERNETES, STANDALONE, DATABRICKS, EMR, DATAPROC;

    public boolean runsOnYarn() {
        return this == YARN || this == EMR || this == DATAPROC;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code --master} of spark-submit. */
    public String master() {
        return switch (this) {
            case KUBERNETES -> "k8s://https://<api-server>:443";
            case STANDALONE -> "spark://<master>:7077";
            case DATABRICKS -> "(set by Databricks)";
            default -> "yarn";
        };
    }
}
