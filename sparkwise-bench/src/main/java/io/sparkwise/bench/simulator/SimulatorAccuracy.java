package io.sparkwise.bench.simulator;

import io.sparkwise.demo.DemoRun;
import io.sparkwise.demo.DemoRunner;
import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.simulator.ClusterOption;
import io.sparkwise.simulator.Simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's accuracy against real reruns: every {@link SleepWorkload} runs for real in
 * {@code local-cluster} with 1, 2 and 4 executors of 1 core, several times; the log of each run
 * predicts the wall time at the other executor counts, compared with the median real wall time
 * there. Wall time is measured from the end of the warm-up job (see {@link SleepWorkload}) to the
 * application end, on both sides. Prints a Markdown table and the median and worst absolute
 * percentage error.
 *
 * <p>Two steps, each its own JVM (a second local-cluster session in one JVM does not get its
 * executors in Spark 4.0.1): {@code run WORKLOAD EXECUTORS OUT_DIR} runs one application and
 * appends its log to {@code OUT_DIR/runs.tsv}; {@code report OUT_DIR} reads them all. Run both
 * through {@code bench/simulator-accuracy.sh}, which sets SPARK_HOME and the JVM flags Spark needs.
 */
public final class SimulatorAccuracy {

    static final int[] EXECUTORS = {1, 2, 4};

    private SimulatorAccuracy() {
    }

    public static void main(String[] args) throws IOException {
        if ((args.length == 4 || args.length == 5) && args[0].equals("run")) {
            run(args[1], Integer.parseInt(args[2]), Path.of(args[3]), args.length == 5 && args[4].equals("local"));
        } else if (args.length == 2 && args[0].equals("report")) {
            report(Path.of(args[1]));
        } else {
            System.err.println("usage: SimulatorAccuracy run WORKLOAD EXECUTORS OUT_DIR [local] | report OUT_DIR");
            System.exit(2);
        }
    }

    private static void run(String workloadName, int executors, Path out, boolean local) throws IOException {
        SleepWorkload workload = SleepWorkload.all(executors, local).stream().filter(w -> w.name().equals(workloadName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no workload " + workloadName));
        DemoRun run = DemoRunner.run(workload, out);
        Files.writeString(out.resolve("runs.tsv"), workloadName + "\t" + executors + "\t" + run.eventLog()
                        + "\t" + (local ? "local" : "local-cluster") + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void report(Path out) throws IOException {
        EventLogReader reader = new EventLogReader();
        // workload -> executors -> applications of the repeats
        Map<String, Map<Integer, List<Application>>> runs = new LinkedHashMap<>();
        boolean local = false;
        for (String line : Files.readAllLines(out.resolve("runs.tsv"))) {
            String[] cells = line.split("\t");
            local = cells.length > 3 && cells[3].equals("local");
            Application app = AfterWarmUp.of(reader.read(reader.discover(cells[2]).get(0)));
            runs.computeIfAbsent(cells[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(Integer.parseInt(cells[1]), k -> new ArrayList<>()).add(app);
        }
        String table = table(runs, local);
        System.out.print(table);
        Files.writeString(out.resolve("accuracy.md"), table);
    }

    /** With {@code local}, the counts are task threads of one executor (the driver), not executors. */
    private static String table(Map<String, Map<Integer, List<Application>>> runs, boolean local) {
        StringBuilder md = new StringBuilder();
        md.append("| workload | log from | predict for | real wall (median, min-max) | predicted (median) | error |\n");
        md.append("|---|---|---|---|---|---|\n");
        List<Double> whatIfErrors = new ArrayList<>();
        List<Double> selfErrors = new ArrayList<>();
        for (var workload : runs.entrySet()) {
            for (int from : EXECUTORS) {
                for (int to : EXECUTORS) {
                    List<Long> real = workload.getValue().get(to).stream().map(a -> a.info().duration()).sorted().toList();
                    List<Long> predicted = workload.getValue().get(from).stream()
                            .map(a -> Simulator.of(a).simulate(local ? ClusterOption.fixed(1, to) : ClusterOption.fixed(to, 1))
                                    .predictedWallTimeMs())
                            .sorted().toList();
                    long realMedian = median(real);
                    long predictedMedian = median(predicted);
                    double error = 100.0 * (predictedMedian - realMedian) / realMedian;
                    (from == to ? selfErrors : whatIfErrors).add(Math.abs(error));
                    md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f s (%.1f-%.1f) | %.1f s | %+.1f%% |%n",
                            workload.getKey(), from, to, realMedian / 1000.0, real.get(0) / 1000.0,
                            real.get(real.size() - 1) / 1000.0, predictedMedian / 1000.0, error));
                }
            }
        }
        whatIfErrors.sort(null);
        selfErrors.sort(null);
        md.append(String.format(Locale.ROOT, "%nOther executor counts (%d predictions): median absolute error %.1f%%, "
                        + "worst %.1f%%.%nSame executor count (self-check, %d): median %.1f%%, worst %.1f%%.%n",
                whatIfErrors.size(), medianOf(whatIfErrors), whatIfErrors.get(whatIfErrors.size() - 1),
                selfErrors.size(), medianOf(selfErrors), selfErrors.get(selfErrors.size() - 1)));
        return md.toString();
    }

    private static long median(List<Long> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double medianOf(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
