package io.sparkwise.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingTest {

    @Test
    void key_eachScope_isRuleIdAtScope() {
        assertThat(finding("skew.task-duration", Scope.stage(3, 0)).key()).isEqualTo("skew.task-duration@stage:3.0");
        assertThat(finding("sql.cartesian-product", Scope.sql(2)).key()).isEqualTo("sql.cartesian-product@sql:2");
        assertThat(finding("memory.executor-oom", Scope.executor("7")).key()).isEqualTo("memory.executor-oom@executor:7");
        assertThat(finding("failures.failed-jobs", Scope.job(4)).key()).isEqualTo("failures.failed-jobs@job:4");
        assertThat(finding("resources.idle-executors", Scope.APPLICATION).key())
                .isEqualTo("resources.idle-executors@application");
    }

    @Test
    void key_withSubject_appendsIt() {
        Finding f = finding("sql.large-broadcast", Scope.sql(2)).withSubject("node:7");

        assertThat(f.key()).isEqualTo("sql.large-broadcast@sql:2#node:7");
        assertThat(f.withSeverity(Severity.CRITICAL).withCausedBy("skew.input").key()).isEqualTo(f.key());
    }

    @Test
    void key_laterStageAttempt_differs() {
        assertThat(finding("failures.stage-retries", Scope.stage(3, 1)).key())
                .isNotEqualTo(finding("failures.stage-retries", Scope.stage(3, 0)).key());
    }

    @Test
    void withSubject_blank_isRejected() {
        assertThatThrownBy(() -> finding("config.conflicting-settings", Scope.APPLICATION).withSubject(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subject is blank");
    }

    private static Finding finding(String ruleId, Scope scope) {
        return new Finding(ruleId, Severity.WARNING, "title", scope, Map.of(), new Impact(0, 0),
                Recommendation.text("fix"), List.of(), Optional.empty());
    }
}
