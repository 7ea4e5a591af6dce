package io.sparkwise.analysis.compare;

import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.model.Environment;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static final String SPARK_EVENTS = "../shared/eventlogs/apache-spark/spark-events/";
    private static final String RAPIDS = "../shared/eventlogs/spark-rapids-tools/spark-events-profiling/";
    /** Spark 1.2 shell session whose job 1 fails ("got a 3, failing"). */
    private static final String FAILED_JOB = SPARK_EVENTS + "local-1422981780767";
    /** The same shell workload seconds earlier, without the failure and with two more actions. */
    private static final String SAME_SHELL_NO_FAILURE = SPARK_EVENTS + "local-1422981759269";
    /** A Spark 3.0.1 join on the RAPIDS plugin; two runs of the same workload. */
    private static final String RAPIDS_JOIN = RAPIDS + "rapids_join_eventlog.zstd";
    private static final String RAPIDS_JOIN_2 = RAPIDS + "rapids_join_eventlog2.zstd";
    /** A small healthy Spark 4.0.1 application. */
    private static final String SPARK4_CLEAN = "../shared/eventlogs/spark4/plain/local-1795562771711";

    private static Application read(String path) {
        EventLogReader reader = new EventLogReader();
        return reader.read(reader.discover(path).get(0));
    }

    /** The two runs read from the corpus, each with the findings the built-in rules give it. */
    private static Comparison compare(String before, String after) {
        return compare(read(before), read(after));
    }

    private static Comparison compare(Application before, Application after) {
        return Comparison.of(before, Analyzer.withBuiltInRules().analyze(before, Thresholds.defaults()).findings(),
                after, Analyzer.withBuiltInRules().analyze(after, Thresholds.defaults()).findings());
    }

    /** {@code app} with its Spark properties edited, as if the next run had been submitted with other settings. */
    private static Application withProperties(Application app, Map<String, String> set, String... unset) {
        Map<String, String> properties = new LinkedHashMap<>(app.environment().sparkProperties());
        properties.putAll(set);
        for (String key : unset) {
            properties.remove(key);
        }
        Environment e = app.environment();
        Environment edited = new Environment(e.javaVersion(), e.javaHome(), e.scalaVersion(), properties,
                e.hadoopProperties(), e.systemProperties(), e.metricsProperties(), e.classpathEntryCount());
        return new Application(app.info(), edited, app.resourceProfiles(), app.jobs(), app.stages(), app.executors(),
                app.sqlExecutions(), app.taskFailures(), app.readReport());
    }

    @Test
    void of_sameLogTwice_noDifferences() {
        Application run = read(RAPIDS_JOIN);

        Comparison c = compare(run, run);

        assertThat(c.metrics()).allSatisfy(m -> assertThat(m.delta()).as(m.metric().label()).isZero());
        assertThat(c.configChanges()).isEmpty();
        assertThat(c.matchedStages()).hasSize(4).allSatisfy(d -> {
            assertThat(d.before().stageId()).isEqualTo(d.after().stageId());
            assertThat(d.durationDelta()).isZero();
        });
        assertThat(c.addedStages()).isEmpty();
        assertThat(c.removedStages()).isEmpty();
        assertThat(c.appearedFindings()).isEmpty();
        assertThat(c.disappearedFindings()).isEmpty();
        assertThat(c.regressions(0)).isEmpty();
    }

    @Test
    void of_twoRunsOfTheRapidsJoin_matchesSwappedScanStagesByTheirStacks() {
        Comparison c = compare(RAPIDS_JOIN, RAPIDS_JOIN_2);

        // The second run submitted the two scans in the other order: stage 0 there is stage 1 here.
        assertThat(c.matchedStages()).extracting(d -> d.before().stageId() + "->" + d.after().stageId())
                .containsExactlyInAnyOrder("0->1", "1->0", "2->2", "3->3");
        assertThat(c.addedStages()).isEmpty();
        assertThat(c.removedStages()).isEmpty();
        assertThat(c.matchedStages()).allSatisfy(d ->
                assertThat(d.before().sqlDescription()).isEqualTo(d.after().sqlDescription()));
    }

    @Test
    void of_twoRunsOfTheRapidsJoin_namesTheSlowerRunAndItsMostMovedStageFirst() {
        Comparison c = compare(RAPIDS_JOIN, RAPIDS_JOIN_2);

        MetricDelta wall = c.metric(RunMetric.WALL_TIME);
        assertThat(wall.before()).isEqualTo(13_754);
        assertThat(wall.after()).isGreaterThan(wall.before());
        assertThat(c.matchedStages().get(0).after().name()).isEqualTo("attachTree at Spark300Shims.scala:627");
        long first = Math.abs(c.matchedStages().get(0).durationDelta());
        assertThat(c.matchedStages()).allSatisfy(d -> assertThat(Math.abs(d.durationDelta())).isLessThanOrEqualTo(first));
        // Driver host, port and REPL paths differ between the runs but are per-run noise.
        assertThat(c.configChanges()).isEmpty();
    }

    @Test
    void of_sameWorkloadWithChangedConfig_namesTheChangedKeys() {
        Application before = read(RAPIDS_JOIN);
        Application after = withProperties(read(RAPIDS_JOIN_2),
                Map.of("spark.sql.shuffle.partitions", "24", "spark.executor.memory", "4g",
                        "spark.app.submitTime", "1622821990000"),
                "spark.scheduler.mode");

        Comparison c = compare(before, after);

        assertThat(c.configChanges()).extracting(ch -> ch.kind() + " " + ch.key()).containsExactly(
                "ADDED spark.executor.memory", "REMOVED spark.scheduler.mode", "ADDED spark.sql.shuffle.partitions");
        assertThat(c.afterExecutors().executorMemory()).contains("4g");
        assertThat(c.beforeExecutors().executorMemory()).isEmpty();
    }

    @Test
    void of_cleanRunThenFailedRun_namesTheFailedStageAndTheNewFindings() {
        Comparison c = compare(SAME_SHELL_NO_FAILURE, FAILED_JOB);

        assertThat(c.addedStages()).extracting(StageRun::name).containsExactly("count at <console>:20");
        assertThat(c.removedStages()).extracting(StageRun::name)
                .containsExactly("saveAsTextFile at <console>:19", "first at <console>:17");
        assertThat(c.matchedStages()).extracting(d -> d.after().name()).containsExactlyInAnyOrder(
                "map at <console>:14", "count at <console>:15", "count at <console>:17");
        assertThat(c.appearedFindings()).extracting(f -> f.ruleId() + " @ " + f.scope())
                .contains("failures.failed-jobs @ job 1");
        assertThat(c.disappearedFindings()).isEmpty();
        assertThat(c.metric(RunMetric.FAILED_JOBS).after()).isEqualTo(1);
        assertThat(c.metric(RunMetric.FAILED_TASK_TIME).after()).isEqualTo(46);
    }

    @Test
    void of_twoDifferentApplications_reportsConfigAndStagesOfEach() {
        Comparison c = compare(FAILED_JOB, SPARK4_CLEAN);

        assertThat(c.before().sparkVersion()).isEmpty();
        assertThat(c.after().sparkVersion()).contains("4.0.1");
        assertThat(c.configChanges()).extracting(ConfigChange::key).contains("spark.master", "spark.app.name")
                .doesNotContain("spark.app.id", "spark.driver.host", "spark.driver.port");
        assertThat(c.matchedStages().size() + c.removedStages().size()).isEqualTo(4);
        assertThat(c.disappearedFindings()).extracting(FindingChange::ruleId).contains("failures.failed-jobs");
    }

    @Test
    void regressions_wallTimeGrewPastTheLimit_namesIt() {
        Comparison c = compare(RAPIDS_JOIN, RAPIDS_JOIN_2);
        double growth = c.metric(RunMetric.WALL_TIME).changePct().orElseThrow();

        assertThat(c.regressions(growth - 0.1)).extracting(MetricDelta::metric).contains(RunMetric.WALL_TIME);
        assertThat(c.regressions(growth + 0.1)).extracting(MetricDelta::metric).doesNotContain(RunMetric.WALL_TIME);
    }

    @Test
    void grewMoreThan_fromZero_anyGrowthCounts() {
        assertThat(new MetricDelta(RunMetric.WALL_TIME, 0, 1).grewMoreThan(1000)).isTrue();
        assertThat(new MetricDelta(RunMetric.WALL_TIME, 0, 0).grewMoreThan(0)).isFalse();
        assertThat(new MetricDelta(RunMetric.WALL_TIME, 100, 110).grewMoreThan(10)).isFalse();
        assertThat(new MetricDelta(RunMetric.WALL_TIME, 100, 111).grewMoreThan(10)).isTrue();
        assertThat(new MetricDelta(RunMetric.WALL_TIME, 100, 111).changePct()).hasValue(11.0);
    }

    @Test
    void diff_perRunKeys_areLeftOut() {
        var changes = ConfigDiff.diff(
                Map.of("spark.app.id", "local-1", "spark.driver.port", "1", "spark.sql.shuffle.partitions", "200",
                        "spark.org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter.param.PROXY_HOSTS", "a"),
                Map.of("spark.app.id", "local-2", "spark.driver.port", "2", "spark.sql.shuffle.partitions", "24",
                        "spark.org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter.param.PROXY_HOSTS", "b"));

        assertThat(changes).containsExactly(
                new ConfigChange("spark.sql.shuffle.partitions", Optional.of("200"), Optional.of("24")));
        assertThat(changes.get(0).kind()).isEqualTo(ConfigChange.Kind.CHANGED);
    }
}
