package io.sparkwise.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Writes a syntactically faithful Spark 4 event log of any number of tasks, streaming: the event
 * shapes (key names, order and nesting of {@code SparkListenerTaskStart}/{@code TaskEnd}, stage,
 * job, executor and application events) are copied from a real Spark 4.0.1 log, the numbers are
 * drawn from a seeded generator, and nothing but a 64 KiB buffer is held in memory, so a memory
 * test can feed a reader a log of millions of tasks without a big file on disk.
 *
 * <p>Layout: one job of one stage per {@code tasksPerStage} tasks (shuffle map stages, the last a
 * result stage), on {@code executors} executors of 4 cores; task starts and ends interleave with
 * {@code executors * 4} tasks in flight, as on a cluster. Each task end carries the ten
 * {@code internal.metrics.*} accumulables a shuffle map task reports, full {@code Task Metrics}
 * and {@code Task Executor Metrics}: about 3.6 KB a task (start + end), so a million tasks make
 * 3.6 GB, written in 3 to 6 s on a 2-core machine.
 *
 * <p>{@code java ... SyntheticLog TASKS [FILE]} writes to FILE or stdout.
 */
public final class SyntheticLog {

    static final String APP_ID = "local-1700000000000";
    static final long APP_START = 1_700_000_000_000L;
    static final int CORES = 4;

    private static final String[] ACCUMULABLES = {
        "internal.metrics.executorDeserializeTime",
        "internal.metrics.executorDeserializeCpuTime",
        "internal.metrics.executorRunTime",
        "internal.metrics.executorCpuTime",
        "internal.metrics.resultSize",
        "internal.metrics.jvmGCTime",
        "internal.metrics.resultSerializationTime",
        "internal.metrics.shuffle.write.bytesWritten",
        "internal.metrics.shuffle.write.recordsWritten",
        "internal.metrics.shuffle.write.writeTime",
    };

    private final long tasks;
    private final int tasksPerStage;
    private final int executors;
    private final long seed;

    public SyntheticLog(long tasks, int tasksPerStage, int executors, long seed) {
        if (tasks < 1 || tasksPerStage < 1 || executors < 1) {
            throw new IllegalArgumentException("tasks, tasksPerStage and executors must be positive: "
                    + tasks + ", " + tasksPerStage + ", " + executors);
        }
        this.tasks = tasks;
        this.tasksPerStage = tasksPerStage;
        this.executors = executors;
        this.seed = seed;
    }

