package io.sparkwise.state;

import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Environment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tells where an application ran from {@code spark.master} and vendor markers in its properties. */
final class ClusterManagers {

    record Detected(Optional<String> master, ClusterManager clusterManager) {
    }

    private ClusterManagers() {
    }

    static Detected detect(Environment env, Map<String, String> databricksMetadata) {
        Optional<String> master = env.sparkProperty("spark.master");
        if (!databricksMetadata.isEmpty() || hasKeyPrefix(env.sparkProperties(), "spark.databricks.")) {
            return new Detected(master, ClusterManager.DATABRICKS);
        }
        String m = master.orElse("").toLowerCase(Locale.ROOT);
        ClusterManager cm;
        if (m.startsWith("local-cluster")) {
            cm = ClusterManager.LOCAL_CLUSTER;
        } else if (m.startsWith("local")) {
            cm = ClusterManager.LOCAL;
        } else if (m.startsWith("spark://")) {
            cm = ClusterManager.STANDALONE;
        } else if (m.startsWith("yarn")) {
            cm = yarnVendor(env);
        } else if (m.startsWith("k8s://")) {
            cm = ClusterManager.KUBERNETES;
        } else if (m.startsWith("mesos://")) {
            cm = ClusterManager.MESOS;
        } else {
            cm = ClusterManager.UNKNOWN;
        }
        return new Detected(master, cm);
    }

    /** EMR and Dataproc run Spark on YARN; their installs leave recognizable paths and keys. */
    private static ClusterManager yarnVendor(Environment env) {
        if (hasKeyPrefix(env.sparkProperties(), "spark.dataproc.") || mentions(env, "/usr/local/share/google/dataproc")) {
            return ClusterManager.DATAPROC;
        }
        if (hasKeyPrefix(env.sparkProperties(), "spark.emr.") || mentions(env, "/usr/share/aws/emr")
                || mentions(env, "amazon-emr")) {
            return ClusterManager.EMR;
        }
        return ClusterManager.YARN;
    }

    private static boolean hasKeyPrefix(Map<String, String> props, String prefix) {
        for (String key : props.keySet()) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Environment env, String text) {
        for (String v : env.sparkProperties().values()) {
            if (v.contains(text)) {
                return true;
            }
        }
        for (String v : env.systemProperties().values()) {
            if (v.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
