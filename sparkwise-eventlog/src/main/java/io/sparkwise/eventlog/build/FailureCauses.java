package io.sparkwise.eventlog.build;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the cause of an executor loss from Spark's, YARN's and Kubernetes' loss messages. */
final class FailureCauses {

    private static final Pattern EXIT_CODE = Pattern.compile("exit(?:ed)?(?: with)? (?:code|status)[:= ]*(-?\\d+)", Pattern.CASE_INSENSITIVE);

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
        Matcher exit = EXIT_CODE.matcher(m);
        if (exit.find()) {
            return "exit code " + exit.group(1);
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
