package io.sparkwise.analysis.rules.config;

import io.sparkwise.analysis.Rule;

import java.util.List;

/** The built-in rules of the CONFIGURATION family. */
public final class ConfigurationRules {

    private ConfigurationRules() {
    }

    public static List<Rule> all() {
        return List.of(new JavaSerializerRule(), new EventLogRule(), new DeprecatedSettingsRule(),
                new ConflictingSettingsRule());
    }
}
