package io.sparkwise.analysis;

import io.sparkwise.analysis.rules.failures.StageRetriesRule;
import io.sparkwise.analysis.rules.resources.IdleExecutorsRule;
import io.sparkwise.analysis.rules.skew.TaskDurationSkewRule;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.StageStatus;
import io.sparkwise.model.TaskMetric;
import io.sparkwise.model.TaskQuantity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class LiveAnalyzerTest {

    private final Thresholds thresholds = Thresholds.defaults();

    @Test
    void onStageCompleted_skewedStageOfARunningApplication_firesAtOnce() {
        LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);

        List<Finding> found = live.onStageCompleted(skewedStage(TestApps.app().incomplete().executors(4, 4)), 3, 0);

        assertThat(found).extracting(Finding::key).contains("skew.task-duration@stage:3.0");
        assertThat(live.findings()).extracting(Finding::key).contains("skew.task-duration@stage:3.0");
    }

    @Test
    void onStageCompleted_sameAttemptTwice_judgesItOnce() {
        LiveAnalyzer live = new LiveAnalyzer(List.of(new TaskDurationSkewRule()), thresholds);
        Application app = skewedStage(TestApps.app().incomplete().executors(4, 4));

        assertThat(live.onStageCompleted(app, 3, 0)).hasSize(1);
        assertThat(live.onStageCompleted(app, 3, 0)).isEmpty();
        assertThat(live.onApplicationEnd(app)).isEmpty();
        assertThat(live.findings()).hasSize(1);
    }

    @Test
    void onStageCompleted_stageNotInTheSnapshot_findsNothing() {
        LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);

        assertThat(live.onStageCompleted(skewedStage(TestApps.app().executors(4, 4)), 9, 0)).isEmpty();
        assertThat(live.findings()).isEmpty();
    }

    @Test
    void onStageCompleted_attemptStillActiveInTheSnapshot_waitsForItsEnd() {
        LiveAnalyzer live = new LiveAnalyzer(List.of(new TaskDurationSkewRule()), thresholds);
        Application running = skewedStage(TestApps.app().incomplete().executors(4, 4), StageStatus.ACTIVE);

        assertThat(live.onStageCompleted(running, 3, 0)).isEmpty();
        assertThat(live.onStageCompleted(skewedStage(TestApps.app().incomplete().executors(4, 4)), 3, 0)).hasSize(1);
    }

    @Test
    void onApplicationEnd_stageRuleThatDoesNotApplyWhileRunning_judgesTheStageOnlyThen() {
        Application app = skewedStage(TestApps.app().executors(4, 4));
        LiveAnalyzer live = new LiveAnalyzer(List.of(new FinishedOnlyStageRule(), new TaskDurationSkewRule()), thresholds);

        List<Finding> whenItEnded = live.onStageCompleted(app, 3, 0);
        List<Finding> atTheEnd = live.onApplicationEnd(app);
        List<Finding> again = live.onApplicationEnd(app);

        assertThat(whenItEnded).extracting(Finding::key).containsExactly("skew.task-duration@stage:3.0");
        assertThat(atTheEnd).extracting(Finding::key).containsExactly("test.finished-only@stage:3.0");
        assertThat(again).isEmpty();
        assertThat(live.findings()).hasSize(2);
    }

    @Test
    void findings_applicationGrowsAfterTheStageWasJudged_severityStaysFrozen() {
        // Judged on a 4 x 4-core, 10-minute application: (580 s - 20 s) x 15 cores = 8,400 core-s of
        // 9,600 allocated, critical. The application then runs 100 minutes on 40 executors: the same
        // waste, judged now, is 2% of 960,000 core-s, info; the finding keeps its first judgment.
        Application early = skewedStage(TestApps.app().incomplete().executors(4, 4));
        Application late = skewedStage(TestApps.app().executors(40, 4).durationMs(6_000_000));
        LiveAnalyzer live = new LiveAnalyzer(List.of(new TaskDurationSkewRule()), thresholds);

        live.onStageCompleted(early, 3, 0);
        live.onStageCompleted(late, 3, 0);
        live.onApplicationEnd(late);

        Finding fresh = new TaskDurationSkewRule().evaluate(new AnalysisContext(late, thresholds)).get(0);
        assertThat(fresh.severity()).isEqualTo(Severity.INFO);
        assertThat(live.findings()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(fresh.key());
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void evaluateApplication_ruleThatOnlyAppliesToAFinishedApplication_firesOnlyOnceItHasEnded() {
        // 10 x 4 cores for 600 s, tasks used 10% of it (IdleExecutorsRuleTest's case).
        IdleExecutorsRule rule = new IdleExecutorsRule();
        LiveAnalyzer live = new LiveAnalyzer(List.of(rule), thresholds);

        List<Finding> running = live.evaluateApplication(idleExecutors(TestApps.app().incomplete()));
        List<Finding> finished = live.evaluateApplication(idleExecutors(TestApps.app()));

        assertThat(rule.appliesWhileRunning()).isFalse();
        assertThat(running).isEmpty();
        assertThat(finished).extracting(Finding::key).containsExactly("resources.idle-executors@application");
        assertThat(live.findings()).extracting(Finding::key).containsExactly("resources.idle-executors@application");
    }

    @Test
    void evaluateApplication_ruleThatAppliesWhileRunning_firesOnARunningApplication() {
        Application app = TestApps.app().incomplete().property("spark.memory.offHeap.enabled", "true").build();
        LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);

        List<Finding> found = live.evaluateApplication(app);

        assertThat(found).extracting(Finding::key).contains("config.conflicting@application#off-heap");
    }

    @Test
    void evaluateApplication_again_replacesTheApplicationFindings() {
        LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);
        live.evaluateApplication(TestApps.app().incomplete().property("spark.memory.offHeap.enabled", "true").build());

        live.evaluateApplication(TestApps.app().incomplete().build());

        assertThat(live.findings()).extracting(Finding::key).doesNotContain("config.conflicting@application#off-heap");
    }

    @Test
    void onStageCompleted_laterAttemptOfARetriedStage_replacesTheEarlierAttemptsFinding() {
        TestApps twoAttempts = TestApps.app().incomplete()
                .stage(3, s -> s.status(StageStatus.FAILED).failed("FetchFailed").window(0, 10_000))
                .stage(3, s -> s.attempt(1).status(StageStatus.FAILED).failed("FetchFailed").window(10_000, 20_000));
        LiveAnalyzer live = new LiveAnalyzer(List.of(new StageRetriesRule()), thresholds);

        List<Finding> second = live.onStageCompleted(twoAttempts.build(), 3, 1);
        List<Finding> third = live.onStageCompleted(
                twoAttempts.stage(3, s -> s.attempt(2).window(20_000, 30_000)).build(), 3, 2);

        assertThat(second).extracting(Finding::key).containsExactly("failures.stage-retries@stage:3.1");
        assertThat(third).extracting(Finding::key).containsExactly("failures.stage-retries@stage:3.2");
        assertThat(live.findings()).extracting(Finding::key).containsExactly("failures.stage-retries@stage:3.2");
    }

    @Test
    void onStageCompleted_ruleThatThrows_isRecordedAndTheOthersStillRun() {
        LiveAnalyzer live = new LiveAnalyzer(List.of(new BrokenStageRule(), new TaskDurationSkewRule()), thresholds);
        Application app = skewedStage(TestApps.app().incomplete().executors(4, 4));

        List<Finding> found = live.onStageCompleted(app, 3, 0);
        live.onApplicationEnd(app);

        assertThat(found).extracting(Finding::ruleId).containsExactly("skew.task-duration");
        assertThat(live.ruleErrors()).containsExactly("test.broken (stage 3.0): java.lang.IllegalStateException: broken");
    }

    @Test
    void onExecutorRemoved_executorRule_judgesTheExecutorOnceAndTheOthersAtTheEnd() {
        Application app = TestApps.app().incomplete()
                .executor("1", 4, 0)
                .executor("7", 4, 0, OptionalLong.of(300_000), Optional.of("Container killed"))
                .build();
        LiveAnalyzer live = new LiveAnalyzer(List.of(new EveryExecutorRule()), thresholds);

        List<Finding> removed = live.onExecutorRemoved(app, "7");
        List<Finding> again = live.onExecutorRemoved(app, "7");
        List<Finding> atTheEnd = live.onApplicationEnd(app);

        assertThat(removed).extracting(Finding::key).containsExactly("test.every-executor@executor:7");
        assertThat(again).isEmpty();
        assertThat(atTheEnd).extracting(Finding::key).containsExactly("test.every-executor@executor:1");
    }

    @Test
    void findings_rankedAsAnalyzerRanksThem() {
        Application app = skewedStage(TestApps.app().executors(10, 4).property("spark.memory.offHeap.enabled", "true"));
        LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);

        live.onStageCompleted(app, 3, 0);
        live.evaluateApplication(app);

        assertThat(live.findings()).isEqualTo(Analyzer.withBuiltInRules().analyze(app, thresholds).findings());
    }

    /** Stage 3: 40 tasks of 20 s and one of 580 s, shuffle read 3x the median in the slow one (not data skew). */
    private static Application skewedStage(TestApps app) {
        return skewedStage(app, StageStatus.COMPLETE);
    }

    private static Application skewedStage(TestApps app, StageStatus status) {
        return app.stage(3, s -> s.status(status).window(0, 600_000)
                        .tasks(TaskQuantity.DURATION, spread(40, 20_000, 580_000))
                        .tasks(TaskQuantity.SHUFFLE_READ_BYTES, spread(40, 100L << 20, 300L << 20)))
                .build();
    }

    private static Application idleExecutors(TestApps app) {
        return app.executors(10, 4)
                .stage(0, s -> s.window(0, 600_000).metric(TaskMetric.EXECUTOR_RUN_TIME, 2_400_000))
                .build();
    }

    private static long[] spread(int n, long typical, long straggler) {
        long[] v = new long[n];
        Arrays.fill(v, typical);
        v[n - 1] = straggler;
        return v;
    }

    private static final class BrokenStageRule extends BaseRule implements StageRule {

        BrokenStageRule() {
            super("test.broken", RuleCategory.SKEW, "Always fails");
        }

        @Override
        public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
            throw new IllegalStateException("broken");
        }
    }

    private static final class FinishedOnlyStageRule extends BaseRule implements StageRule {

        FinishedOnlyStageRule() {
            super("test.finished-only", RuleCategory.RESOURCES, "Reports every stage, once the application has ended");
        }

        @Override
        public boolean appliesWhileRunning() {
            return false;
        }

        @Override
        public List<Finding> evaluate(StageAttempt stage, AnalysisContext context) {
            return List.of(new Finding(id(), Severity.INFO, "stage " + stage.stageId(),
                    Scope.stage(stage.stageId(), stage.attemptId()), Map.of(), Impact.NONE, Recommendation.text("none"),
                    List.of(), Optional.empty()));
        }
    }

    private static final class EveryExecutorRule extends BaseRule implements ExecutorRule {

        EveryExecutorRule() {
            super("test.every-executor", RuleCategory.RESOURCES, "Reports every executor");
        }

        @Override
        public List<Finding> evaluate(Executor executor, AnalysisContext context) {
            if (executor.isDriver()) {
                return List.of();
            }
            return List.of(new Finding(id(), Severity.INFO, "executor " + executor.id(), Scope.executor(executor.id()),
                    Map.of(), Impact.NONE, Recommendation.text("none"), List.of(), Optional.empty()));
        }
    }
}
