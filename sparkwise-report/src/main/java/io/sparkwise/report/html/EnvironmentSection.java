package io.sparkwise.report.html;

import io.sparkwise.model.Environment;
import io.sparkwise.model.spark.SparkDefaults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spark properties, the ones that shape performance first, each marked by where its value comes from. */
final class EnvironmentSection {

    /** Prefixes shown first, in this order: the settings most findings are about. */
    static final List<String> FIRST = List.of("spark.sql.", "spark.executor.", "spark.driver.", "spark.dynamicAllocation.");

    /** Properties every application has, whether or not the user set anything. */
    static final Set<String> ALWAYS_SET = Set.of("spark.master", "spark.app.name", "spark.app.id", "spark.app.startTime",
            "spark.app.submitTime", "spark.driver.host", "spark.driver.port", "spark.executor.id",
            "spark.submit.deployMode", "spark.app.initial.jar.urls", "spark.app.initial.file.urls",
            "spark.repl.class.uri", "spark.repl.class.outputDir", "spark.submit.pyFiles", "spark.scheduler.mode");

    /**
     * Documented Spark 3.x/4.x defaults of common settings, as Spark prints them in the log's
     * properties: a property with this value was not changed. Numbers the rules also reason with
     * come from {@link SparkDefaults}, so the page and the findings cannot disagree.
     */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("spark.sql.shuffle.partitions", String.valueOf(SparkDefaults.SHUFFLE_PARTITIONS)),
            Map.entry("spark.sql.adaptive.enabled", "true"),
            Map.entry("spark.sql.adaptive.coalescePartitions.enabled", "true"),
            Map.entry("spark.sql.adaptive.skewJoin.enabled", "true"),
            Map.entry("spark.sql.autoBroadcastJoinThreshold", String.valueOf(SparkDefaults.AUTO_BROADCAST_THRESHOLD)),
            Map.entry("spark.sql.files.maxPartitionBytes", String.valueOf(SparkDefaults.MAX_PARTITION_BYTES)),
            Map.entry("spark.executor.memory", "1g"),
            Map.entry("spark.executor.cores", "1"),
            Map.entry("spark.executor.memoryOverheadFactor", String.valueOf(SparkDefaults.MEMORY_OVERHEAD_FACTOR)),
            Map.entry("spark.driver.memory", "1g"),
            Map.entry("spark.driver.cores", "1"),
            Map.entry("spark.dynamicAllocation.enabled", "false"),
            Map.entry("spark.serializer", "org.apache.spark.serializer.JavaSerializer"),
            Map.entry("spark.memory.fraction", String.valueOf(SparkDefaults.MEMORY_FRACTION)),
            Map.entry("spark.memory.storageFraction", String.valueOf(SparkDefaults.MEMORY_STORAGE_FRACTION)),
            Map.entry("spark.speculation", "false"),
            Map.entry("spark.task.cpus", "1"),
            Map.entry("spark.task.maxFailures", String.valueOf(SparkDefaults.TASK_MAX_FAILURES)),
            Map.entry("spark.locality.wait", "3s"),
            Map.entry("spark.network.timeout", SparkDefaults.NETWORK_TIMEOUT_S + "s"),
            Map.entry("spark.shuffle.service.enabled", "false"),
            Map.entry("spark.eventLog.enabled", "false"),
            Map.entry("spark.rdd.compress", "false"));

    static final String USER = "set by the user";
    static final String DEFAULT = "Spark default";
    static final String STARTUP = "always set";

    private EnvironmentSection() {
    }

    static void write(Html html, Environment env) {
        html.open("p");
        html.text("Java " + env.javaVersion().orElse("unknown") + env.javaHome().map(h -> " (" + h + ")").orElse("")
                + ", Scala " + env.scalaVersion().orElse("unknown") + "; " + env.hadoopProperties().size()
                + " Hadoop, " + env.systemProperties().size() + " system properties and "
                + env.classpathEntryCount() + " classpath entries are in the log but not shown.");
        html.close("p");
        if (env.sparkProperties().isEmpty()) {
            html.element("p", "The log has no Spark properties (no SparkListenerEnvironmentUpdate).", "class", "note");
            return;
        }
        html.element("p", "All Spark properties as logged (Spark redacts secrets), those that shape performance "
                + "first. '" + USER + "': not a property every application has, and not the Spark default value "
                + "Sparkwise knows of.", "class", "note");
        html.open("table", "class", "sortable", "id", "spark-properties");
        html.open("thead").open("tr");
        html.element("th", "property").element("th", "value").element("th", "source");
        html.close("tr").close("thead").open("tbody");
        for (Map.Entry<String, String> p : sorted(env.sparkProperties())) {
            String source = source(p.getKey(), p.getValue());
            html.open("tr", "class", source.equals(USER) ? "user-set" : null);
            html.element("td", p.getKey(), "class", "mono");
            html.element("td", SqlSection.cut(p.getValue(), 500), "class", "mono wrap");
            html.element("td", source);
            html.close("tr");
        }
        html.close("tbody").close("table");
    }

    static List<Map.Entry<String, String>> sorted(Map<String, String> properties) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(properties.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> group(e.getKey()))
                .thenComparing(Map.Entry::getKey));
        return entries;
    }

    private static int group(String key) {
        for (int i = 0; i < FIRST.size(); i++) {
            if (key.startsWith(FIRST.get(i))) {
                return i;
            }
        }
        return FIRST.size();
    }

    static String source(String key, String value) {
        if (ALWAYS_SET.contains(key)) {
            return STARTUP;
        }
        String def = DEFAULTS.get(key);
        return def != null && def.equalsIgnoreCase(value.trim()) ? DEFAULT : USER;
    }
}
