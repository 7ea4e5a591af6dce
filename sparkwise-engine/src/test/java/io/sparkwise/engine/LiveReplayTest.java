package io.sparkwise.engine;

import io.sparkwise.analysis.Analysis;
import io.sparkwise.analysis.Analyzer;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.LiveAnalyzer;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SparkwiseException;
import io.sparkwise.state.event.ExecutorRemoved;
import io.sparkwise.state.event.JobEnd;
import io.sparkwise.state.event.SparkEvent;
import io.sparkwise.state.event.SqlExecutionEnd;
import io.sparkwise.state.event.StageCompleted;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a live front end (the driver agent, the server tailing a log) does, on every corpus log:
 * replay the log event by event through the typed events and the state, take a snapshot after
 * every completed stage (and every job, SQL execution and executor end), run all rules on each
 * snapshot and feed the live analyzer. No snapshot or rule may fail; the live findings' keys are
 * unique; at the end the live analyzer holds Analyzer's keys and the last snapshot gives exactly
 * the findings `analyze` gives.
 */
class LiveReplayTest {

    private static final String CORPUS = "../shared/eventlogs";
    private static final ReadReport LIVE = new ReadReport("live", List.of("live"), 0, 0, 0, Map.of(), Map.of(),
            List.of(), 0, false, true, List.of());

    @Test
    void replay_everyCorpusLog_snapshotsAndRulesNeverFailAndEndWithAnalyzesFindings() {
        EventLogReader reader = new EventLogReader();
        Analyzer analyzer = Analyzer.withBuiltInRules();
        Thresholds thresholds = Thresholds.defaults();
        int logs = 0;
        int snapshots = 0;
        for (LogInput input : reader.discover(CORPUS)) {
            LiveAnalyzer live = LiveAnalyzer.withBuiltInRules(thresholds);
            List<String> ruleErrors = new ArrayList<>();
            int[] taken = new int[1];
            Application replayed;
            try {
                replayed = reader.read(input, bytes -> { }, (event, state) -> {
                    if (endsSomething(event)) {
                        Application now = state.snapshot(LIVE, "live");
                        taken[0]++;
                        Analysis analysis = analyzer.analyze(now, thresholds);
                        ruleErrors.addAll(analysis.ruleErrors());
                        signal(live, event, now);
                    }
                });
            } catch (SparkwiseException notAnEventLog) {
                continue;   // the driver log, the empty and the invalid file
            }
            logs++;
            snapshots += taken[0];
            Analysis expected = analyzer.analyze(reader.read(reader.discover(input.name()).get(0)), thresholds);
            Analysis last = analyzer.analyze(replayed, thresholds);
            List<Finding> liveFindings = replayed.info().completed()
                    ? finish(live, replayed, true) : finish(live, replayed, false);

            assertThat(ruleErrors).as(input.name()).isEmpty();
            assertThat(live.ruleErrors()).as(input.name()).isEmpty();
            assertThat(last).as(input.name()).isEqualTo(expected);
            assertThat(keys(liveFindings)).as(input.name()).hasSameSizeAs(liveFindings);
            assertThat(keys(liveFindings)).as(input.name()).isEqualTo(keys(expected.findings()));
        }
        assertThat(logs).isGreaterThan(80);
        assertThat(snapshots).isGreaterThan(1000);
    }

    private static boolean endsSomething(SparkEvent event) {
        return event instanceof StageCompleted || event instanceof JobEnd || event instanceof SqlExecutionEnd
                || event instanceof ExecutorRemoved;
    }

    private static void signal(LiveAnalyzer live, SparkEvent event, Application now) {
        if (event instanceof StageCompleted c) {
            live.onStageCompleted(now, c.stageInfo().stageId(), c.stageInfo().attemptId());
        } else if (event instanceof JobEnd j) {
            live.onJobEnd(now, j.jobId());
        } else if (event instanceof SqlExecutionEnd s) {
            live.onSqlExecutionEnd(now, s.executionId());
        } else if (event instanceof ExecutorRemoved r) {
            live.onExecutorRemoved(now, r.executorId());
        }
    }

    private static List<Finding> finish(LiveAnalyzer live, Application app, boolean completed) {
        if (completed) {
            live.evaluateApplication(app);
        } else {
            live.onApplicationEnd(app);
        }
        return live.findings();
    }

    private static Set<String> keys(List<Finding> findings) {
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> keys.add(f.key()));
        return keys;
    }
}
