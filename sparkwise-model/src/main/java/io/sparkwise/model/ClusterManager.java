package io.sparkwise.model;

/** Where the application ran, as far as its event log tells. */
public enum ClusterManager {
    LOCAL("local"),
    LOCAL_CLUSTER("local-cluster"),
    STANDALONE("standalone"),
    YARN("yarn"),
    KUBERNETES("kubernetes"),
    MESOS("mesos"),
    DATABRICKS("databricks"),
    EMR("emr"),
    DATAPROC("dataproc"),
    UNKNOWN("unknown");

    private final String label;

    ClusterManager(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
