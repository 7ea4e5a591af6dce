package io.sparkwise.analysis.rules.sql;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkPlanNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sparkwise.analysis.rules.sql.SqlFixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

class ManyExchangesRuleTest {

    private final ManyExchangesRule rule = new ManyExchangesRule();

    /** A chain of {@code n} shuffles, each writing 1 GiB in 60 s of task time. */
    private static Application chain(String exchangeName, int n) {
        SqlFixtures f = new SqlFixtures();
        SparkPlanNode node = f.node("Scan parquet db.t", "FileScan parquet db.t");
        for (int i = 0; i < n; i++) {
            node = f.node(exchangeName, exchangeName + " hashpartitioning(k" + i + "#" + i + ", 200)", Map.of(),
                    metrics("shuffle write time", 60_000_000_000L, "shuffle bytes written", 1L << 30),
                    f.node("HashAggregate", "HashAggregate(keys=[k" + i + "])", node));
        }
        return SqlFixtures.with(TestApps.app().executors(4, 4).build(), f.execution(1, node, ""));
    }

    @Test
    void evaluate_twelveShuffles_firesWithMeasuredExcess() {
        List<Finding> findings = rule.evaluate(new AnalysisContext(chain("Exchange", 12), Thresholds.defaults()));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("sql.many-exchanges");
            assertThat(f.scope().describe()).isEqualTo("SQL 1");
            assertThat(f.evidence())
                    .containsEntry("exchanges", 12)
                    .containsEntry("shuffleBytesWritten", 12L << 30)
                    .containsEntry("shuffleWriteAndFetchWaitMs", 720_000L);
            // 720 s of shuffle write x (12 - 10) / 12
            assertThat(f.impact().wastedCoreSeconds()).isEqualTo(120.0);
        });
    }

    @Test
    void evaluate_gpuAndPhotonExchangesCount() {
        assertThat(rule.evaluate(new AnalysisContext(chain("GpuColumnarExchange", 11), Thresholds.defaults()))).hasSize(1);
        assertThat(rule.evaluate(new AnalysisContext(chain("PhotonShuffleExchangeSink", 11), Thresholds.defaults()))).hasSize(1);
    }

    @Test
    void evaluate_tenShuffles_doesNotFire() {
        assertThat(rule.evaluate(new AnalysisContext(chain("Exchange", 10), Thresholds.defaults()))).isEmpty();
    }
}
