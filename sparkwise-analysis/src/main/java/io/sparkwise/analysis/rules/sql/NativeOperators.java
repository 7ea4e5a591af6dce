package io.sparkwise.analysis.rules.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes plan operators whatever engine ran them: Apache Spark's own operators and the
 * native-engine replacements that vendors put in the same plan tree (Databricks Photon
 * {@code PhotonScan}, {@code PhotonShuffleExchangeSink}; Apache Gluten/Velox
 * {@code *ExecTransformer}, {@code ColumnarExchange}, {@code VeloxColumnarToRow}; NVIDIA RAPIDS
 * {@code GpuScan parquet}, {@code GpuColumnarExchange}; Apache DataFusion Comet {@code CometScan}).
 * A rule asks for the {@link Kind} so that a Photon scan counts as a scan and a GPU shuffle as an
 * exchange, instead of being skipped as an unknown operator.
 */
public final class NativeOperators {

    /** What an operator does, in Spark's own terms. */
    public enum Kind {
        SCAN, SHUFFLE_EXCHANGE, BROADCAST_EXCHANGE, SORT_MERGE_JOIN, SHUFFLED_HASH_JOIN, BROADCAST_HASH_JOIN,
        NESTED_LOOP_JOIN, CARTESIAN_PRODUCT, FILTER, PYTHON_UDF, OTHER
    }

    private static final Pattern CODEGEN_ID = Pattern.compile("\\s*\\(\\d+\\)$");

    private NativeOperators() {
    }

    /** The native engine that ran an operator: "Photon", "Gluten", "RAPIDS" or "Comet"; empty for Spark's own. */
    public static Optional<String> engineOf(String nodeName) {
        String n = nodeName.trim();
        if (n.startsWith("Photon")) {
            return Optional.of("Photon");
        }
        if (n.startsWith("Gpu")) {
            return Optional.of("RAPIDS");
        }
        if (n.startsWith("Comet")) {
            return Optional.of("Comet");
        }
        // Gluten names its offloaded operators *Transformer / *ExecTransformer; its Velox backend
        // adds Velox* conversions, and its shuffle is ColumnarExchange (not a vanilla Spark name).
        if (n.contains("Transformer") || n.contains("Velox") || n.startsWith("ColumnarExchange")
                || n.startsWith("ColumnarBroadcastExchange") || n.startsWith("ColumnarShuffleExchange")) {
            return Optional.of("Gluten");
        }
        return Optional.empty();
    }

    /**
     * The Spark operator a node stands for: vendor prefix and suffix removed ("PhotonShuffleExchangeSink"
     * becomes "Exchange", "GpuColumnarExchange" "Exchange", "SortMergeJoinExecTransformer"
     * "SortMergeJoin", "WholeStageCodegen (3)" "WholeStageCodegen").
     */
    public static String canonicalName(String nodeName) {
        String n = CODEGEN_ID.matcher(nodeName.trim()).replaceAll("");
        for (String prefix : new String[] {"Photon", "Gpu", "Comet", "Velox"}) {
            if (n.startsWith(prefix) && n.length() > prefix.length()) {
                n = n.substring(prefix.length());
                break;
            }
        }
        // Only the operator's own name (its first word) carries a suffix: "Scan parquet db.ExecLog" keeps its table.
        int space = n.indexOf(' ');
        String head = space < 0 ? n : n.substring(0, space);
        String rest = space < 0 ? "" : n.substring(space);
        for (String suffix : new String[] {"ExecTransformer", "Transformer", "Exec"}) {
            if (head.endsWith(suffix) && head.length() > suffix.length()) {
                head = head.substring(0, head.length() - suffix.length());
                break;
            }
        }
        n = head + rest;
        if (n.startsWith("Columnar") && n.contains("Exchange")) {
            n = n.substring("Columnar".length());
        }
        // Photon splits a shuffle into its map side (Sink) and reduce side (Source); the Sink is
        // the shuffle write, so it stands for the Exchange, the Source is only its reader.
        if (n.startsWith("ShuffleExchangeSink") || n.equals("ShuffleExchange")) {
            return "Exchange";
        }
        return n.trim();
    }

    public static Kind kindOf(String nodeName) {
        String n = canonicalName(nodeName);
        String lower = n.toLowerCase(Locale.ROOT);
        if (n.equals("Exchange") || n.startsWith("Exchange ") || n.equals("ShuffleExchange")) {
            return Kind.SHUFFLE_EXCHANGE;
        }
        if (n.startsWith("BroadcastExchange")) {
            return Kind.BROADCAST_EXCHANGE;
        }
        if (n.startsWith("SortMergeJoin")) {
            return Kind.SORT_MERGE_JOIN;
        }
        if (n.startsWith("ShuffledHashJoin")) {
            return Kind.SHUFFLED_HASH_JOIN;
        }
        if (n.startsWith("BroadcastHashJoin")) {
            return Kind.BROADCAST_HASH_JOIN;
        }
        if (n.startsWith("BroadcastNestedLoopJoin") || n.startsWith("NestedLoopJoin")) {
            return Kind.NESTED_LOOP_JOIN;
        }
        if (n.startsWith("CartesianProduct")) {
            return Kind.CARTESIAN_PRODUCT;
        }
        if (n.equals("Filter")) {
            return Kind.FILTER;
        }
        if (isPythonUdf(n)) {
            return Kind.PYTHON_UDF;
        }
        if (lower.startsWith("scan") || lower.startsWith("filescan") || lower.startsWith("batchscan")
                || lower.startsWith("filesourcescan")) {
            return Kind.SCAN;
        }
        return Kind.OTHER;
    }

    /** True for a scan of a table or files (not a cached relation, a local collection or an RDD). */
    public static boolean isRelationScan(String nodeName) {
        String n = canonicalName(nodeName);
        return kindOf(nodeName) == Kind.SCAN && !n.startsWith("Scan ExistingRDD") && !n.startsWith("Scan[")
                && !n.startsWith("Scan OneRowRelation");
    }

    private static boolean isPythonUdf(String n) {
        return n.startsWith("BatchEvalPython") || n.startsWith("ArrowEvalPython") || n.endsWith("InPandas")
                || n.startsWith("MapInArrow") || n.startsWith("FlatMapCoGroupsInArrow") || n.startsWith("PythonMapInArrow");
    }
}
