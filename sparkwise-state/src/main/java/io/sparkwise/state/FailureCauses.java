package io.sparkwise.state;

import io.sparkwise.model.ExecutorExitCode;

import java.util.Locale;
import java.util.Optional;

/** Names the cause of an executor loss from Spark's, YARN's and Kubernetes' loss messages. */
final class FailureCauses {

    private FailureCauses() {
    }

    static String executorLoss(String message) {
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("exceeding memory limits") || lower.contains("exceeding physical memory limits")) {
            return "container killed for exceeding memory limits";
        }
        if (lower.contains("oomkilled")) {
            return "pod OOMKilled";
        }
        Optional<Integer> exit = ExecutorExitCode.in(m);
        if (exit.isPresent()) {
            return "exit code " + exit.get();
        }
        if (lower.contains("heartbeat")) {
            return "heartbeat timed out";
        }
        if (lower.contains("decommission")) {
            return "executor decommissioned";
        }
        if (lower.contains("killed by driver") || lower.contains("killed")) {
            return "executor killed";
        }
        if (m.isEmpty()) {
            return "unknown reason";
        }
        return m.length() <= 80 ? m : m.substring(0, 80) + "...";
    }
}
