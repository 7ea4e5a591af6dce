package io.sparkwise.eventlog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes small event logs line by line for edge-case tests, in Spark's JsonProtocol shape. */
final class SyntheticLog {

    private final List<String> lines = new ArrayList<>();

    static SyntheticLog minimalApp() {
        SyntheticLog log = new SyntheticLog();
        log.add("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.1\"}");
        log.add("{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"synthetic\",\"App ID\":\"app-1\","
                + "\"Timestamp\":1000,\"User\":\"alice\"}");
        log.add("{\"Event\":\"SparkListenerEnvironmentUpdate\",\"JVM Information\":{\"Java Version\":\"17\"},"
                + "\"Spark Properties\":{\"spark.master\":\"yarn\",\"spark.app.name\":\"synthetic\"},"
                + "\"Hadoop Properties\":{},\"System Properties\":{},\"Classpath Entries\":{}}");
        log.add("{\"Event\":\"SparkListenerExecutorAdded\",\"Timestamp\":1100,\"Executor ID\":\"1\","
                + "\"Executor Info\":{\"Host\":\"h1\",\"Total Cores\":4,\"Log Urls\":{}}}");
        log.add(jobStart(0, 0, 2));
        log.add(stageSubmitted(0, 2, 1200));
        log.add(taskStart(0, 0, 0, "1", 1210));
        log.add(taskEnd(0, 0, 0, "1", 1210, 1500, "{\"Reason\":\"Success\"}", 280));
        log.add(taskStart(0, 1, 1, "1", 1210));
        log.add(taskEnd(0, 1, 1, "1", 1210, 1900, "{\"Reason\":\"Success\"}", 670));
        log.add(stageCompleted(0, 2, 1200, 1950));
        log.add("{\"Event\":\"SparkListenerJobEnd\",\"Job ID\":0,\"Completion Time\":1960,"
                + "\"Job Result\":{\"Result\":\"JobSucceeded\"}}");
        return log;
    }

    static String jobStart(int jobId, int stageId, int tasks) {
        return "{\"Event\":\"SparkListenerJobStart\",\"Job ID\":" + jobId + ",\"Submission Time\":1150,"
                + "\"Stage Infos\":[" + stageInfo(stageId, tasks, -1, -1) + "],\"Stage IDs\":[" + stageId
                + "],\"Properties\":{}}";
    }

    static String stageSubmitted(int stageId, int tasks, long submitted) {
        return "{\"Event\":\"SparkListenerStageSubmitted\",\"Stage Info\":" + stageInfo(stageId, tasks, submitted, -1)
                + ",\"Properties\":{}}";
    }

    static String stageCompleted(int stageId, int tasks, long submitted, long completed) {
        return "{\"Event\":\"SparkListenerStageCompleted\",\"Stage Info\":"
                + stageInfo(stageId, tasks, submitted, completed) + "}";
    }

    static String stageInfo(int stageId, int tasks, long submitted, long completed) {
        return "{\"Stage ID\":" + stageId + ",\"Stage Attempt ID\":0,\"Stage Name\":\"count at X.scala:1\","
                + "\"Number of Tasks\":" + tasks + ",\"RDD Info\":[],\"Parent IDs\":[],\"Details\":\"\""
                + (submitted > 0 ? ",\"Submission Time\":" + submitted : "")
                + (completed > 0 ? ",\"Completion Time\":" + completed : "") + ",\"Accumulables\":[]}";
    }

    static String taskInfo(long taskId, int index, String executor, long launch, long finish) {
        return "{\"Task ID\":" + taskId + ",\"Index\":" + index + ",\"Attempt\":0,\"Launch Time\":" + launch
                + ",\"Executor ID\":\"" + executor + "\",\"Host\":\"h1\",\"Locality\":\"PROCESS_LOCAL\","
                + "\"Speculative\":false,\"Getting Result Time\":0,\"Finish Time\":" + finish
                + ",\"Failed\":false,\"Killed\":false,\"Accumulables\":[]}";
    }

    static String taskStart(int stageId, long taskId, int index, String executor, long launch) {
        return "{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":" + stageId + ",\"Stage Attempt ID\":0,"
                + "\"Task Info\":" + taskInfo(taskId, index, executor, launch, 0) + "}";
    }

    static String taskEnd(int stageId, long taskId, int index, String executor, long launch, long finish,
                          String reason, long runTime) {
        return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":" + stageId + ",\"Stage Attempt ID\":0,"
                + "\"Task Type\":\"ResultTask\",\"Task End Reason\":" + reason + ",\"Task Info\":"
                + taskInfo(taskId, index, executor, launch, finish) + ",\"Task Metrics\":{\"Executor Run Time\":"
                + runTime + ",\"JVM GC Time\":10,\"Memory Bytes Spilled\":0,\"Disk Bytes Spilled\":0,"
                + "\"Input Metrics\":{\"Bytes Read\":1000,\"Records Read\":10}}}";
    }

    SyntheticLog add(String line) {
        lines.add(line);
        return this;
    }

    SyntheticLog end(long time) {
        return add("{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":" + time + "}");
    }

    Path write(Path file) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    Path writeWithoutFinalNewline(Path file) throws IOException {
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return file;
    }
}
