package io.sparkwise.advisor.plan;

import java.util.Locale;

/** What the application mostly does; decides AQE and serializer settings. */
public enum Workload {
    ETL, SQL, ML;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
