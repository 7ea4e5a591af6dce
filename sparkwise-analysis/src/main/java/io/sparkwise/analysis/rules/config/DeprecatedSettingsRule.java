package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Settings that Spark renamed or stopped reading, for the Spark version the application ran:
 * SparkConf's deprecatedConfigs and configsWithAlternatives (core/src/main/scala/org/apache/spark/
 * SparkConf.scala), the legacy memory manager's fractions (unified memory since 1.6) and
 * spark.kubernetes.memoryOverheadFactor (superseded by spark.{driver,executor}.memoryOverheadFactor
 * in 3.3). A setting is reported only when the log's Spark version is at or past the version that
 * deprecated it, so a 2.x application using spark.blacklist.* is left alone.
 *
 * <p>Always informational: a renamed key still works until Spark drops it (4.1 ignores spark.blacklist.*).
 */
public final class DeprecatedSettingsRule extends BaseRule implements ApplicationRule {

    public static final String ID = "config.deprecated";

    public DeprecatedSettingsRule() {
        super(ID, RuleCategory.CONFIGURATION,
                "Deprecated or renamed Spark settings for the version the application ran");
    }

    /** A deprecated key, its replacement (empty when there is none) and the version that deprecated it. */
    record Deprecation(String key, Optional<String> replacement, int major, int minor, String note,
                       UnaryOperator<String> translation) {
        static Deprecation renamed(String key, String replacement, int major, int minor) {
            return new Deprecation(key, Optional.of(replacement), major, minor, "", UnaryOperator.identity());
        }

        static Deprecation dropped(String key, int major, int minor, String note) {
            return new Deprecation(key, Optional.empty(), major, minor, note, UnaryOperator.identity());
        }
    }

