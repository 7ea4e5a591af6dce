package io.sparkwise.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.history.EventLogFileReader;
import org.apache.spark.scheduler.ReplayListenerBus;
import org.apache.spark.SparkFirehoseListener;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.status.AppHistoryServerPlugin;
import org.apache.spark.status.AppStatusListener;
import org.apache.spark.status.ElementTrackingStore;
import org.apache.spark.status.JobDataWrapper;
import org.apache.spark.status.StageDataWrapper;
import org.apache.spark.status.TaskDataWrapper;
import org.apache.spark.util.kvstore.InMemoryStore;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's own replay of an event log, as the History Server does it when a user opens an
 * application: {@code FsHistoryProvider.rebuildAppStore} (Spark 4.0) over an
 * {@link InMemoryStore} (the History Server's store when {@code spark.history.store.path} is not
 * set). That is: an {@link ElementTrackingStore} with async tracking off, a
 * {@link ReplayListenerBus} with an {@link AppStatusListener} (live = false) and the listeners of
 * every {@link AppHistoryServerPlugin} on the classpath (Spark SQL's: {@code SQLAppStatusListener}
 * and the streaming query listener), each event log file opened with
 * {@link EventLogFileReader#openEventLog} (which decompresses by the file name's codec suffix) and
 * replayed in order; then {@code trackingStore.close(false)}, which flushes the listeners' live
 * entities into the store.
 *
 * <p>Prints one line per run: elapsed ms, events replayed, and the store's job, stage and task
 * counts (the sanity check that the replay did the work). {@code --warm N} replays N more times in
 * the same JVM; each run builds a fresh store.
 */
public final class SparkReplay {

    private SparkReplay() {}

    /** What one replay produced. */
    public record Result(long elapsedNanos, long events, long jobs, long stages, long tasks) {}

    public static void main(String[] args) throws IOException {
        String log = null;
        int warm = 0;
        for (int i = 0; i < args.length; i++) {
            if ("--warm".equals(args[i])) {
                warm = Integer.parseInt(args[++i]);
            } else {
                log = args[i];
            }
        }
        if (log == null) {
            System.err.println("usage: SparkReplay <event log file or rolling dir> [--warm N]");
            System.exit(2);
        }
        for (int run = 0; run <= warm; run++) {
            Result r = replay(log);
            System.out.printf(Locale.ROOT, "replay %s %d ms events=%d jobs=%d stages=%d tasks=%d%n",
                    run == 0 ? "cold" : "warm" + run, r.elapsedNanos() / 1_000_000, r.events(), r.jobs(),
                    r.stages(), r.tasks());
        }
    }

    public static Result replay(String log) throws IOException {
        long start = System.nanoTime();
        SparkConf conf = new SparkConf(false);
        // FsHistoryProvider: "Disable async updates, since they cause higher memory usage".
        SparkConf replayConf = conf.clone().set("spark.appStateStore.asyncTracking.enable", "false");
        Configuration hadoopConf = new Configuration();
        Path path = new Path(new java.io.File(log).getAbsoluteFile().toURI());
        FileSystem fs = path.getFileSystem(hadoopConf);
        // By status, as FsHistoryProvider does: a rolling eventlog_v2_* directory gets the rolling reader.
        EventLogFileReader reader = EventLogFileReader.apply(fs, fs.getFileStatus(path)).getOrElse(() -> {
            throw new IllegalArgumentException("not an event log: " + log);
        });

        InMemoryStore store = new InMemoryStore();
        ElementTrackingStore trackingStore = new ElementTrackingStore(store, replayConf);
        ReplayListenerBus bus = new ReplayListenerBus();
        CountingListener counter = new CountingListener();
        bus.addListener(new AppStatusListener(trackingStore, replayConf, false, Option.empty(),
                Option.apply(reader.modificationTime())));
        for (AppHistoryServerPlugin plugin : ServiceLoader.load(AppHistoryServerPlugin.class)) {
            for (SparkListener listener : CollectionConverters.asJava(plugin.createListeners(conf, trackingStore))) {
                bus.addListener(listener);
            }
        }
        bus.addListener(counter);

        List<FileStatus> files = new ArrayList<>(CollectionConverters.asJava(reader.listEventLogFiles()));
        boolean maybeTruncated = !reader.completed();
        for (FileStatus file : files) {
            try (InputStream in = EventLogFileReader.openEventLog(file.getPath(), fs)) {
                if (!bus.replay(in, file.getPath().toString(), maybeTruncated, ReplayListenerBus.SELECT_ALL_FILTER())) {
                    break;
                }
            }
        }
        trackingStore.close(false);
        long elapsed = System.nanoTime() - start;
        Result result = new Result(elapsed, counter.events, store.count(JobDataWrapper.class),
                store.count(StageDataWrapper.class), store.count(TaskDataWrapper.class));
        store.close();
        return result;
    }

    /** Counts the events the bus delivered (the same number every listener saw). */
    private static final class CountingListener extends SparkFirehoseListener {
        long events;

        @Override
        public void onEvent(SparkListenerEvent event) {
            events++;
        }
    }
}
