package io.sparkwise.decide.run;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The options side by side and the recommendation: the option with the lowest monthly cost among
 * those whose predicted time meets the latency target (without a target, among all priced
 * options), with the reasoning in words.
 */
public record Decision(Workload workload, List<RunOption> options, Optional<RunOption> recommended, List<String> reasoning) {

    public Decision {
        requireNonNull(workload, "workload is null");
        options = List.copyOf(options);
        requireNonNull(recommended, "recommended is null");
        reasoning = List.copyOf(reasoning);
    }

    static Decision of(Workload w, List<RunOption> options) {
        Optional<RunOption> best = options.stream()
                .filter(o -> o.costPerRun().isPresent() && o.meets(w.latencyTargetSeconds()))
                .filter(o -> w.latencyTargetSeconds().isEmpty() || o.seconds().isPresent())
                .min(Comparator.comparingDouble(o -> o.costPerRun().getAsDouble()));
        List<String> reasoning = new java.util.ArrayList<>();
        w.measured().ifPresent(m -> reasoning.add(tax(m.tax())));
        w.measured().filter(m -> m.tax().inputBytes() == 0).ifPresent(m -> reasoning.add(m.tax().shuffleBytes() > 0
                ? "The log read no input files: the other engines are sized on its shuffle read instead."
                : "The log read no input files and shuffled nothing (data made in memory or read from a non-file source): "
                        + "the other engines cannot be sized from it; describe the data with --data-size instead of --from-log to compare them."));
        best.ifPresent(b -> {
            String line = String.format(Locale.ROOT, "%s is the cheapest option%s: $%,.2f a month at %s runs a day",
                    b.name(), w.latencyTargetSeconds().isPresent() ? " that meets the latency target" : "",
                    b.monthlyCost(w.runsPerDay()).getAsDouble(), trim(w.runsPerDay()));
            Optional<RunOption> spark = options.stream().filter(o -> o.name().startsWith("Spark")).findFirst();
            if (spark.isPresent() && spark.get() != b && spark.get().costPerRun().isPresent() && b.costPerRun().getAsDouble() > 0) {
                line += String.format(Locale.ROOT, ", %.1fx less than %s", spark.get().costPerRun().getAsDouble() / b.costPerRun().getAsDouble(),
                        spark.get().name());
            }
            reasoning.add(line + ".");
            options.stream()
                    .filter(o -> o.costPerRun().isPresent() && o.seconds().isPresent() && !o.meets(w.latencyTargetSeconds()))
                    .filter(o -> o.costPerRun().getAsDouble() < b.costPerRun().getAsDouble())
                    .min(Comparator.comparingDouble(o -> o.costPerRun().getAsDouble()))
                    .ifPresent(cheaper -> reasoning.add(String.format(Locale.ROOT,
                            "%s would cost less ($%,.2f a month) but is predicted to take longer than the target.",
                            cheaper.name(), cheaper.monthlyCost(w.runsPerDay()).getAsDouble())));
        });
        if (best.isEmpty()) {
            reasoning.add("No priced option meets the latency target with a predicted time.");
        }
        reasoning.add("Options without a predicted time are compared on cost only; read each option's assumptions before acting.");
        return new Decision(w, options, best, reasoning);
    }

    private static String tax(CoordinationTax t) {
        return String.format(Locale.ROOT, "Spark's coordination tax in this run: %.0f%% of the allocated core time was not work "
                        + "(idle %.0f%%, shuffle fetch wait %.0f%%, task start-up %.0f%%), and for %.0f%% of the wall time no job ran (driver gaps).",
                100 * t.taxShare(), pct(t.idleCoreMs(), t.allocatedCoreMs()), pct(t.fetchWaitCoreMs(), t.allocatedCoreMs()),
                pct(t.taskStartupCoreMs(), t.allocatedCoreMs()), pct(t.driverGapMs(), t.wallMs()));
    }

    static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
