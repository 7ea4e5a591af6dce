package io.sparkwise.analysis.rules.gc;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.model.StageAttempt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage whose tasks spent a large share of their run time in garbage collection (jvmGcTime /
 * executorRunTime), when the stage ran long enough for it to matter. Spill, skew or oversized
 * partitions in the same stage are linked as its cause.
 */
public final class StageGcRule extends BaseRule implements StageRule {

    public static final String ID = "gc.stage-gc";

    public StageGcRule() {
        super(ID, RuleCategory.GC,
                "A stage's tasks spent a large share of their run time in garbage collection");
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        RuleSettings settings = context.settings(ID);
        long run = stage.metrics().executorRunTime();
        long gc = stage.metrics().jvmGcTime();
        if (run < settings.getLong("minRunTimeMs") || gc < settings.get("warnRatio") * run) {
            return List.of();
        }
        double ratio = (double) gc / run;
        double wasted = GcFix.wastedCoreSeconds(gc, run, settings);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("jvmGcTime", gc);
        evidence.put("executorRunTime", run);
        evidence.put("gcRatio", Format.round(ratio, 3));
        evidence.put("numTasks", stage.numTasks());
        evidence.put("memoryBytesSpilled", stage.metrics().memoryBytesSpilled());
        String title = "Stage " + stage.stageId() + " spent " + Format.pct(100 * ratio) + " of its task run time in GC ("
                + Format.millis(gc) + ")";
        return List.of(new Finding(ID, GcFix.severity(context, ratio, wasted, settings), title,
                Scope.stage(stage.stageId(), stage.attemptId()), evidence, context.impact(wasted),
                GcFix.recommendation(context.application(), settings), List.of(), Optional.empty()));
    }
}
