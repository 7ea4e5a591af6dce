package io.sparkwise.eventlog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An event log produced on the fly, never held in memory or written to disk: an application with
 * {@code stages} stages of {@code tasksPerStage} tasks each (a TaskStart and a TaskEnd per task),
 * in Spark's JsonProtocol shape. Task i of a stage runs 1000 + (i % 100) ms and reads 1 MiB.
 */
final class GeneratedLogStream extends InputStream {

    private final int stages;
    private final int tasksPerStage;
    private int stage;
    private int task;
    private int phase;          // 0 header, 1 stage start, 2 task start, 3 task end, 4 stage end, 5 app end, 6 done
    private byte[] line = new byte[0];
    private int pos;

    GeneratedLogStream(int stages, int tasksPerStage) {
        this.stages = stages;
        this.tasksPerStage = tasksPerStage;
    }

    @Override
    public int read() {
        if (pos == line.length && !next()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == line.length && !next()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean next() {
        String s;
        switch (phase) {
            case 0 -> {
                s = "{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.1\"}\n"
                        + "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"generated\",\"App ID\":\"app-gen\","
                        + "\"Timestamp\":1000,\"User\":\"bench\"}\n"
                        + "{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":1000,\"Executor ID\":\"1\","
                        + "\"Executor Info\":{\"Host\":\"h1\",\"Total Cores\":8,\"Log Urls\":{}}}\n";
                phase = stages == 0 ? 5 : 1;
            }
            case 1 -> {
                s = "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + stage + ",\"Submission Time\":2000,"
                        + "\"Stage Infos\":[" + stageInfo(false) + "],\"Stage IDs\":[" + stage + "],\"Properties\":{}}\n"
                        + "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":" + stageInfo(false)
                        + ",\"Properties\":{}}\n";
                phase = 2;
            }
            case 2 -> {
                s = "{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":" + stage + ",\"Stage Attempt ID\":0,"
                        + "\"Task Info\":" + taskInfo(0) + "}\n";
                phase = 3;
            }
            case 3 -> {
                long run = 1000 + task % 100;
                s = "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":" + stage + ",\"Stage Attempt ID\":0,"
                        + "\"Task Type\":\"ResultTask\",\"Task End Reason\":{\"Reason\":\"Success\"},\"Task Info\":"
                        + taskInfo(2000 + run + 10) + ",\"Task Metrics\":{\"Executor Run Time\":" + run
                        + ",\"JVM GC Time\":5,\"Input Metrics\":{\"Bytes Read\":1048576,\"Records Read\":100}}}\n";
                task++;
                phase = task < tasksPerStage ? 2 : 4;
            }
            case 4 -> {
                s = "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":" + stageInfo(true) + "}\n"
                        + "{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":" + stage + ",\"Completion Time\":9000,"
                        + "\"Job Result\":{\"Result\":\"JobSucceeded\"}}\n";
                stage++;
                task = 0;
                phase = stage < stages ? 1 : 5;
            }
            case 5 -> {
                s = "{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":10000}\n";
                phase = 6;
            }
            default -> {
                return false;
            }
        }
        line = s.getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    private String stageInfo(boolean completed) {
        return "{\"Stage ID\":" + stage + ",\"Stage Attempt ID\":0,\"Stage Name\":\"generated\",\"Number of Tasks\":"
                + tasksPerStage + ",\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\",\"Submission Time\":2000"
                + (completed ? ",\"Completion Time\":9000" : "") + ",\"Accumulables\":[]}";
    }

    private String taskInfo(long finish) {
        long id = (long) stage * tasksPerStage + task;
        return "{\"Task ID\":" + id + ",\"Index\":" + task + ",\"Attempt\":0,\"Launch Time\":2000,"
                + "\"Executor ID\":\"1\",\"Host\":\"h1\",\"Locality\":\"PROCESS_LOCAL\",\"Speculative\":false,"
                + "\"Getting Result Time\":0,\"Finish Time\":" + finish + ",\"Failed\":false,\"Killed\":false,"
                + "\"Accumulables\":[]}";
    }
}
