package io.sparkwise.advisor.plan;

import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.model.StageAttempt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What a past run tells the planner: data read, the largest shuffle, and the executor memory it
 * needed per core, from Spark's peak executor metrics and spill.
 *
 * <p>Unified memory per core = (peak unified memory + largest spill per task x cores) / cores: the
 * execution + storage memory one running task needed, counting the data it spilled as memory it
 * lacked. The planner turns it into a heap (300 MiB + unified / 0.6). The JVM's own peak heap use is not used: it counts garbage the collector was
 * allowed to keep, so it mirrors the heap the run had rather than what it needed. Overhead per
 * core = (JVMOffHeapMemory + DirectPoolMemory + MappedPoolMemory) / cores.
 */
public record PastRun(long inputBytes, OptionalLong largestShuffleBytes, Optional<MemoryNeed> memoryNeed, List<String> notes) {

    private static final double MIB = 1 << 20;

    public PastRun {
        requireNonNull(largestShuffleBytes, "largestShuffleBytes is null");
        requireNonNull(memoryNeed, "memoryNeed is null");
        notes = List.copyOf(notes);
    }

    public static PastRun of(Application app) {
        long input = app.stages().stream().mapToLong(s -> s.metrics().inputBytes()).sum();
        long shuffle = app.stages().stream().mapToLong(s -> s.metrics().shuffleWriteBytes()).max().orElse(0);
        List<String> notes = new ArrayList<>();
        Optional<StageAttempt> spilling = app.stages().stream().filter(s -> s.numCompleteTasks() > 0 && s.metrics().memoryBytesSpilled() > 0)
                .max(Comparator.comparingDouble(s -> (double) s.metrics().memoryBytesSpilled() / s.numCompleteTasks()));
        double spillPerTask = spilling.map(s -> (double) s.metrics().memoryBytesSpilled() / s.numCompleteTasks()).orElse(0.0);

        MemoryNeed best = null;
        for (Executor e : app.executors()) {
            if (e.isDriver() || e.totalCores() <= 0 || e.peakMemoryMetrics().isEmpty()) {
                continue;
            }
            ExecutorMetrics peaks = e.peakMemoryMetrics().get();
            OptionalLong unifiedPeak = peaks.peak("OnHeapUnifiedMemory");
            long unified = unifiedPeak.isPresent() ? unifiedPeak.getAsLong()
                    : peaks.peak("OnHeapExecutionMemory").orElse(0) + peaks.peak("OnHeapStorageMemory").orElse(0);
            long nonHeap = peaks.peak("JVMOffHeapMemory").orElse(0) + peaks.peak("DirectPoolMemory").orElse(0)
                    + peaks.peak("MappedPoolMemory").orElse(0);
            int cores = e.totalCores();
            double perCore = (unified + spillPerTask * cores) / MIB / cores;
            if (best == null || perCore > best.unifiedMibPerCore()) {
                String spill = spilling.map(s -> String.format(Locale.ROOT, " + largest spill per task %.0f MiB (stage %d) x %d cores",
                        spillPerTask / MIB, s.stageId(), cores)).orElse("");
                best = new MemoryNeed(perCore, nonHeap / MIB / cores, String.format(Locale.ROOT,
                        "past run: executor %s peak unified memory %.0f MiB%s over %d cores = %.0f MiB per running task",
                        e.id(), unified / MIB, spill, cores, perCore));
            }
        }
        if (best == null) {
            notes.add("the log has no peak executor metrics (Spark 3.0+ writes them): executor memory sized to fill the node instead");
        }
        return new PastRun(input, shuffle > 0 ? OptionalLong.of(shuffle) : OptionalLong.empty(), Optional.ofNullable(best), notes);
    }
}
