package io.sparkwise.bench.crossover;

/**
 * The three query shapes of the DuckDB-vs-Spark benchmark, each one SQL text that both engines
 * accept unchanged, over the views {@code facts} and {@code customers}. Each returns a few rows,
 * so the time measured is the engine's work, not moving a result to the client.
 */
enum CrossoverQuery {
    /** A full scan with a selective filter and a small group-by: the cheapest shape per byte. */
    SCAN_FILTER_AGGREGATE("scan-filter-aggregate", """
            SELECT category, count(*) AS n, sum(amount) AS total
            FROM facts WHERE amount > 500
            GROUP BY category ORDER BY category"""),
    /** A join of the fact table with a dimension a tenth its size, then an aggregate. */
    JOIN("join", """
            SELECT c.segment, count(*) AS n, sum(f.amount) AS total
            FROM facts f JOIN customers c ON f.customer_id = c.customer_id
            GROUP BY c.segment ORDER BY c.segment"""),
    /** A window over every row (partition by customer, order by time): a full sort. */
    WINDOW("window", """
            SELECT count(*) AS n, sum(gap) AS total
            FROM (SELECT ts - lag(ts) OVER (PARTITION BY customer_id ORDER BY ts) AS gap FROM facts) t
            WHERE gap IS NOT NULL""");

    private final String label;
    private final String sql;

    CrossoverQuery(String label, String sql) {
        this.label = label;
        this.sql = sql;
    }

    String label() {
        return label;
    }

    String sql() {
        return sql;
    }
}
