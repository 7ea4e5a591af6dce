package io.sparkwise.analysis.rules.failures;

import io.sparkwise.model.Application;
import io.sparkwise.model.ClusterManager;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ExecutorExitCode;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads failure messages the way the failure rules need: which ones belong to the memory family
 * (memory.executor-oom owns out-of-memory errors and memory-limit kills, so these rules skip them),
 * which executor removals were asked for by the driver, and how to shorten a message for evidence.
 */
final class FailureSignals {

    /** Spark's own OOM exit code (SparkExitCode.OOM) and SIGKILL as the kernel's OOM killer sends it. */
    private static final int SPARK_OOM_EXIT = 52;
    private static final int SIGKILL_EXIT = 137;

    private FailureSignals() {
    }

    /** Out-of-memory errors and container or pod kills for memory: memory.executor-oom reports these. */
    static boolean isMemoryKill(String cause, String message) {
        String text = (cause + " " + message).toLowerCase(Locale.ROOT);
        if (text.contains("outofmemoryerror") || text.contains("exceeding memory limits")
                || text.contains("exceeding physical memory") || text.contains("oomkilled")
                || text.contains("java heap space") || text.contains("gc overhead limit exceeded")) {
            return true;
        }
        Optional<Integer> exit = exitCode(text);
        return exit.isPresent() && (exit.get() == SPARK_OOM_EXIT || exit.get() == SIGKILL_EXIT);
    }

    static Optional<Integer> exitCode(String message) {
        return ExecutorExitCode.in(message);
    }

    /**
     * Removals the driver asked for: dynamic allocation releasing an idle executor (YARN: "exited from
     * explicit termination request", Kubernetes: "deleted by a user or the framework") or the driver
     * killing it. These are not losses.
     */
    static boolean isRequestedRemoval(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("explicit termination request") || r.contains("killed by driver")
                || r.contains("deleted by a user or the framework") || r.contains("requested by driver");
    }

    /** Non-driver executors removed for a reason other than a requested release. */
    static boolean isLost(Executor e) {
        return !e.isDriver() && e.removeReason().isPresent() && !isRequestedRemoval(e.removeReason().get());
    }

    static boolean isLocal(Application app) {
        return app.info().clusterManager() == ClusterManager.LOCAL;
    }

    /** The first line of a message, cut to {@code max} characters. */
    static String firstLine(String message, int max) {
        String s = message.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** A message cut to {@code max} characters, line breaks kept as spaces. */
    static String cut(String message, int max) {
        String s = message.strip().replaceAll("\\s+", " ");
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
