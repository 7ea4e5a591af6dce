package io.sparkwise.analysis;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LiveAnalyzer} after the fact on every corpus log: the ends of stage attempts, jobs, SQL
 * executions and executors replayed in time order on the final {@link Application}, then the
 * application's end. The findings must be {@link Analyzer}'s, key for key.
 */
class LiveAnalyzerCorpusTest {

    private record End(long time, int order, Function<LiveAnalyzer, List<Finding>> signal) {
    }

    @Test
    void liveOnFinalApplication_everyCorpusLog_findsWhatAnalyzerFinds() {
        EventLogReader reader = new EventLogReader();
        Analyzer analyzer = Analyzer.withBuiltInRules();
        Thresholds thresholds = Thresholds.defaults();
        int logs = 0;
        int findings = 0;
        int judgedBeforeTheEnd = 0;
        for (LogInput input : reader.discover("../shared/eventlogs")) {
            Application app;
            try {
                app = reader.read(input);
            } catch (SparkwiseException notAnEventLog) {
                continue;   // driverlog, empty and invalid files
            }
            logs++;
            Analysis expected = analyzer.analyze(app, thresholds);
            LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);

            for (End end : ends(app)) {
                judgedBeforeTheEnd += end.signal().apply(live).size();
            }
            List<Finding> atTheEnd = app.info().completed() ? live.evaluateApplication(app) : live.onApplicationEnd(app);

            // Stage attempts that ended were judged when they ended, not swept up at the application's end.
            assertThat(atTheEnd).as(input.name())
                    .noneMatch(f -> f.scope().stageId().isPresent() && app.stage(f.scope().stageId().getAsInt(),
                            f.scope().stageAttemptId().orElse(0)).flatMap(s -> boxed(s.completionTime())).isPresent());
            assertThat(live.ruleErrors()).as(input.name()).isEmpty();
            assertThat(byKey(live.findings())).as(input.name()).isEqualTo(byKey(expected.findings()));
            assertThat(live.analysis(app).recommendedConfig()).as(input.name()).isEqualTo(expected.recommendedConfig());
            findings += expected.findings().size();
        }

        assertThat(logs).isGreaterThan(80);
        assertThat(findings).isGreaterThan(100);
        assertThat(judgedBeforeTheEnd).isGreaterThan(50);
    }

    /** Every end the listener would have seen, in time order: stage attempts, jobs, SQL executions, executors. */
    private static List<End> ends(Application app) {
        List<End> ends = new ArrayList<>();
        for (StageAttempt s : app.stages()) {
            s.completionTime().ifPresent(t -> ends.add(new End(t, 0,
                    live -> live.onStageCompleted(app, s.stageId(), s.attemptId()))));
        }
        for (Job j : app.jobs()) {
            j.completionTime().ifPresent(t -> ends.add(new End(t, 1, live -> live.onJobEnd(app, j.jobId()))));
        }
        for (SqlExecution q : app.sqlExecutions()) {
            q.completionTime().ifPresent(t -> ends.add(new End(t, 2, live -> live.onSqlExecutionEnd(app, q.id()))));
        }
        for (Executor e : app.executors()) {
            e.removeTime().ifPresent(t -> ends.add(new End(t, 3, live -> live.onExecutorRemoved(app, e.id()))));
        }
        ends.sort(Comparator.comparingLong(End::time).thenComparingInt(End::order));
        return ends;
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::key, f -> f, (a, b) -> {
            throw new AssertionError("two findings with key " + a.key());
        }, TreeMap::new));
    }

    private static java.util.Optional<Long> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? java.util.Optional.of(value.getAsLong()) : java.util.Optional.empty();
    }
}
