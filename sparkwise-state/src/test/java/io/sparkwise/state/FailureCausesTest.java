package io.sparkwise.state;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCausesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Container killed by YARN for exceeding memory limits. 5.5 GB of 5.5 GB physical memory used | container killed for exceeding memory limits",
            "Command exited with code 52 | exit code 52",
            "Container from a bad node: container_1 on host: h. Exit status: 137. Diagnostics: killed | exit code 137",
            "The executor with id 3 exited with exit code 143(SIGTERM). | exit code 143",
            "Pod reason: OOMKilled | pod OOMKilled",
            "Executor heartbeat timed out after 125000 ms | heartbeat timed out",
            "'' | unknown reason"})
    void executorLoss_sparkYarnAndKubernetesWording_namesTheCause(String message, String cause) {
        assertThat(FailureCauses.executorLoss(message)).isEqualTo(cause);
    }
}
