package io.sparkwise.advisor.plan;

import static java.util.Objects.requireNonNull;

/** One computed quantity of a plan, its value, and the formula and source behind it. */
public record PlanLine(String topic, String value, String why) {

    public PlanLine {
        requireNonNull(topic, "topic is null");
        requireNonNull(value, "value is null");
        requireNonNull(why, "why is null");
    }
}
