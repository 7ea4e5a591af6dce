package io.sparkwise.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorExitCodeTest {

    @Test
    void in_theWordingsOfSparkYarnAndKubernetes_findTheCode() {
        assertThat(ExecutorExitCode.in("Command exited with code 52")).contains(52);
        assertThat(ExecutorExitCode.in("Executor exited with code 137")).contains(137);
        assertThat(ExecutorExitCode.in("Container marked as failed. Exit status: 143. Diagnostics: killed")).contains(143);
        assertThat(ExecutorExitCode.in("The executor with id 3 exited with exit code -1(unexpected).")).contains(-1);
    }

    @Test
    void in_messagesWithoutAnExitCode_isEmpty() {
        assertThat(ExecutorExitCode.in("Executor heartbeat timed out after 125000 ms")).isEmpty();
        assertThat(ExecutorExitCode.in("")).isEmpty();
        assertThat(ExecutorExitCode.in(null)).isEmpty();
    }
}
