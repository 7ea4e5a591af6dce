package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.ApplicationRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RDD shuffles written with Java serialization: stages that write shuffle data outside any SQL
 * execution (DataFrame shuffles use Spark SQL's own row format whatever spark.serializer says)
 * while spark.serializer is unset or JavaSerializer. Spark's tuning guide recommends Kryo there.
 * PySpark RDD stages (call sites in .py files) shuffle pickled bytes and are not counted.
 *
 * <p>Wasted core-seconds: not measurable from the log (the gain depends on the classes), so the
 * finding is informational.
 */
public final class JavaSerializerRule extends BaseRule implements ApplicationRule {

    public static final String ID = "config.java-serializer";

    static final String KRYO = "org.apache.spark.serializer.KryoSerializer";
    private static final String JAVA = "org.apache.spark.serializer.JavaSerializer";

    public JavaSerializerRule() {
        super(ID, RuleCategory.CONFIGURATION,
                "RDD shuffles serialized with the default Java serializer");
    }

    /** Judges the configuration; the RDD shuffle volume only grows, so a finding made early holds. */
    @Override
    public boolean appliesWhileRunning() {
        return true;
    }

    @Override
    public List<Finding> evaluate(AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        String serializer = app.environment().sparkProperty("spark.serializer").orElse(JAVA);
        if (!serializer.trim().equals(JAVA)) {
            return List.of();
        }
        int stages = 0;
        long bytes = 0;
        long writeTimeNs = 0;
        for (StageAttempt s : Stages.ran(app)) {
            long written = s.metrics().shuffleWriteBytes();
            if (written > 0 && Stages.sqlExecution(app, s).isEmpty() && !isPython(s)) {
                stages++;
                bytes += written;
                writeTimeNs += s.metrics().get(TaskMetric.SHUFFLE_WRITE_TIME);
            }
        }
        if (bytes < settings.getLong("minRddShuffleWriteBytes")) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("spark.serializer", app.environment().sparkProperty("spark.serializer").orElse("(unset: JavaSerializer)"));
        evidence.put("rddShuffleStages", stages);
        evidence.put("shuffleWriteBytes", bytes);
        evidence.put("shuffleWriteTime", writeTimeNs);
        String title = Format.bytes(bytes) + " of RDD shuffle data written with Java serialization (" + stages
                + " stage" + (stages == 1 ? "" : "s") + ")";
        Map<String, String> config = Map.of("spark.serializer", KRYO);
        Recommendation fix = new Recommendation("Kryo is faster and more compact than Java serialization for RDD "
                + "shuffles and serialized caching (Spark tuning guide). Register your classes "
                + "(spark.kryo.classesToRegister) so Kryo does not write full class names, and raise "
                + "spark.kryoserializer.buffer.max if records are large.",
                Proposals.valid(app.environment().sparkProperties(), config) ? config : Map.of());
        return List.of(new Finding(ID, context.severityFor(0), title, Scope.APPLICATION, evidence, context.impact(0),
                fix, List.of(), Optional.empty()));
    }

    private static boolean isPython(StageAttempt s) {
        return s.name().contains(".py:") || s.details().contains("PythonRDD") || s.details().contains(".py:");
    }
}
