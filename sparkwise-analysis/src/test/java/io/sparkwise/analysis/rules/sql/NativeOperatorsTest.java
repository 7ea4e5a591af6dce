package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.rules.sql.NativeOperators.Kind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NativeOperatorsTest {

    @Test
    void engineOf_vendorOperators_nameTheirEngine() {
        assertThat(NativeOperators.engineOf("PhotonShuffleExchangeSink")).contains("Photon");
        assertThat(NativeOperators.engineOf("GpuScan parquet ")).contains("RAPIDS");
        assertThat(NativeOperators.engineOf("FileSourceScanExecTransformer")).contains("Gluten");
        assertThat(NativeOperators.engineOf("VeloxColumnarToRow")).contains("Gluten");
        assertThat(NativeOperators.engineOf("ColumnarExchange")).contains("Gluten");
        assertThat(NativeOperators.engineOf("CometExchange")).contains("Comet");
    }

    @Test
    void engineOf_sparkOperators_isEmpty() {
        assertThat(NativeOperators.engineOf("Exchange")).isEqualTo(Optional.empty());
        assertThat(NativeOperators.engineOf("Scan parquet db.events")).isEmpty();
        assertThat(NativeOperators.engineOf("ColumnarToRow")).isEmpty();
        assertThat(NativeOperators.engineOf("WholeStageCodegen (3)")).isEmpty();
    }

    @Test
    void kindOf_vendorOperators_mapToSparkKinds() {
        assertThat(NativeOperators.kindOf("PhotonScan parquet db.t")).isEqualTo(Kind.SCAN);
        assertThat(NativeOperators.kindOf("GpuFileSourceScanExec")).isEqualTo(Kind.SCAN);
        assertThat(NativeOperators.kindOf("FileSourceScanExecTransformer")).isEqualTo(Kind.SCAN);
        assertThat(NativeOperators.kindOf("PhotonShuffleExchangeSink")).isEqualTo(Kind.SHUFFLE_EXCHANGE);
        assertThat(NativeOperators.kindOf("PhotonShuffleExchangeSource")).isEqualTo(Kind.OTHER);
        assertThat(NativeOperators.kindOf("GpuShuffleExchange")).isEqualTo(Kind.SHUFFLE_EXCHANGE);
        assertThat(NativeOperators.kindOf("GpuColumnarExchange")).isEqualTo(Kind.SHUFFLE_EXCHANGE);
        assertThat(NativeOperators.kindOf("ColumnarExchange")).isEqualTo(Kind.SHUFFLE_EXCHANGE);
        assertThat(NativeOperators.kindOf("GpuBroadcastExchange")).isEqualTo(Kind.BROADCAST_EXCHANGE);
        assertThat(NativeOperators.kindOf("PhotonBroadcastNestedLoopJoin")).isEqualTo(Kind.NESTED_LOOP_JOIN);
        assertThat(NativeOperators.kindOf("SortMergeJoinExecTransformer")).isEqualTo(Kind.SORT_MERGE_JOIN);
        assertThat(NativeOperators.kindOf("GpuShuffledHashJoin")).isEqualTo(Kind.SHUFFLED_HASH_JOIN);
        assertThat(NativeOperators.kindOf("FilterExecTransformer")).isEqualTo(Kind.FILTER);
    }

    @Test
    void kindOf_sparkOperators() {
        assertThat(NativeOperators.kindOf("Exchange")).isEqualTo(Kind.SHUFFLE_EXCHANGE);
        assertThat(NativeOperators.kindOf("ReusedExchange")).isEqualTo(Kind.OTHER);
        assertThat(NativeOperators.kindOf("Scan parquet db.ExecutionLog")).isEqualTo(Kind.SCAN);
        assertThat(NativeOperators.kindOf("BatchEvalPython")).isEqualTo(Kind.PYTHON_UDF);
        assertThat(NativeOperators.kindOf("FlatMapGroupsInPandas")).isEqualTo(Kind.PYTHON_UDF);
        assertThat(NativeOperators.kindOf("CartesianProduct")).isEqualTo(Kind.CARTESIAN_PRODUCT);
        assertThat(NativeOperators.kindOf("Execute InsertIntoHadoopFsRelationCommand")).isEqualTo(Kind.OTHER);
    }

    @Test
    void canonicalName_keepsTheRelation() {
        assertThat(NativeOperators.canonicalName("Scan parquet db.ExecutionLog")).isEqualTo("Scan parquet db.ExecutionLog");
        assertThat(NativeOperators.canonicalName("GpuScan parquet ")).isEqualTo("Scan parquet");
        assertThat(NativeOperators.canonicalName("WholeStageCodegen (12)")).isEqualTo("WholeStageCodegen");
    }

    @Test
    void isRelationScan_excludesRddAndCachedScans() {
        assertThat(NativeOperators.isRelationScan("Scan ExistingRDD")).isFalse();
        assertThat(NativeOperators.isRelationScan("Scan[obj#3]")).isFalse();
        assertThat(NativeOperators.isRelationScan("InMemoryTableScan")).isFalse();
        assertThat(NativeOperators.isRelationScan("Scan JDBCRelation(orders) [numPartitions=1]")).isTrue();
    }
}
