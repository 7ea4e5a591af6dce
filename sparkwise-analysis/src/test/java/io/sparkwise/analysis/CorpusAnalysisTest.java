package io.sparkwise.analysis;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.eventlog.source.LogInput;
import io.sparkwise.model.Application;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule over every log of the shared corpus (Spark 1.2 to 4.1): no rule may fail on any. */
class CorpusAnalysisTest {

    static final Map<String, Analysis> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void analyzeCorpus() {
        EventLogReader reader = new EventLogReader();
        Analyzer analyzer = Analyzer.withBuiltInRules();
        Thresholds thresholds = Thresholds.defaults();
        for (LogInput input : reader.discover("../shared/eventlogs")) {
            try {
                Application app = reader.read(input);
                RESULTS.put(input.name(), analyzer.analyze(app, thresholds));
            } catch (SparkwiseException notAnEventLog) {
                // driverlog, empty and invalid files: the reader's tests cover their messages
            }
        }
    }

    @Test
    void analyze_everyCorpusLog_noRuleFails() {
        List<String> errors = new ArrayList<>();
        RESULTS.forEach((log, analysis) -> analysis.ruleErrors().forEach(e -> errors.add(log + ": " + e)));

        assertThat(RESULTS).hasSizeGreaterThan(80);
        assertThat(errors).isEmpty();
    }

    @Test
    void analyze_everyCorpusLog_findingKeysAreUnique() {
        List<String> duplicates = new ArrayList<>();
        int findings = 0;
        for (Map.Entry<String, Analysis> e : RESULTS.entrySet()) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (Finding f : e.getValue().findings()) {
                findings++;
                if (!keys.add(f.key())) {
                    duplicates.add(e.getKey() + ": " + f.key());
                }
            }
        }

        assertThat(findings).isGreaterThan(100);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void analyze_everyCorpusLog_recommendedConfigIsValid() {
        RESULTS.forEach((log, analysis) ->
                assertThat(new io.sparkwise.analysis.config.ConfigValidator().validate(Map.of(), analysis.recommendedConfig())
                        .problems()).as(log).isEmpty());
    }
}
