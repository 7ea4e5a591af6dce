package io.sparkwise.analysis.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Spark properties two runs set differently, leaving out those that differ on every run of
 * the same job (ids, hosts, ports, timestamps, scratch directories): they would bury the one
 * setting someone changed.
 */
final class ConfigDiff {

    /** Properties Spark fills in per run. */
    static final Set<String> PER_RUN_KEYS = Set.of(
            "spark.app.id", "spark.app.attempt.id", "spark.app.startTime", "spark.app.submitTime",
            "spark.driver.host", "spark.driver.port", "spark.driver.bindAddress", "spark.driver.appUIAddress",
            "spark.eventLog.dir", "spark.fileserver.uri", "spark.repl.class.uri", "spark.repl.class.outputDir",
            "spark.tachyonStore.folderName", "spark.externalBlockStore.folderName", "spark.ui.proxyBase",
            "spark.yarn.app.id", "spark.yarn.app.container.log.dir", "spark.kubernetes.driver.pod.name",
            "spark.kubernetes.executor.podNamePrefix", "spark.executor.id");

    /** Key prefixes of properties Spark fills in per run (YARN's proxy filter names the AM host). */
    static final List<String> PER_RUN_PREFIXES = List.of(
            "spark.org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter.param.");

    private ConfigDiff() {
    }

    /** Changes sorted by key. */
    static List<ConfigChange> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ConfigChange> changes = new ArrayList<>();
        for (String key : keys) {
            Optional<String> b = Optional.ofNullable(before.get(key));
            Optional<String> a = Optional.ofNullable(after.get(key));
            if (!b.equals(a) && !isPerRun(key)) {
                changes.add(new ConfigChange(key, b, a));
            }
        }
        return changes;
    }

    static boolean isPerRun(String key) {
        return PER_RUN_KEYS.contains(key) || PER_RUN_PREFIXES.stream().anyMatch(key::startsWith);
    }
}
