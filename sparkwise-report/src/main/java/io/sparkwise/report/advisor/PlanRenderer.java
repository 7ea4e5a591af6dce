package io.sparkwise.report.advisor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.advisor.plan.Plan;
import io.sparkwise.advisor.plan.PlanLine;
import io.sparkwise.advisor.plan.PlanRequest;
import io.sparkwise.advisor.plan.TargetClusterManager;
import io.sparkwise.model.spark.SparkSizes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prints a {@link Plan} in one of the {@link PlanFormat}s. */
public final class PlanRenderer {

    /** Settings the SparkApplication spec carries as fields, not in sparkConf. */
    private static final Set<String> K8S_FIELDS = Set.of("spark.executor.cores", "spark.executor.memory",
            "spark.executor.memoryOverhead", "spark.driver.cores", "spark.driver.memory", "spark.driver.memoryOverhead",
            "spark.dynamicAllocation.enabled", "spark.dynamicAllocation.maxExecutors");

    public String render(Plan plan, PlanFormat format) {
        return switch (format) {
            case TEXT -> text(plan);
            case SUBMIT -> submit(plan);
            case CONF -> conf(plan);
            case K8S -> k8s(plan);
            case JSON -> json(plan);
        };
    }

    private static String text(Plan plan) {
        PlanRequest r = plan.request();
        StringBuilder out = new StringBuilder();
        out.append("Sizing plan: ").append(SparkSizes.human(r.inputBytes())).append(' ').append(r.workload().label())
                .append(" on ").append(r.clusterManager().label()).append(", node ").append(r.node().description())
                .append(r.spot() ? ", spot" : "").append(r.pyspark() ? ", PySpark" : "").append("\n\n");
        int width = plan.lines().stream().mapToInt(l -> l.topic().length()).max().orElse(0);
        for (PlanLine line : plan.lines()) {
            out.append("  ").append(pad(line.topic(), width)).append("  ").append(line.value()).append('\n');
            out.append("  ").append(" ".repeat(width)).append("    ").append(line.why()).append('\n');
        }
        out.append("\nSettings (--format submit|conf|k8s|json prints them ready to use):\n");
        plan.conf().forEach((k, v) -> out.append("  --conf ").append(k).append('=').append(v).append('\n'));
        if (!plan.notes().isEmpty()) {
            out.append("\nNotes:\n");
            plan.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        out.append("\nFormulas and sources: docs/advisor.md (\"Plan\").\n");
        return out.toString();
    }

    private static String submit(Plan plan) {
        StringBuilder out = new StringBuilder("spark-submit \\\n");
        TargetClusterManager manager = plan.request().clusterManager();
        if (manager != TargetClusterManager.DATABRICKS) {
            out.append("  --master ").append(manager.master()).append(" \\\n  --deploy-mode cluster \\\n");
        }
        plan.conf().forEach((k, v) -> out.append("  --conf ").append(k).append('=').append(v).append(" \\\n"));
        out.append(plan.request().pyspark() ? "  <your-app.py> [args]\n" : "  --class <main-class> <your-app.jar> [args]\n");
        return out.toString();
    }

    private static String conf(Plan plan) {
        StringBuilder out = new StringBuilder("# spark-defaults.conf written by sparkwise plan (docs/advisor.md explains each value)\n");
        int width = plan.conf().keySet().stream().mapToInt(String::length).max().orElse(0);
        plan.conf().forEach((k, v) -> out.append(pad(k, width)).append("  ").append(v).append('\n'));
        return out.toString();
    }

    private static String k8s(Plan plan) {
        Map<String, String> c = plan.conf();
        boolean python = plan.request().pyspark();
        StringBuilder out = new StringBuilder();
        out.append("# Kubernetes spark-operator SparkApplication written by sparkwise plan; fill in the <...> values.\n")
                .append("apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: <app-name>\nspec:\n")
                .append("  type: ").append(python ? "Python" : "Scala").append('\n')
                .append(python ? "  pythonVersion: \"3\"\n" : "")
                .append("  mode: cluster\n  image: <spark-image>\n  sparkVersion: <spark-version>\n")
                .append(python ? "  mainApplicationFile: local:///<path/to/app.py>\n"
                        : "  mainClass: <main-class>\n  mainApplicationFile: local:///<path/to/app.jar>\n");
        Map<String, String> sparkConf = new LinkedHashMap<>();
        c.forEach((k, v) -> {
            if (!K8S_FIELDS.contains(k)) {
                sparkConf.put(k, v);
            }
        });
        if (!sparkConf.isEmpty()) {
            out.append("  sparkConf:\n");
            sparkConf.forEach((k, v) -> out.append("    \"").append(k).append("\": \"").append(v).append("\"\n"));
        }
        if (c.containsKey("spark.driver.cores")) {
            out.append("  driver:\n    cores: ").append(c.get("spark.driver.cores")).append('\n')
                    .append("    memory: \"").append(c.get("spark.driver.memory")).append("\"\n")
                    .append("    memoryOverhead: \"").append(c.get("spark.driver.memoryOverhead")).append("\"\n")
                    .append("    serviceAccount: <service-account>\n");
            out.append("  executor:\n    cores: ").append(c.get("spark.executor.cores")).append('\n')
                    .append("    memory: \"").append(c.get("spark.executor.memory")).append("\"\n")
                    .append("    memoryOverhead: \"").append(c.get("spark.executor.memoryOverhead")).append("\"\n");
        }
        if ("true".equals(c.get("spark.dynamicAllocation.enabled"))) {
            out.append("  dynamicAllocation:\n    enabled: true\n    minExecutors: 0\n    maxExecutors: ")
                    .append(c.get("spark.dynamicAllocation.maxExecutors")).append('\n');
        }
        return out.toString();
    }

    private static String json(Plan plan) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            PlanRequest r = plan.request();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("request");
            g.writeNumberField("inputBytes", r.inputBytes());
            if (r.shuffleBytes().isPresent()) {
                g.writeNumberField("shuffleBytes", r.shuffleBytes().getAsLong());
            }
            g.writeStringField("workload", r.workload().label());
            g.writeStringField("clusterManager", r.clusterManager().label());
            g.writeStringField("node", r.node().description());
            g.writeNumberField("nodeCores", r.node().cores());
            g.writeNumberField("nodeMemoryMiB", r.node().memoryMib());
            if (r.nodes().isPresent()) {
                g.writeNumberField("nodes", r.nodes().getAsInt());
            }
            if (r.deadline().isPresent()) {
                g.writeNumberField("deadlineSeconds", r.deadline().get().toSeconds());
            }
            g.writeBooleanField("spot", r.spot());
            g.writeBooleanField("pyspark", r.pyspark());
            g.writeEndObject();
            g.writeNumberField("executorCores", plan.executorCores());
            g.writeNumberField("executorMemoryMiB", plan.executorHeapMib());
            g.writeNumberField("executorMemoryOverheadMiB", plan.executorOverheadMib());
            g.writeNumberField("executorsPerNode", plan.executorsPerNode());
            g.writeNumberField("executors", plan.executors());
            g.writeNumberField("nodes", plan.nodes());
            g.writeNumberField("driverCores", plan.driverCores());
            g.writeNumberField("driverMemoryMiB", plan.driverHeapMib());
            g.writeNumberField("driverMemoryOverheadMiB", plan.driverOverheadMib());
            g.writeNumberField("inputPartitions", plan.inputPartitions());
            g.writeNumberField("shufflePartitions", plan.shufflePartitions());
            g.writeObjectFieldStart("conf");
            for (Map.Entry<String, String> e : plan.conf().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("lines");
            for (PlanLine line : plan.lines()) {
                g.writeStartObject();
                g.writeStringField("topic", line.topic());
                g.writeStringField("value", line.value());
                g.writeStringField("why", line.why());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "notes", plan.notes());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
