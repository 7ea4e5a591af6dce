package io.sparkwise.analysis.rules.partitioning;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Recommendation;
import io.sparkwise.analysis.BaseRule;
import io.sparkwise.analysis.RuleCategory;
import io.sparkwise.analysis.StageRule;
import io.sparkwise.analysis.RuleSettings;
import io.sparkwise.analysis.Scope;
import io.sparkwise.model.spark.SparkDefaults;
import io.sparkwise.model.spark.SparkSizes;
import io.sparkwise.analysis.rules.Format;
import io.sparkwise.analysis.rules.Stages;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskQuantity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scan stage of many more tasks than cores whose median task reads only a few MiB: the input is
 * many small files (or small splits), and each task pays the cost of opening files and starting up
 * for little data. With the SQL scan's "number of files read" and "size of files read" metrics the
 * average file size is shown and the split size is computed with Spark's packing rule (each file
 * counts its size plus spark.sql.files.openCostInBytes).
 */
public final class SmallFilesRule extends BaseRule implements StageRule {

    public static final String ID = "partitioning.small-files";
    static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    static final long DEFAULT_OPEN_COST = SparkDefaults.FILES_OPEN_COST_BYTES;

    public SmallFilesRule() {
        super(ID, RuleCategory.PARTITIONING,
                "A scan of many small files or splits: many tasks each reading a few MiB");
    }

    /** Files and bytes the scans of a SQL execution read, from its plan metrics. */
    record FileScan(long files, long bytes) {
        long averageFileBytes() {
            return files == 0 ? 0 : bytes / files;
        }
    }

    @Override
    public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
        return applies(context, stage) ? List.of(finding(context, stage)) : List.of();
    }

    static boolean covers(AnalysisContext context, StageAttempt stage) {
        return context.settings(ID).enabled() && applies(context, stage);
    }

    private static boolean applies(AnalysisContext context, StageAttempt stage) {
        RuleSettings settings = context.settings(ID);
        if (!PartitionMath.isScanStage(stage)) {
            return false;
        }
        int slots = Stages.slots(context.application());
        long tasks = Stages.successfulTasks(stage);
        long median = stage.taskDistributions().of(TaskQuantity.INPUT_BYTES).quantile(0.5);
        return tasks >= settings.getLong("minTasks") && tasks > settings.get("maxTasksPerCore") * slots
                && median < settings.getLong("maxMedianInputBytes")
                && recommended(stage, slots, settings) * 2 <= stage.numTasks();
    }

    private static long recommended(StageAttempt stage, int slots, RuleSettings settings) {
        return Math.max(Math.round(settings.get("tasksPerCore") * slots),
                PartitionMath.partitionsFor(stage.metrics().inputBytes()));
    }

    private static Finding finding(AnalysisContext context, StageAttempt stage) {
        RuleSettings settings = context.settings(ID);
        Application app = context.application();
        long partitions = recommended(stage, Stages.slots(app), settings);
        Optional<FileScan> files = Stages.sqlExecution(app, stage).flatMap(SmallFilesRule::fileScan);
        double wasted = PartitionMath.taskOverheadMs(stage) / 1000.0 * (1 - (double) partitions / stage.numTasks());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("numTasks", stage.numTasks());
        evidence.put("inputBytes", stage.metrics().inputBytes());
        evidence.put("medianInputBytesPerTask", stage.taskDistributions().of(TaskQuantity.INPUT_BYTES).quantile(0.5));
        evidence.put("medianTaskDurationMs", stage.taskDistributions().of(TaskQuantity.DURATION).quantile(0.5));
        files.ifPresent(f -> {
            evidence.put("numberOfFilesRead", f.files());
            evidence.put("sizeOfFilesRead", f.bytes());
            evidence.put("averageFileBytes", f.averageFileBytes());
        });
        evidence.put("recommendedPartitions", partitions);
        List<String> missing = files.isPresent() ? List.of() : List.of("number of files read", "size of files read");
        String title = "Stage " + stage.stageId() + " read " + Format.bytes(stage.metrics().inputBytes()) + " in "
                + stage.numTasks() + " small splits (median " + Format.bytes((Long) evidence.get("medianInputBytesPerTask"))
                + files.map(f -> ", " + f.files() + " files of " + Format.bytes(f.averageFileBytes()) + " on average").orElse("")
                + ")";
        return new Finding(ID, context.severityFor(wasted), title, Scope.stage(stage.stageId(), stage.attemptId()),
                evidence, context.impact(wasted), fix(app, stage, partitions, files, settings), missing, Optional.empty());
    }

    /** Sums the file metrics of the scans in a SQL execution's plan, when the log has them. */
    static Optional<FileScan> fileScan(SqlExecution sql) {
        long[] sums = new long[2];
        boolean[] seen = new boolean[1];
        sql.plan().ifPresent(root -> root.forEach(node -> {
            for (SparkPlanNode.SqlMetric m : node.metrics()) {
                SqlExecution.SqlMetricValue v = sql.metricValues().get(m.accumulatorId());
                if (v == null) {
                    continue;
                }
                if (m.name().equals("number of files read")) {
                    sums[0] += v.sum();
                    seen[0] = true;
                } else if (m.name().equals("size of files read")) {
                    sums[1] += v.sum();
                }
            }
        }));
        return seen[0] && sums[0] > 0 ? Optional.of(new FileScan(sums[0], sums[1])) : Optional.empty();
    }

    private static Recommendation fix(Application app, StageAttempt stage, long partitions, Optional<FileScan> files,
                                      RuleSettings settings) {
        long current = PartitionMath.maxPartitionBytes(app.environment());
        long perTask = (stage.metrics().inputBytes() + partitions - 1) / partitions;
        long split;
        if (files.isPresent() && files.get().averageFileBytes() > 0) {
            // Spark packs files into a split until size + openCost per file reaches the split size,
            // so a split of perTask data bytes needs perTask x (file + openCost) / file.
            long file = files.get().averageFileBytes();
            long openCost = SparkSizes.parseBytes(app.environment().sparkProperties().get(OPEN_COST), 1)
                    .orElse(DEFAULT_OPEN_COST);
            split = (long) Math.ceil(perTask * (double) (file + openCost) / file);
        } else {
            long median = Math.max(1, stage.taskDistributions().of(TaskQuantity.INPUT_BYTES).quantile(0.5));
            split = (long) Math.ceil(current * (double) perTask / median);
        }
        split = Math.min(split, settings.getLong("maxRecommendedPartitionBytes"));
        Map<String, String> config = new LinkedHashMap<>();
        if (split > current) {
            config.put(PartitionMath.MAX_PARTITION_BYTES, SparkSizes.format(split));
        }
        return new Recommendation("Compact the input into files of about 128 MiB (e.g. a periodic compaction job, "
                + "or repartition before writing; Delta/Iceberg tables have OPTIMIZE / rewrite_data_files). Until then, "
                + "pack more files per task: Spark adds spark.sql.files.openCostInBytes (4 MB by default) per file when "
                + "filling a split of spark.sql.files.maxPartitionBytes, so tiny files fill a split long before its data "
                + "does. These settings apply to file sources (DataFrame/SQL reads), not to RDD or Hive SerDe reads.",
                config);
    }
}
