package io.sparkwise.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process exit code inside an executor-loss message, in the wordings Spark, YARN and
 * Kubernetes use: "exited with code 52", "Command exited with code 137", "exit status: 143".
 * One parser, shared by the reader (naming loss causes) and the failure rules (telling memory
 * kills from other losses).
 */
public final class ExecutorExitCode {

    private static final Pattern EXIT_CODE = Pattern.compile("exit(?:ed)?(?: with)? (?:code|status)[:= ]*(-?\\d+)", Pattern.CASE_INSENSITIVE);

    private ExecutorExitCode() {
    }

    /** The first exit code the message names, if any. */
    public static Optional<Integer> in(String message) {
        Matcher m = EXIT_CODE.matcher(message == null ? "" : message);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
