package io.sparkwise.report.compare;

import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.model.Application;
import io.sparkwise.model.Environment;
import io.sparkwise.report.AnalyzedApplication;
import io.sparkwise.report.markdown.CorpusLogs;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static AnalyzedApplication analyzed(Application app) {
        return new AnalyzedApplication(app, Analyzer.withBuiltInRules().analyze(app, Thresholds.defaults()));
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
        AnalyzedApplication run = CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN);

        Comparison c = Comparison.of(run, run);

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
        Comparison c = Comparison.of(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN),
                CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN_2));

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
        Comparison c = Comparison.of(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN),
                CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN_2));

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
        Application before = CorpusLogs.read(CorpusLogs.RAPIDS_JOIN);
        Application after = withProperties(CorpusLogs.read(CorpusLogs.RAPIDS_JOIN_2),
                Map.of("spark.sql.shuffle.partitions", "24", "spark.executor.memory", "4g",
                        "spark.app.submitTime", "1622821990000"),
                "spark.scheduler.mode");

        Comparison c = Comparison.of(analyzed(before), analyzed(after));

        assertThat(c.configChanges()).extracting(ch -> ch.kind() + " " + ch.key()).containsExactly(
                "ADDED spark.executor.memory", "REMOVED spark.scheduler.mode", "ADDED spark.sql.shuffle.partitions");
        assertThat(c.afterExecutors().executorMemory()).contains("4g");
        assertThat(c.beforeExecutors().executorMemory()).isEmpty();
    }

    @Test
    void of_cleanRunThenFailedRun_namesTheFailedStageAndTheNewFindings() {
        Comparison c = Comparison.of(CorpusLogs.analyzed(CorpusLogs.SAME_SHELL_NO_FAILURE),
                CorpusLogs.analyzed(CorpusLogs.FAILED_JOB));

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
        Comparison c = Comparison.of(CorpusLogs.analyzed(CorpusLogs.FAILED_JOB),
                CorpusLogs.analyzed(CorpusLogs.SPARK4_CLEAN));

        assertThat(c.before().sparkVersion()).isEmpty();
        assertThat(c.after().sparkVersion()).contains("4.0.1");
        assertThat(c.configChanges()).extracting(ConfigChange::key).contains("spark.master", "spark.app.name")
                .doesNotContain("spark.app.id", "spark.driver.host", "spark.driver.port");
        assertThat(c.matchedStages().size() + c.removedStages().size()).isEqualTo(4);
        assertThat(c.disappearedFindings()).extracting(FindingChange::ruleId).contains("failures.failed-jobs");
    }

    @Test
    void regressions_wallTimeGrewPastTheLimit_namesIt() {
        Comparison c = Comparison.of(CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN),
                CorpusLogs.analyzed(CorpusLogs.RAPIDS_JOIN_2));
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