    /** {@code tasks} tasks in stages of 10,000 on 16 executors. */
    public static SyntheticLog ofTasks(long tasks) {
        return new SyntheticLog(tasks, 10_000, 16, 42);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticLog TASKS [FILE]");
            System.exit(2);
        }
        long tasks = Long.parseLong(args[0].replace("_", ""));
        try (OutputStream out = args.length > 1 ? Files.newOutputStream(Paths.get(args[1])) : System.out) {
            long start = System.nanoTime();
            long bytes = ofTasks(tasks).writeTo(out);
            System.err.printf("synthetic log: %d tasks, %.1f MB in %.1f s%n", tasks, bytes / 1e6,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** Writes the whole log to {@code out} (not closed) and returns the number of bytes written. */
    public long writeTo(OutputStream out) throws IOException {
        Writer w = new Writer(out);
        header(w);
        SplittableRandom random = new SplittableRandom(seed);
        long clock = APP_START + 5_000;
        long taskId = 0;
        int stages = (int) ((tasks + tasksPerStage - 1) / tasksPerStage);
        int inFlight = executors * CORES;
        for (int stage = 0; stage < stages; stage++) {
            int n = (int) Math.min(tasksPerStage, tasks - (long) stage * tasksPerStage);
            boolean result = stage == stages - 1;
            jobStart(w, stage, n, clock);
            stageEvent(w, "SparkListenerStageSubmitted", stage, n, clock, -1);
            long[] sums = new long[ACCUMULABLES.length];
            long[] launch = new long[inFlight];
            long firstTask = taskId;
            // Task i starts at step i and ends at step i + inFlight: a steady inFlight tasks running.
            for (int i = 0; i < n + inFlight; i++) {
                int done = i - inFlight;
                if (done >= 0 && done < n) {
                    taskEnd(w, random, stage, firstTask + done, done, launch[done % inFlight], clock, result, sums);
                }
                if (i < n) {
                    clock += 1 + random.nextInt(3);
                    launch[i % inFlight] = clock;
                    taskStart(w, stage, firstTask + i, i, clock);
                }
            }
            taskId = firstTask + n;
            clock += 10;
            stageEvent(w, "SparkListenerStageCompleted", stage, n, clock - n * 2L, clock);
            w.s("{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":").n(stage).s(",\"Completion Time\":").n(clock)
                    .s(",\"Job Result\":{\"Result\":\"JobSucceeded\"}}\n");
        }
        w.s("{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":").n(clock + 100).s(",\"ExitCode\":0}\n");
        w.flush();
        out.flush();
        return w.bytes;
    }

    private void header(Writer w) throws IOException {
        w.s("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"4.0.1\"}\n");
        w.s("{\"Event\":\"SparkListenerResourceProfileAdded\",\"Resource Profile Id\":0,\"Executor Resource Requests\":"
                + "{\"cores\":{\"Resource Name\":\"cores\",\"Amount\":4,\"Discovery Script\":\"\",\"Vendor\":\"\"},"
                + "\"memory\":{\"Resource Name\":\"memory\",\"Amount\":8192,\"Discovery Script\":\"\",\"Vendor\":\"\"},"
                + "\"offHeap\":{\"Resource Name\":\"offHeap\",\"Amount\":0,\"Discovery Script\":\"\",\"Vendor\":\"\"}},"
                + "\"Task Resource Requests\":{\"cpus\":{\"Resource Name\":\"cpus\",\"Amount\":1.0}}}\n");
        w.s("{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{\"Java Home\":\"/usr/lib/jvm/java-17\","
                + "\"Java Version\":\"17.0.15 (Debian)\",\"Scala Version\":\"version 2.13.16\"},"
                + "\"Spark Properties\":{\"spark.master\":\"yarn\",\"spark.app.name\":\"synthetic\","
                + "\"spark.executor.cores\":\"4\",\"spark.executor.memory\":\"8g\",\"spark.eventLog.enabled\":\"true\"},"
                + "\"Hadoop Properties\":{},\"System Properties\":{\"java.io.tmpdir\":\"/tmp\"},"
                + "\"Metrics Properties\":{},\"Classpath Entries\":{}}\n");
        w.s("{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"synthetic\",\"App ID\":\"" + APP_ID
                + "\",\"Timestamp\":").n(APP_START).s(",\"User\":\"spark\"}\n");
        for (int e = 1; e <= executors; e++) {
            w.s("{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":").n(APP_START + 1000 + e)
                    .s(",\"Executor ID\":\"").n(e).s("\",\"Executor Info\":{\"Host\":\"host-").n(e)
                    .s("\",\"Total Cores\":4,\"Log Urls\":{},\"Attributes\":{},\"Resources\":{},\"Resource Profile Id\":0}}\n");
            w.s("{\"Event\":\"SparkListenerBlockManagerAdded\",\"Block Manager ID\":{\"Executor ID\":\"").n(e)
                    .s("\",\"Host\":\"host-").n(e).s("\",\"Port\":40000},\"Maximum Memory\":4771128115,\"Timestamp\":")
                    .n(APP_START + 1000 + e).s(",\"Maximum Onheap Memory\":4771128115,\"Maximum Offheap Memory\":0}\n");
        }
    }

    private static void stageInfo(Writer w, int stage, int n, long submitted, long completed) throws IOException {
        w.s("{\"Stage ID\":").n(stage).s(",\"Stage Attempt ID\":0,\"Stage Name\":\"map at Synthetic.scala:").n(stage)
                .s("\",\"Number of Tasks\":").n(n).s(",\"RDD Info\":[{\"RDD ID\":").n(stage)
                .s(",\"Name\":\"MapPartitionsRDD\",\"Callsite\":\"map at Synthetic.scala:").n(stage)
                .s("\",\"Parent IDs\":[],\"Storage Level\":{\"Use Disk\":false,\"Use Memory\":false,"
                        + "\"Use Off Heap\":false,\"Deserialized\":false,\"Replication\":1},\"Barrier\":false,"
                        + "\"DeterministicLevel\":\"DETERMINATE\",\"Number of Partitions\":").n(n)
                .s(",\"Number of Cached Partitions\":0,\"Memory Size\":0,\"Disk Size\":0}],\"Parent IDs\":[");
        if (stage > 0) {
            w.n(stage - 1);
        }
        w.s("],\"Details\":\"Synthetic.main(Synthetic.scala:1)\",");
        if (submitted >= 0) {
            w.s("\"Submission Time\":").n(submitted).s(",");
        }
        if (completed >= 0) {
            w.s("\"Completion Time\":").n(completed).s(",");
        }
        w.s("\"Accumulables\":[],\"Resource Profile Id\":0,\"Shuffle Push Enabled\":false,\"Shuffle Push Mergers Count\":0}");
    }

    private static void jobStart(Writer w, int stage, int n, long clock) throws IOException {
        w.s("{\"Event\":\"SparkListenerJobStart\",\"Job ID\":").n(stage).s(",\"Submission Time\":").n(clock)
                .s(",\"Stage Infos\":[");
        stageInfo(w, stage, n, -1, -1);
        w.s("],\"Stage IDs\":[").n(stage).s("],\"Properties\":{\"spark.job.description\":\"synthetic job ").n(stage)
                .s("\"}}\n");
    }

    private static void stageEvent(Writer w, String event, int stage, int n, long submitted, long completed)
            throws IOException {
        w.s("{\"Event\":\"").s(event).s("\",\"Stage Info\":");
        stageInfo(w, stage, n, submitted, completed);
        w.s(completed < 0 ? ",\"Properties\":{}}\n" : "}\n");
    }

    private void taskInfo(Writer w, long taskId, int index, long launch, long finish) throws IOException {
        long executor = 1 + taskId % executors;
        w.s("\"Task Info\":{\"Task ID\":").n(taskId).s(",\"Index\":").n(index).s(",\"Attempt\":0,\"Partition ID\":")
                .n(index).s(",\"Launch Time\":").n(launch).s(",\"Executor ID\":\"").n(executor)
                .s("\",\"Host\":\"host-").n(executor)
                .s("\",\"Locality\":\"PROCESS_LOCAL\",\"Speculative\":false,\"Getting Result Time\":0,\"Finish Time\":")
                .n(finish).s(",\"Failed\":false,\"Killed\":false,\"Accumulables\":[");
    }

    private void taskStart(Writer w, int stage, long taskId, int index, long launch) throws IOException {
        w.s("{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":").n(stage).s(",\"Stage Attempt ID\":0,");
        taskInfo(w, taskId, index, launch, 0);
        w.s("]}}\n");
    }

    private void taskEnd(Writer w, SplittableRandom random, int stage, long taskId, int index, long launch, long now,
            boolean result, long[] sums) throws IOException {
        long runTime = Math.max(1, now - launch - 3);
        long[] v = {
            1 + random.nextInt(20), // executorDeserializeTime
            1_000_000L + random.nextInt(20_000_000), // executorDeserializeCpuTime
            runTime,
            runTime * 700_000L + random.nextInt(1_000_000), // executorCpuTime (ns)
            1500 + random.nextInt(1000), // resultSize
            random.nextInt(10) == 0 ? random.nextInt(50) : 0, // jvmGCTime
            random.nextInt(3), // resultSerializationTime
            result ? 0 : 10_000 + random.nextInt(1_000_000), // shuffle bytes written
            result ? 0 : 100 + random.nextInt(10_000), // shuffle records written
            result ? 0 : 100_000 + random.nextInt(5_000_000), // shuffle write time (ns)
        };
        w.s("{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":").n(stage).s(",\"Stage Attempt ID\":0,\"Task Type\":\"")
                .s(result ? "ResultTask" : "ShuffleMapTask").s("\",\"Task End Reason\":{\"Reason\":\"Success\"},");
        taskInfo(w, taskId, index, launch, now);
        boolean first = true;
        for (int i = 0; i < ACCUMULABLES.length; i++) {
            if (v[i] == 0 && i >= 5) {
                continue; // Spark omits accumulables whose update is zero
            }
            sums[i] += v[i];
            w.s(first ? "{\"ID\":" : ",{\"ID\":").n(stage * 100L + i).s(",\"Name\":\"").s(ACCUMULABLES[i])
                    .s("\",\"Update\":").n(v[i]).s(",\"Value\":").n(sums[i])
                    .s(",\"Internal\":true,\"Count Failed Values\":true}");
            first = false;
        }
        w.s("]},\"Task Executor Metrics\":{\"JVMHeapMemory\":0,\"JVMOffHeapMemory\":0,\"OnHeapExecutionMemory\":0,"
                + "\"OffHeapExecutionMemory\":0,\"OnHeapStorageMemory\":0,\"OffHeapStorageMemory\":0,"
                + "\"OnHeapUnifiedMemory\":0,\"OffHeapUnifiedMemory\":0,\"DirectPoolMemory\":0,\"MappedPoolMemory\":0,"
                + "\"ProcessTreeJVMVMemory\":0,\"ProcessTreeJVMRSSMemory\":0,\"ProcessTreePythonVMemory\":0,"
                + "\"ProcessTreePythonRSSMemory\":0,\"ProcessTreeOtherVMemory\":0,\"ProcessTreeOtherRSSMemory\":0,"
                + "\"MinorGCCount\":0,\"MinorGCTime\":0,\"MajorGCCount\":0,\"MajorGCTime\":0,\"TotalGCTime\":0,"
                + "\"ConcurrentGCCount\":0,\"ConcurrentGCTime\":0},\"Task Metrics\":{\"Executor Deserialize Time\":")
                .n(v[0]).s(",\"Executor Deserialize CPU Time\":").n(v[1]).s(",\"Executor Run Time\":").n(v[2])
                .s(",\"Executor CPU Time\":").n(v[3])
                .s(",\"Peak Execution Memory\":0,\"Peak On Heap Execution Memory\":0,\"Peak Off Heap Execution Memory\":0,"
                        + "\"Result Size\":").n(v[4]).s(",\"JVM GC Time\":").n(v[5]).s(",\"Result Serialization Time\":")
                .n(v[6]).s(",\"Memory Bytes Spilled\":0,\"Disk Bytes Spilled\":0,\"Shuffle Read Metrics\":{"
                        + "\"Remote Blocks Fetched\":0,\"Local Blocks Fetched\":0,\"Fetch Wait Time\":0,"
                        + "\"Remote Bytes Read\":0,\"Remote Bytes Read To Disk\":0,\"Local Bytes Read\":0,"
                        + "\"Total Records Read\":0,\"Remote Requests Duration\":0,\"Push Based Shuffle\":{"
                        + "\"Corrupt Merged Block Chunks\":0,\"Merged Fetch Fallback Count\":0,"
                        + "\"Merged Remote Blocks Fetched\":0,\"Merged Local Blocks Fetched\":0,"
                        + "\"Merged Remote Chunks Fetched\":0,\"Merged Local Chunks Fetched\":0,"
                        + "\"Merged Remote Bytes Read\":0,\"Merged Local Bytes Read\":0,"
                        + "\"Merged Remote Requests Duration\":0}},\"Shuffle Write Metrics\":{\"Shuffle Bytes Written\":")
                .n(v[7]).s(",\"Shuffle Write Time\":").n(v[9]).s(",\"Shuffle Records Written\":").n(v[8])
                .s("},\"Input Metrics\":{\"Bytes Read\":0,\"Records Read\":0},"
                        + "\"Output Metrics\":{\"Bytes Written\":0,\"Records Written\":0},\"Updated Blocks\":[]}}\n");
    }

    /**
     * Appends ASCII text and decimal numbers into one reused buffer: no String per event, so the
     * writer costs little next to the reader under test.
     */
    private static final class Writer {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        long bytes;

        Writer(OutputStream out) {
            this.out = out;
        }

        Writer s(String text) throws IOException {
            int len = text.length();
            if (len > buf.length - pos) {
                flush();
                if (len > buf.length) {
                    byte[] b = text.getBytes(UTF_8);
                    out.write(b);
                    bytes += b.length;
                    return this;
                }
            }
            // Event text is ASCII: a char is a byte (getBytes would allocate per call).
            for (int i = 0; i < len; i++) {
                buf[pos++] = (byte) text.charAt(i);
            }
            return this;
        }

        Writer n(long value) throws IOException {
            if (buf.length - pos < 20) {
                flush();
            }
            if (value < 0) {
                buf[pos++] = '-';
                value = -value;
            }
            int start = pos;
            do {
                buf[pos++] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
            return this;
        }

        void flush() throws IOException {
            out.write(buf, 0, pos);
            bytes += pos;
            pos = 0;
        }
    }
}
