package io.sparkwise.analysis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every built-in rule is documented: listed in docs/rules.md and given a section in its family page. */
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
}