    static final List<Deprecation> DEPRECATIONS = List.of(
            Deprecation.renamed("spark.files.userClassPathFirst", "spark.executor.userClassPathFirst", 1, 3),
            Deprecation.dropped("spark.yarn.user.classpath.first", 1, 3, "use spark.{driver,executor}.userClassPathFirst"),
            Deprecation.renamed("spark.reducer.maxMbInFlight", "spark.reducer.maxSizeInFlight", 1, 4),
            new Deprecation("spark.kryoserializer.buffer.mb", Optional.of("spark.kryoserializer.buffer"), 1, 4, "",
                    v -> (int) (Double.parseDouble(v.trim()) * 1000) + "k"),
            Deprecation.renamed("spark.kryoserializer.buffer.max.mb", "spark.kryoserializer.buffer.max", 1, 4),
            Deprecation.renamed("spark.shuffle.file.buffer.kb", "spark.shuffle.file.buffer", 1, 4),
            Deprecation.renamed("spark.yarn.max.worker.failures", "spark.yarn.max.executor.failures", 1, 5),
            Deprecation.renamed("spark.unsafe.offHeap", "spark.memory.offHeap.enabled", 1, 6),
            Deprecation.dropped("spark.shuffle.memoryFraction", 1, 6, "unified memory ignores it; use spark.memory.fraction"),
            Deprecation.dropped("spark.storage.memoryFraction", 1, 6, "unified memory ignores it; use spark.memory.fraction"),
            Deprecation.dropped("spark.storage.unrollFraction", 1, 6, "unified memory ignores it"),
            Deprecation.renamed("spark.yarn.jar", "spark.yarn.jars", 2, 0),
            Deprecation.dropped("spark.executor.port", 2, 0, "not used any more"),
            Deprecation.dropped("spark.yarn.am.port", 2, 0, "not used any more"),
            Deprecation.dropped("spark.rpc.numRetries", 2, 2, "not used any more"),
            Deprecation.dropped("spark.rpc.retry.wait", 2, 2, "not used any more"),
                                    Deprecation.renamed("spark.scheduler.listenerbus.eventqueue.size", "spark.scheduler.listenerbus.eventqueue.capacity", 2, 3),
            Deprecation.renamed("spark.yarn.driver.memoryOverhead", "spark.driver.memoryOverhead", 2, 3),
            Deprecation.renamed("spark.yarn.executor.memoryOverhead", "spark.executor.memoryOverhead", 2, 3),
            Deprecation.dropped("spark.shuffle.service.index.cache.entries", 2, 3, "use spark.shuffle.service.index.cache.size"),
            // first renamed in 2.2 / 2.3; reported from 3.0, where their current replacements exist
            Deprecation.renamed("spark.yarn.access.namenodes", "spark.kerberos.access.hadoopFileSystems", 3, 0),
            Deprecation.renamed("spark.reducer.maxReqSizeShuffleToMem", "spark.network.maxRemoteBlockSizeFetchToMem", 3, 0),
            Deprecation.renamed("spark.maxRemoteBlockSizeFetchToMem", "spark.network.maxRemoteBlockSizeFetchToMem", 3, 0),
            Deprecation.renamed("spark.yarn.keytab", "spark.kerberos.keytab", 3, 0),
            Deprecation.renamed("spark.yarn.principal", "spark.kerberos.principal", 3, 0),
            Deprecation.renamed("spark.yarn.kerberos.relogin.period", "spark.kerberos.relogin.period", 3, 0),
            Deprecation.renamed("spark.yarn.access.hadoopFileSystems", "spark.kerberos.access.hadoopFileSystems", 3, 0),
            Deprecation.dropped("spark.executor.plugins", 3, 0, "replaced by the plugin API (spark.plugins)"),
            Deprecation.renamed("spark.blacklist.enabled", "spark.excludeOnFailure.enabled", 3, 1),
            Deprecation.renamed("spark.blacklist.task.maxTaskAttemptsPerExecutor", "spark.excludeOnFailure.task.maxTaskAttemptsPerExecutor", 3, 1),
            Deprecation.renamed("spark.blacklist.task.maxTaskAttemptsPerNode", "spark.excludeOnFailure.task.maxTaskAttemptsPerNode", 3, 1),
            Deprecation.renamed("spark.blacklist.application.maxFailedTasksPerExecutor", "spark.excludeOnFailure.application.maxFailedTasksPerExecutor", 3, 1),
            Deprecation.renamed("spark.blacklist.stage.maxFailedTasksPerExecutor", "spark.excludeOnFailure.stage.maxFailedTasksPerExecutor", 3, 1),
            Deprecation.renamed("spark.blacklist.application.maxFailedExecutorsPerNode", "spark.excludeOnFailure.application.maxFailedExecutorsPerNode", 3, 1),
            Deprecation.renamed("spark.blacklist.stage.maxFailedExecutorsPerNode", "spark.excludeOnFailure.stage.maxFailedExecutorsPerNode", 3, 1),
            Deprecation.renamed("spark.blacklist.timeout", "spark.excludeOnFailure.timeout", 3, 1),
            Deprecation.renamed("spark.blacklist.application.fetchFailure.enabled", "spark.excludeOnFailure.application.fetchFailure.enabled", 3, 1),
            Deprecation.renamed("spark.scheduler.blacklist.unschedulableTaskSetTimeout", "spark.scheduler.excludeOnFailure.unschedulableTaskSetTimeout", 3, 1),
            Deprecation.renamed("spark.blacklist.killBlacklistedExecutors", "spark.excludeOnFailure.killExcludedExecutors", 3, 1),
            Deprecation.renamed("spark.yarn.blacklist.executor.launch.blacklisting.enabled", "spark.yarn.executor.launch.excludeOnFailure.enabled", 3, 1),
            Deprecation.renamed("spark.kubernetes.memoryOverheadFactor", "spark.executor.memoryOverheadFactor", 3, 3),
            Deprecation.renamed("spark.yarn.max.executor.failures", "spark.executor.maxNumFailures", 3, 5),
            Deprecation.renamed("spark.yarn.executor.failuresValidityInterval", "spark.executor.failuresValidityInterval", 3, 5));

    /** Judges the configuration, known from the start. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        Application app = context.application();
        Map<String, String> props = app.environment().sparkProperties();
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (Deprecation d : DEPRECATIONS) {
            String value = props.get(d.key());
            if (value == null || !SparkVersions.atLeast(app, d.major(), d.minor())) {
                continue;
            }
            String since = "deprecated in Spark " + d.major() + "." + d.minor();
            evidence.put(d.key(), value + " (" + since + ")");
            if (d.replacement().isPresent()) {
                String replacement = d.replacement().get();
                lines.add("remove " + d.key() + " (" + since + ") and set " + replacement);
                if (!props.containsKey(replacement)) {
                    config.put(replacement, translate(d, value));
                    if (d.key().equals("spark.kubernetes.memoryOverheadFactor")) {
                        config.put("spark.driver.memoryOverheadFactor", value);
                    }
                }
            } else {
                lines.add("remove " + d.key() + " (" + since + ": " + d.note() + ")");
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        if (!Proposals.valid(props, config)) {
            config.clear();
        }
        String title = evidence.size() + " deprecated setting" + (evidence.size() == 1 ? "" : "s") + " for Spark "
                + app.info().sparkVersion().orElse("?");
        String text = "Renamed settings still work until a release drops them (Spark 4.1 ignores spark.blacklist.*), "
                + "and readers of the configuration miss them: " + String.join("; ", lines) + ".";
        return List.of(new Finding(ID, context.severityFor(0), title, Scope.APPLICATION, evidence, context.impact(0),
                new Recommendation(text, config), List.of(), Optional.empty()));
    }

    private static String translate(Deprecation d, String value) {
        try {
            return d.translation().apply(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
