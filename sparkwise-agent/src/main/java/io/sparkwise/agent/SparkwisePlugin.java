package io.sparkwise.agent;

import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

import java.util.Map;

/**
 * The entry point users name: {@code --conf spark.plugins=io.sparkwise.agent.SparkwisePlugin}.
 * Driver side only: it registers a {@link SparkwiseListener}; executors run nothing of ours.
 */
public class SparkwisePlugin implements SparkPlugin {

    /** How long the driver's stop waits for the application's end to be judged. */
    private static final long END_WAIT_MS = 2_000;

    @Override
    public DriverPlugin driverPlugin() {
        return new DriverPlugin() {
            private SparkwiseListener listener;

            @Override
            public Map<String, String> init(SparkContext sc, PluginContext context) {
                listener = new SparkwiseListener(sc.getConf());
                sc.addSparkListener(listener);
                return Map.of();
            }

            @Override
            public void shutdown() {
                if (listener != null) {
                    listener.stop(END_WAIT_MS);
                }
            }
        };
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return null;
    }
}
