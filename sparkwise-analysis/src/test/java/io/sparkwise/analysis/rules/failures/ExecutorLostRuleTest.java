package io.sparkwise.analysis.rules.failures;

import io.sparkwise.analysis.AnalysisContext;
import io.sparkwise.analysis.Finding;
import io.sparkwise.analysis.Scope;
import io.sparkwise.analysis.Severity;
import io.sparkwise.analysis.Thresholds;
import io.sparkwise.analysis.testing.TestApps;
import io.sparkwise.model.Application;
import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorLostRuleTest {

    private static List<Finding> run(Application app) {
        return new ExecutorLostRule().evaluate(new AnalysisContext(app, Thresholds.defaults()));
    }

    @Test
    void evaluate_yarnPreemption_firesWithDecommissionConfig() {
        Application app = Fixtures.withFailures(Fixtures.withExecutors(TestApps.app().executors(2, 4).stage(3, s -> { }).build(),
                        Fixtures.executor("7", 4, Optional.of("Container container_1_0007 on host-7 was preempted."), false, 0)), 3,
                new TaskFailureGroup(TaskFailureKind.EXECUTOR_LOST_FAILURE, "exit code -102", 4,
                        "Container container_1_0007 was preempted. Exit status: -102", List.of(3), List.of("7"), 400_000));

        Finding f = run(app).get(0);

        assertThat(f.ruleId()).isEqualTo("failures.executor-lost");
        assertThat(f.scope()).isEqualTo(Scope.APPLICATION);
        assertThat(f.title()).isEqualTo("1 executor lost: preempted or spot capacity reclaimed");
        assertThat(f.evidence()).containsEntry("executorsLost", 1).containsEntry("lostTasks", 4)
                .containsEntry("wastedTaskTime", 400_000L);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);   // 400 of 4,800+1,200 core-s
        assertThat(f.recommendation().config()).containsEntry("spark.decommission.enabled", "true")
                .containsEntry("spark.storage.decommission.shuffleBlocks.enabled", "true");
        Fixtures.assertValid(app, f.recommendation().config());
    }

    @Test
    void evaluate_kubernetesExit143AndHeartbeat_groupsByCause() {
        Application app = Fixtures.withExecutors(TestApps.app().executors(2, 4).build(),
                Fixtures.executor("5", 4, Optional.of("The executor with id 5 exited with exit code 143(SIGTERM)."), false, 0),
                Fixtures.executor("6", 4, Optional.of("Executor heartbeat timed out after 130000 ms"), false, 0));

        List<Finding> findings = run(app);

        assertThat(findings).extracting(Finding::title).containsExactly(
                "1 executor lost: exit code 143", "1 executor lost: heartbeat timed out");
        assertThat(findings.get(0).recommendation().text()).contains("SIGTERM");
        assertThat(findings.get(1).recommendation().config()).containsExactlyInAnyOrderEntriesOf(Map.of("spark.network.timeout", "300s"));
    }

    @Test
    void evaluate_idleReleaseAndMemoryKill_doesNotFire() {
        Application app = Fixtures.withExecutors(TestApps.app().executors(2, 4).build(),
                Fixtures.executor("3", 4, Optional.of("Container container_1_03 exited from explicit termination request."), false, 0),
                Fixtures.executor("4", 4, Optional.of("The executor with id 4 was deleted by a user or the framework."), false, 0),
                Fixtures.executor("5", 4, Optional.of("Container killed by YARN for exceeding memory limits. 9.1 GB of 9 GB"), false, 0),
                Fixtures.executor("6", 4, Optional.of("The executor with id 6 exited with exit code 137(SIGKILL, possible container OOM)."), false, 0));

        assertThat(run(app)).isEmpty();
    }
}
