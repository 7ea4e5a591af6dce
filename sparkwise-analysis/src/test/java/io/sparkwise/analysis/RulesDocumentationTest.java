package io.sparkwise.analysis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in rule is documented: listed in docs/rules.md with its scope and whether it applies
 * while the application runs, and given a section in its family page.
 */
class RulesDocumentationTest {

    @Test
    void docs_everyBuiltInRuleIsListedAndHasASection() throws IOException {
        String index = Files.readString(Path.of("docs/rules.md"));
        Set<String> ids = new HashSet<>();
        for (Rule rule : Analyzer.withBuiltInRules().rules()) {
            assertThat(ids.add(rule.id())).as("duplicate rule id " + rule.id()).isTrue();
            assertThat(index).as(rule.id() + " in docs/rules.md").contains("`" + rule.id() + "`");
            String family = rule.id().substring(0, rule.id().indexOf('.'));
            String page = Files.readString(Path.of("docs/rules", family + ".md"));
            assertThat(page).as(rule.id() + " section in docs/rules/" + family + ".md").contains("## " + rule.id());
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void docs_everyBuiltInRuleRowNamesItsScopeAndWhetherItAppliesWhileRunning() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("docs/rules.md")).stream()
                .filter(line -> line.startsWith("| [`")).toList();
        for (Rule rule : Analyzer.withBuiltInRules().rules()) {
            String columns = "| " + scope(rule) + " | " + (rule.appliesWhileRunning() ? "yes" : "no") + " |";
            assertThat(rows).as(rule.id() + " row in docs/rules.md")
                    .anyMatch(row -> row.startsWith("| [`" + rule.id() + "`]") && row.contains(columns));
        }
    }

    private static String scope(Rule rule) {
        List<String> scopes = new ArrayList<>();
        if (rule instanceof JobRule) {
            scopes.add("job");
        }
        if (rule instanceof StageRule stageRule) {
            scopes.add(stageRule.judgesAllAttempts() ? "stage (all attempts)" : "stage");
        }
        if (rule instanceof SqlExecutionRule) {
            scopes.add("SQL execution");
        }
        if (rule instanceof ExecutorRule) {
            scopes.add("executor");
        }
        return scopes.isEmpty() ? "application" : String.join(", ", scopes);
    }
}
