package io.sparkwise.analysis.rules.resources;

import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Executor;
import io.sparkwise.model.spark.ExecutorTimeline;
import io.sparkwise.model.spark.SparkDefaults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** What the resource rules ask about the executors an application held. */
final class Cluster {

    private Cluster() {
    }

    static boolean isLocal(Application app) {
        return app.info().clusterManager() == ClusterManager.LOCAL;
    }

    static List<Executor> executors(Application app) {
        return app.executors().stream().filter(e -> !e.isDriver()).toList();
    }

    static boolean dynamicAllocation(Application app) {
        return "true".equals(app.environment().sparkProperty("spark.dynamicAllocation.enabled").orElse("false"));
    }

    static long appStart(Application app) {
        return ExecutorTimeline.applicationStartMs(app);
    }

    static long appEnd(Application app) {
        return ExecutorTimeline.applicationEndMs(app);
    }

    /** spark.executor.cores when set, else the median cores of the executors; empty without executors. */
    static OptionalInt coresPerExecutor(Application app) {
        String prop = app.environment().sparkProperties().get("spark.executor.cores");
        if (prop != null && prop.trim().matches("\\d+")) {
            return OptionalInt.of(Integer.parseInt(prop.trim()));
        }
        List<Integer> cores = new ArrayList<>(executors(app).stream().map(Executor::totalCores).sorted().toList());
        return cores.isEmpty() ? OptionalInt.empty() : OptionalInt.of(cores.get(cores.size() / 2));
    }

    /** Executor core-milliseconds alive between {@code from} and {@code to}. */
    static long coreMsAlive(Application app, long from, long to) {
        return timeline(app).coreMs(from, to);
    }

    /** The most executor cores alive at the same time. */
    static int peakConcurrentCores(Application app) {
        return timeline(app).peakCores();
    }

    /** The executors' (never the driver's) cores over the application's life. */
    private static ExecutorTimeline timeline(Application app) {
        return ExecutorTimeline.of(executors(app), appStart(app), appEnd(app));
    }

    /**
     * Dynamic allocation with shuffle tracking (no external shuffle service needed), capped at
     * today's executor count: the same proposal resources.idle-executors makes, so merged fixes agree.
     */
    static Map<String, String> enableDynamicAllocation(Application app) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("spark.dynamicAllocation.enabled", "true");
        if (!"true".equals(app.environment().sparkProperty("spark.shuffle.service.enabled").orElse("false"))) {
            config.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
        }
        config.put("spark.dynamicAllocation.executorIdleTimeout", SparkDefaults.EXECUTOR_IDLE_TIMEOUT_S + "s");
        app.environment().sparkProperty("spark.executor.instances").ifPresent(n -> {
            config.put("spark.dynamicAllocation.maxExecutors", n);
            config.put("spark.dynamicAllocation.minExecutors", "0");
        });
        return config;
    }
}
