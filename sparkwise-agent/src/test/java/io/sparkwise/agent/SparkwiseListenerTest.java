package io.sparkwise.agent;

import io.sparkwise.analysis.rules.BuiltInRules;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The listener fed Spark's event objects directly, without a SparkContext. */
class SparkwiseListenerTest {

    @Test
    void portTaken_noEndpointAndTheAgentKeepsWorking() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AgentSettings settings = new AgentSettings(Optional.empty(), 60_000, taken.getLocalPort(), "127.0.0.1",
                    100, Optional.empty());
            try (SparkwiseListener listener = new SparkwiseListener(settings, BuiltInRules.all())) {
                listener.onJobStart(new SparkListenerJobStart(0, 10L, scala.collection.immutable.List$.MODULE$.empty(),
                        new Properties()));
                listener.onJobEnd(new SparkListenerJobEnd(0, 20L, JobSucceeded$.MODULE$));
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (listener.metrics().jobsSucceeded.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }

                assertThat(listener.prometheusPort()).isEmpty();
                assertThat(listener.metrics().jobsSucceeded.get()).isEqualTo(1);
                assertThat(listener.metrics().snapshotErrors.get()).isZero();
            }
        }
    }

    @Test
    void queueFull_eventsDroppedAndCountedNeverBlocking() {
        AgentSettings settings = new AgentSettings(Optional.empty(), 60_000, -1, "127.0.0.1", 1, Optional.empty());
        AgentWorker worker = new AgentWorker(settings,
                io.sparkwise.analysis.LiveAnalyzer.withBuiltInRules(io.sparkwise.analysis.Thresholds.defaults()));
        // No thread runs this worker: the queue of one takes the first event and drops the rest.
        for (int i = 0; i < 5; i++) {
            worker.offer(new io.sparkwise.state.event.ApplicationEnd(java.util.OptionalLong.of(i)));
        }

        assertThat(worker.metrics().eventsDropped.sum()).isEqualTo(4);
        assertThat(PrometheusParser.parse(worker.metrics().render())).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("sparkwise_agent_events_dropped_total");
            assertThat(s.value()).isEqualTo(4);
        });
    }
}
