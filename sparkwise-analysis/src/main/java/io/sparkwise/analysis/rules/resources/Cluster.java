package io.sparkwise.analysis.rules.resources;

import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Executor;

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
        long end = appEnd(app);
        return app.info().startTime().orElse(end - Math.max(0, app.info().duration()));
    }

    static long appEnd(Application app) {
        return app.info().endTime().orElse(app.info().lastEventTime());
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
        long end = appEnd(app);
        long total = 0;
        for (Executor e : executors(app)) {
            long a = Math.max(from, e.addTime());
            long b = Math.min(to, e.removeTime().orElse(end));
            total += Math.max(0, b - a) * (long) e.totalCores();
        }
        return total;
    }

    /** The most executor cores alive at the same time (a sweep over add and remove times). */
    static int peakConcurrentCores(Application app) {
        long end = appEnd(app);
        List<long[]> events = new ArrayList<>();
        for (Executor e : executors(app)) {
            events.add(new long[] {e.addTime(), e.totalCores()});
            events.add(new long[] {e.removeTime().orElse(end), -e.totalCores()});
        }
        // removals before additions at the same instant: a replaced executor does not count twice
        events.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long current = 0;
        long peak = 0;
        for (long[] ev : events) {
            current += ev[1];
            peak = Math.max(peak, current);
        }
        return (int) peak;
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
        config.put("spark.dynamicAllocation.executorIdleTimeout", "60s");
        app.environment().sparkProperty("spark.executor.instances").ifPresent(n -> {
            config.put("spark.dynamicAllocation.maxExecutors", n);
            config.put("spark.dynamicAllocation.minExecutors", "0");
        });
        return config;
    }
}
