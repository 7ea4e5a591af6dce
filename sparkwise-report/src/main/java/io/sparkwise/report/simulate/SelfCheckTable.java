package io.sparkwise.report.simulate;

import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;
import io.sparkwise.simulator.SelfCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code simulate --self-check} over many logs: per log, the replay on the executors it had
 * against its real wall time, or why there is none; then the median and worst absolute error.
 * As a terminal table or a Markdown table (docs/simulator.md is generated with it).
 */
public final class SelfCheckTable {

    /** One log: its self-check, or the reason it has none. */
    public record Row(String log, String applicationId, Optional<SelfCheck> check, String reason) {
        public Row {
            requireNonNull(log, "log is null");
            requireNonNull(applicationId, "applicationId is null");
            requireNonNull(check, "check is null");
            requireNonNull(reason, "reason is null");
        }

        public static Row of(String log, String applicationId, SelfCheck check) {
            return new Row(log, applicationId, Optional.of(check), "");
        }

        public static Row without(String log, String applicationId, String reason) {
            return new Row(log, applicationId, Optional.empty(), reason);
        }
    }

    private final List<Row> rows;

    public SelfCheckTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<String> text() {
        TextTable table = new TextTable("log", "application", "real wall>", "predicted>", "error>");
        for (Row r : rows) {
            table.row(r.log(), r.applicationId(), cells(r)[0], cells(r)[1], cells(r)[2]);
        }
        List<String> lines = new ArrayList<>(table.lines(""));
        lines.add("");
        lines.add(summary());
        return lines;
    }

    public List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| log | application | real wall | predicted | error |");
        lines.add("|---|---|---:|---:|---:|");
        for (Row r : rows) {
            String[] c = cells(r);
            lines.add("| `" + r.log().replace("|", "\\|") + "` | " + r.applicationId().replace("|", "\\|") + " | " + c[0]
                    + " | " + c[1] + " | " + c[2] + " |");
        }
        lines.add("");
        lines.add(summary());
        return lines;
    }

    /** Real, predicted, error; or the reason in the error column. */
    private static String[] cells(Row r) {
        if (r.check().isEmpty()) {
            return new String[] {"-", "-", r.reason()};
        }
        SelfCheck c = r.check().get();
        return new String[] {Units.millis(c.realWallTimeMs()), Units.millis(c.predicted().predictedWallTimeMs()),
            Units.signedPercent(c.errorPct())};
    }

    /** {@code 71 logs replayed: median absolute error 0.1%, worst 17.4%; 9 without a self-check}. */
    public String summary() {
        List<Double> errors = rows.stream().flatMap(r -> r.check().stream()).map(c -> Math.abs(c.errorPct())).sorted().toList();
        long within5 = errors.stream().filter(e -> e <= 5).count();
        String stats = errors.isEmpty() ? "" : String.format(Locale.ROOT,
                ": median absolute error %.1f%%, worst %.1f%%, %d of %d within 5%%",
                median(errors), errors.get(errors.size() - 1), within5, errors.size());
        return errors.size() + " logs replayed on the executors they had" + stats + "; "
                + (rows.size() - errors.size()) + " without a self-check.";
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
