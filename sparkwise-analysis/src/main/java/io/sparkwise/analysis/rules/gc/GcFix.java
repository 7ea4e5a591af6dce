package io.sparkwise.analysis.rules.gc;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.rules.memory.MemoryModel;
import io.sparkwise.model.Application;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fix and the severity both GC rules share. */
final class GcFix {

    private GcFix() {
    }

    /**
     * Severity from the wasted core-seconds, but only a GC share in Dr. Elephant's critical band
     * (badRatio) may be critical: below it GC is a tax, not the main problem.
     */
    static Severity severity(AnalysisContext context, double ratio, double wasted, RuleSettings settings) {
        Severity s = context.severityFor(wasted);
        return s == Severity.CRITICAL && ratio < settings.get("badRatio") ? Severity.WARNING : s;
    }

    /** GC time above the healthy share: what the fix could save. */
    static double wastedCoreSeconds(long gcMs, long runMs, RuleSettings settings) {
        return Math.max(0, gcMs - settings.get("healthyRatio") * runMs) / 1000.0;
    }

    static Recommendation recommendation(Application app, RuleSettings settings) {
        MemoryModel model = MemoryModel.of(app);
        long heap = model.heapForPerTask((long) Math.ceil(model.perTaskBytes() * settings.get("memoryGrowthFactor")));
        Map<String, String> config = new LinkedHashMap<>();
        config.put(model.heapKey(), MemoryModel.format(heap));
        StringBuilder text = new StringBuilder("The JVM spends too much time collecting garbage: give each task more heap ("
                + model.heapKey() + "=" + MemoryModel.format(heap) + " with " + model.cores() + " cores"
                + (model.local() ? "" : ", or fewer cores per executor") + "), cache less or in serialized form "
                + "(MEMORY_AND_DISK_SER), and avoid building many objects per row in UDFs.");
        String optionsKey = model.local() ? "spark.driver.extraJavaOptions" : "spark.executor.extraJavaOptions";
        String options = app.environment().sparkProperties().getOrDefault(optionsKey, "").trim();
        boolean collectorChosen = options.matches(".*-XX:\\+Use\\w+GC.*");
        if (!collectorChosen && java8(app)) {
            // G1 is the JVM default only since Java 9; Spark's tuning guide recommends it for large heaps.
            config.put(optionsKey, (options + " -XX:+UseG1GC").trim());
            text.append(" The JVM is Java 8, whose default collector is Parallel GC: use G1 (Spark's tuning guide).");
        }
        return new Recommendation(text.toString(), config);
    }

    private static boolean java8(Application app) {
        return app.environment().javaVersion().map(v -> v.startsWith("1.8") || v.startsWith("1.7")).orElse(false);
    }
}
