package io.sparkwise.analysis;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_everyBuiltInRuleHasShippedThresholds() {
        Thresholds defaults = Thresholds.defaults();
        for (Rule rule : Analyzer.withBuiltInRules().rules()) {
            assertThat(defaults.rules()).as(rule.id()).containsKey(rule.id());
        }
    }

    @Test
    void load_userFile_overridesOneThresholdAndDisablesARule() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), """
                severity:
                  warningWastedPct: 10
                rules:
                  skew.task-duration:
                    maxToMedianRatio: 8
                  resources.idle-executors:
                    enabled: false
                """);

        Thresholds t = Thresholds.load(file);

        assertThat(t.rule("skew.task-duration").get("maxToMedianRatio")).isEqualTo(8.0);
        assertThat(t.rule("skew.task-duration").get("minExcessMs")).isEqualTo(30_000.0);
        assertThat(t.rule("resources.idle-executors").enabled()).isFalse();
        assertThat(t.severity("warningWastedPct")).isEqualTo(10.0);
    }

    @Test
    void load_unknownRule_failsNamingFileAndRule() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  skew.typo:\n    enabled: false\n");

        assertThatThrownBy(() -> Thresholds.load(file))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage(file + ": unknown rule 'skew.typo' (see docs/rules.md for rule ids)")
                .satisfies(e -> assertThat(((SparkwiseException) e).code()).isEqualTo(ErrorCode.USAGE));
    }

    @Test
    void load_unknownThreshold_failsListingKnownOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  skew.task-duration:\n    ratio: 3\n");

        assertThatThrownBy(() -> Thresholds.load(file))
                .hasMessage(file + ": rule 'skew.task-duration' has no threshold 'ratio' (known: [factorMargin, maxToMedianRatio, minExcessMs, minTasks])");
    }

    @Test
    void load_notANumber_failsNamingTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  skew.task-duration:\n    minTasks: lots\n");

        assertThatThrownBy(() -> Thresholds.load(file))
                .hasMessage(file + ": rules.skew.task-duration.minTasks must be a number, got 'lots'");
    }

    @Test
    void load_invalidYaml_failsClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "rules: [unclosed\n");

        assertThatThrownBy(() -> Thresholds.load(file)).hasMessageStartingWith(file + ": not valid YAML: ");
    }

    @Test
    void load_missingFile_failsAsUsageError() {
        Path file = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> Thresholds.load(file)).hasMessage("rules file not found: " + file);
    }
}
