package io.sparkwise.advisor.cost;

import static java.util.Objects.requireNonNull;

/** One priced quantity: dollars, and the formula with its numbers and the catalog sources behind it. */
public record CostLine(String item, double dollars, String formula) {

    public CostLine {
        requireNonNull(item, "item is null");
        requireNonNull(formula, "formula is null");
    }
}
