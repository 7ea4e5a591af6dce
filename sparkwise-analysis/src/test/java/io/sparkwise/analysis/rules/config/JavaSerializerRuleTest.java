package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.rules.failures.Fixtures;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.JobStatus;
import io.sparkwise.model.TaskMetric;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class JavaSerializerRuleTest {

    private final JavaSerializerRule rule = new JavaSerializerRule();

    @Test
    void evaluate_rddShuffleWithDefaultSerializer_recommendsKryo() {
        Application app = TestApps.app().executors(2, 4)
                .stage(0, s -> s.name("reduceByKey at Job.scala:42").metric(TaskMetric.SHUFFLE_WRITE_BYTES, 2L << 30))
                .build();

        Finding f = rule.evaluate(new AnalysisContext(app, Thresholds.defaults())).get(0);

        assertThat(f.ruleId()).isEqualTo("config.java-serializer");
        assertThat(f.evidence()).containsEntry("rddShuffleStages", 1).containsEntry("shuffleWriteBytes", 2L << 30)
                .containsEntry("spark.serializer", "(unset: JavaSerializer)");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.recommendation().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of("spark.serializer", "org.apache.spark.serializer.KryoSerializer"));
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_sqlShuffleOrKryoOrPython_doesNotFire() {
        Application sql = TestApps.app().executors(2, 4)
                .stage(0, s -> s.job(0).metric(TaskMetric.SHUFFLE_WRITE_BYTES, 2L << 30))
                .job(0, JobStatus.SUCCEEDED, List.of(0), OptionalLong.of(1))
                .sql(1, "select", TestApps.node("Exchange", "Exchange hashpartitioning"), List.of(0))
                .build();
        Application kryo = TestApps.app().executors(2, 4).property("spark.serializer", JavaSerializerRule.KRYO)
                .stage(0, s -> s.metric(TaskMetric.SHUFFLE_WRITE_BYTES, 2L << 30)).build();
        Application python = TestApps.app().executors(2, 4)
                .stage(0, s -> s.name("reduceByKey at /app/job.py:12").metric(TaskMetric.SHUFFLE_WRITE_BYTES, 2L << 30)).build();

        for (Application app : List.of(sql, kryo, python)) {
            assertThat(rule.evaluate(new AnalysisContext(app, Thresholds.defaults()))).isEmpty();
        }
    }
}
