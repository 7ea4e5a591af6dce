package io.sparkwise.analysis;

import static java.util.Objects.requireNonNull;

/** The identity every rule carries: its stable id, its family and one line on what it detects. */
public abstract class BaseRule implements Rule {

    private final String id;
    private final RuleCategory category;
    private final String description;

    protected BaseRule(String id, RuleCategory category, String description) {
        this.id = requireNonNull(id, "id is null");
        this.category = requireNonNull(category, "category is null");
        this.description = requireNonNull(description, "description is null");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final RuleCategory category() {
        return category;
    }

    @Override
    public final String description() {
        return description;
    }
}
