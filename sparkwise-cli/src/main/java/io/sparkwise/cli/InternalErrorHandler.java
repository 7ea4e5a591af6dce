package io.sparkwise.cli;

import io.sparkwise.model.SparkwiseException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns an exception that escaped a command into one line on stderr and an exit code: a
 * {@link SparkwiseException} is the user's (its message; the exit code {@link ExitCodes#of} its
 * code); anything else is our bug (exit 4). The stack trace only with {@code --verbose}, so users
 * see a sentence, not a wall.
 */
final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
        int exitCode;
        if (ex instanceof SparkwiseException user) {
            err.println("sparkwise: " + user.getMessage());
            exitCode = ExitCodes.of(user.code());
        } else {
            err.println("sparkwise: internal error: " + ex);
            exitCode = ExitCodes.INTERNAL_ERROR;
        }
        if (verbose) {
            ex.printStackTrace(err);
        } else if (exitCode == ExitCodes.INTERNAL_ERROR) {
            err.println("sparkwise: rerun with --verbose to see the stack trace, and please report it");
        }
        err.flush();
        return exitCode;
    }
}
