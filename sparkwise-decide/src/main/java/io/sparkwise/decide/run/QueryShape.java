package io.sparkwise.decide.run;

import io.sparkwise.model.Application;
import io.sparkwise.model.SqlExecution;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The query shapes the crossover benchmark measured, and how a workload maps onto them: a plan
 * with a Window is {@link #WINDOW}; with a join, {@link #JOIN}; otherwise {@link #SCAN}. {@code ml}
 * (iterative, sort- and shuffle-heavy) is taken as the window curve, the most expensive measured.
 */
public enum QueryShape {
    SCAN("scan-filter-aggregate"),
    JOIN("join"),
    WINDOW("window");

    private final String benchmarkQuery;

    QueryShape(String benchmarkQuery) {
        this.benchmarkQuery = benchmarkQuery;
    }

    public String benchmarkQuery() {
        return benchmarkQuery;
    }

    /** {@code scan|aggregate|join|window|ml}, as {@code --query-shape} takes it. */
    public static QueryShape parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "scan", "aggregate" -> SCAN;
            case "join" -> JOIN;
            case "window", "ml" -> WINDOW;
            default -> throw new IllegalArgumentException("unknown query shape '" + name + "' (expected scan, aggregate, join, window or ml)");
        };
    }

    /** The heaviest shape among the application's SQL plans; SCAN when it has none. */
    public static QueryShape of(Application app) {
        AtomicReference<QueryShape> shape = new AtomicReference<>(SCAN);
        for (SqlExecution sql : app.sqlExecutions()) {
            sql.plan().ifPresent(plan -> plan.forEach(node -> {
                String name = node.nodeName();
                if (name.contains("Window")) {
                    shape.set(WINDOW);
                } else if (name.contains("Join") && shape.get() == SCAN) {
                    shape.set(JOIN);
                }
            }));
        }
        return shape.get();
    }
}
