package io.sparkwise.eventlog.fidelity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.sparkwise.eventlog.parse.JsonAccess;
import io.sparkwise.model.Application;
import io.sparkwise.model.Executor;
import io.sparkwise.model.ExecutorMetrics;
import io.sparkwise.model.Job;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.StageAttempt;
import io.sparkwise.model.TaskMetric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an {@link Application} with what a real Spark History Server answered for the same log
 * (../shared/eventlogs/expectations/NAME/*.json), field by field, and lists every difference.
 */
final class HistoryServerComparison {

    private static final DateTimeFormatter HS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final int SQL_PAGE_SIZE = 20;

    private final Path dir;
    private final List<String> differences = new ArrayList<>();

    HistoryServerComparison(Path dir) {
        this.dir = dir;
    }

    List<String> compare(Application app) throws IOException {
        compareApplication(app);
        compareJobs(app);
        compareStages(app);
        compareExecutors(app);
        compareSql(app);
        return differences;
    }

    static Object readJson(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(Files.readAllBytes(file))) {
            p.nextToken();
            return JsonAccess.read(p);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> array(String file) throws IOException {
        return (List<Map<String, Object>>) readJson(dir.resolve(file));
    }

    private void compareApplication(Application app) throws IOException {
        Map<String, Object> expected = JsonAccess.asObj(readJson(dir.resolve("application.json")));
        check("application.id", expected.get("id"), app.info().id());
        check("application.name", expected.get("name"), app.info().name());
        Map<String, Object> attempt = JsonAccess.asObj(JsonAccess.list(expected, "attempts").get(0));
        check("attempt.attemptId", attempt.get("attemptId"), app.info().attemptId().orElse(null));
        check("attempt.sparkUser", attempt.get("sparkUser"), app.info().sparkUser());
        check("attempt.completed", attempt.get("completed"), app.info().completed());
        check("attempt.startTimeEpoch", attempt.get("startTimeEpoch"), app.info().startTime().orElse(-1));
        if (app.info().completed()) {
            check("attempt.endTimeEpoch", attempt.get("endTimeEpoch"), app.info().endTime().orElse(-1));
            check("attempt.duration", attempt.get("duration"), app.info().duration());
        }
        // A log without SparkListenerLogStart makes the History Server report its own version;
        // we report none (docs/json.md).
        app.info().sparkVersion().ifPresent(v -> check("attempt.appSparkVersion", attempt.get("appSparkVersion"), v));
    }

    private void compareJobs(Application app) throws IOException {
        List<Map<String, Object>> expected = array("jobs.json");
        Set<Integer> expectedIds = new TreeSet<>();
        for (Map<String, Object> e : expected) {
            int id = (int) JsonAccess.lng(e, "jobId", -1);
            expectedIds.add(id);
            Optional<Job> job = app.job(id);
            if (job.isEmpty()) {
                differences.add("job " + id + ": missing");
                continue;
            }
            Job j = job.get();
            String p = "job " + id + ".";
            check(p + "name", e.get("name"), j.name());
            check(p + "description", e.get("description"), j.description().orElse(null));
            check(p + "submissionTime", time(e.get("submissionTime")), j.submissionTime());
            check(p + "completionTime", time(e.get("completionTime")), j.completionTime());
            check(p + "stageIds", e.get("stageIds"), longs(j.stageIds()));
            check(p + "jobGroup", e.get("jobGroup"), j.jobGroup().orElse(null));
            check(p + "status", e.get("status"), j.status().name());
            check(p + "numTasks", e.get("numTasks"), j.numTasks());
            check(p + "numActiveTasks", e.get("numActiveTasks"), j.numActiveTasks());
            check(p + "numCompletedTasks", e.get("numCompletedTasks"), j.numCompletedTasks());
            check(p + "numSkippedTasks", e.get("numSkippedTasks"), j.numSkippedTasks());
            check(p + "numFailedTasks", e.get("numFailedTasks"), j.numFailedTasks());
            check(p + "numKilledTasks", e.get("numKilledTasks"), j.numKilledTasks());
            check(p + "numCompletedIndices", e.get("numCompletedIndices"), j.numCompletedIndices());
            check(p + "numActiveStages", e.get("numActiveStages"), j.numActiveStages());
            check(p + "numCompletedStages", e.get("numCompletedStages"), j.numCompletedStages());
            check(p + "numSkippedStages", e.get("numSkippedStages"), j.numSkippedStages());
            check(p + "numFailedStages", e.get("numFailedStages"), j.numFailedStages());
            check(p + "killedTasksSummary", e.get("killedTasksSummary"), j.killedTasksSummary());
        }
        Set<Integer> ours = new TreeSet<>();
        app.jobs().forEach(j -> ours.add(j.jobId()));
        check("job ids", expectedIds, ours);
    }

    private void compareStages(Application app) throws IOException {
        List<Map<String, Object>> expected = array("stages.json");
        Set<String> expectedKeys = new TreeSet<>();
        for (Map<String, Object> e : expected) {
            int id = (int) JsonAccess.lng(e, "stageId", -1);
            int attempt = (int) JsonAccess.lng(e, "attemptId", -1);
            expectedKeys.add(id + "." + attempt);
            Optional<StageAttempt> stage = app.stage(id, attempt);
            if (stage.isEmpty()) {
                differences.add("stage " + id + "." + attempt + ": missing");
                continue;
            }
            StageAttempt s = stage.get();
            String p = "stage " + id + "." + attempt + ".";
            check(p + "status", e.get("status"), s.status().name());
            check(p + "numTasks", e.get("numTasks"), s.numTasks());
            check(p + "numActiveTasks", e.get("numActiveTasks"), s.numActiveTasks());
            check(p + "numCompleteTasks", e.get("numCompleteTasks"), s.numCompleteTasks());
            check(p + "numFailedTasks", e.get("numFailedTasks"), s.numFailedTasks());
            check(p + "numKilledTasks", e.get("numKilledTasks"), s.numKilledTasks());
            check(p + "numCompletedIndices", e.get("numCompletedIndices"), s.numCompletedIndices());
            check(p + "submissionTime", time(e.get("submissionTime")), s.submissionTime());
            check(p + "firstTaskLaunchedTime", time(e.get("firstTaskLaunchedTime")), s.firstTaskLaunchedTime());
            check(p + "completionTime", time(e.get("completionTime")), s.completionTime());
            check(p + "failureReason", e.get("failureReason"), s.failureReason().orElse(null));
            for (TaskMetric m : TaskMetric.values()) {
                if (e.containsKey(m.apiName())) {
                    check(p + m.apiName(), e.get(m.apiName()), s.metrics().get(m));
                }
            }
            check(p + "shuffleReadBytes", e.get("shuffleReadBytes"), s.metrics().shuffleReadBytes());
            check(p + "name", e.get("name"), s.name());
            check(p + "details", e.get("details"), s.details());
            check(p + "description", e.get("description"), s.description().orElse(null));
            check(p + "schedulingPool", e.get("schedulingPool"), s.schedulingPool());
            check(p + "rddIds", new TreeSet<>(list(e.get("rddIds"))), new TreeSet<>(longs(s.rddIds())));
            check(p + "killedTasksSummary", e.get("killedTasksSummary"), s.killedTasksSummary());
            check(p + "resourceProfileId", e.get("resourceProfileId"), s.resourceProfileId());
            comparePeaks(p + "peakExecutorMetrics", e.get("peakExecutorMetrics"), s.peakExecutorMetrics());
        }
        Set<String> ours = new TreeSet<>();
        app.stages().forEach(s -> ours.add(s.stageId() + "." + s.attemptId()));
        check("stage attempts", expectedKeys, ours);
    }

    private void compareExecutors(Application app) throws IOException {
        List<Map<String, Object>> expected = array("executors.json");
        Set<String> expectedIds = new TreeSet<>();
        for (Map<String, Object> e : expected) {
            String id = JsonAccess.str(e, "id", "");
            expectedIds.add(id);
            Optional<Executor> executor = app.executor(id);
            if (executor.isEmpty()) {
                differences.add("executor " + id + ": missing");
                continue;
            }
            Executor x = executor.get();
            String p = "executor " + id + ".";
            check(p + "hostPort", e.get("hostPort"), x.hostPort());
            check(p + "isActive", e.get("isActive"), x.isActive());
            check(p + "totalCores", e.get("totalCores"), x.totalCores());
            check(p + "maxTasks", e.get("maxTasks"), x.maxTasks());
            check(p + "activeTasks", e.get("activeTasks"), x.activeTasks());
            check(p + "failedTasks", e.get("failedTasks"), x.failedTasks());
            check(p + "completedTasks", e.get("completedTasks"), x.completedTasks());
            check(p + "totalTasks", e.get("totalTasks"), x.totalTasks());
            // For an incomplete application the History Server reports the driver's uptime up to the
            // moment it replayed the log (file modification time): not reproducible, not compared.
            if (!x.isDriver() || app.info().completed()) {
                check(p + "totalDuration", e.get("totalDuration"), x.totalDuration());
            }
            check(p + "totalGCTime", e.get("totalGCTime"), x.totalGCTime());
            check(p + "totalInputBytes", e.get("totalInputBytes"), x.totalInputBytes());
            check(p + "totalShuffleRead", e.get("totalShuffleRead"), x.totalShuffleRead());
            check(p + "totalShuffleWrite", e.get("totalShuffleWrite"), x.totalShuffleWrite());
            check(p + "maxMemory", e.get("maxMemory"), x.maxMemory());
            check(p + "addTime", time(e.get("addTime")), OptionalLong.of(x.addTime()));
            check(p + "removeTime", time(e.get("removeTime")), x.removeTime());
            check(p + "removeReason", e.get("removeReason"), x.removeReason().orElse(null));
            check(p + "isExcluded", e.get("isExcluded"), x.isExcluded());
            check(p + "excludedInStages", e.get("excludedInStages"), longs(x.excludedInStages()));
            check(p + "resourceProfileId", e.get("resourceProfileId"), x.resourceProfileId());
            Map<String, Object> memory = JsonAccess.obj(e, "memoryMetrics");
            check(p + "memoryMetrics.totalOnHeapStorageMemory",
                    memory == null ? null : memory.get("totalOnHeapStorageMemory"),
                    x.memoryMetrics().map(Executor.MemoryMetrics::totalOnHeapStorageMemory).orElse(null));
            comparePeaks(p + "peakMemoryMetrics", e.get("peakMemoryMetrics"), x.peakMemoryMetrics());
        }
        Set<String> ours = new TreeSet<>();
        app.executors().forEach(x -> ours.add(x.id()));
        check("executor ids", expectedIds, ours);
    }

    private void compareSql(Application app) throws IOException {
        if (!Files.exists(dir.resolve("sql.json"))) {
            return;
        }
        List<Map<String, Object>> expected = array("sql.json");
        Set<Long> expectedIds = new TreeSet<>();
        for (Map<String, Object> e : expected) {
            long id = JsonAccess.lng(e, "id", -1);
            expectedIds.add(id);
            Optional<SqlExecution> sql = app.sqlExecutions().stream().filter(x -> x.id() == id).findFirst();
            if (sql.isEmpty()) {
                differences.add("sql " + id + ": missing");
                continue;
            }
            SqlExecution x = sql.get();
            String p = "sql " + id + ".";
            check(p + "status", e.get("status"), x.status());
            check(p + "description", e.get("description"), x.description());
            check(p + "planDescription", e.get("planDescription"), x.physicalPlanDescription());
            check(p + "submissionTime", time(e.get("submissionTime")), x.submissionTime());
            if (x.completionTime().isPresent()) {
                check(p + "duration", e.get("duration"), x.duration());
            }
            check(p + "successJobIds", new TreeSet<>(list(e.get("successJobIds"))), new TreeSet<>(longs(x.successJobIds())));
            check(p + "failedJobIds", new TreeSet<>(list(e.get("failedJobIds"))), new TreeSet<>(longs(x.failedJobIds())));
            check(p + "runningJobIds", new TreeSet<>(list(e.get("runningJobIds"))), new TreeSet<>(longs(x.runningJobIds())));
        }
        Set<Long> ours = new TreeSet<>();
        app.sqlExecutions().forEach(x -> ours.add(x.id()));
        // The History Server's /sql answers 20 executions unless asked for more (its default
        // "length" parameter): then only the first 20 of ours are comparable.
        if (expected.size() == SQL_PAGE_SIZE) {
            ours.retainAll(new TreeSet<>(ours).stream().limit(SQL_PAGE_SIZE).toList());
        }
        check("sql ids", expectedIds, ours);
    }

    private void comparePeaks(String field, Object expected, Optional<ExecutorMetrics> ours) {
        Map<String, Object> e = JsonAccess.asObj(expected);
        if (e == null) {
            if (ours.isPresent() && ours.get().peaks().values().stream().anyMatch(v -> v != 0)) {
                differences.add(field + ": expected none, got " + ours.get().peaks());
            }
            return;
        }
        if (ours.isEmpty()) {
            if (e.values().stream().anyMatch(v -> v instanceof Number n && n.longValue() != 0)) {
                differences.add(field + ": expected " + e + ", got none");
            }
            return;
        }
        for (Map.Entry<String, Object> entry : e.entrySet()) {
            long want = JsonAccess.toLong(entry.getValue(), 0);
            long got = ours.get().peak(entry.getKey()).orElse(0);
            if (want != got) {
                differences.add(field + "." + entry.getKey() + ": expected " + want + ", got " + got);
            }
        }
    }

    private static Object time(Object hsTime) {
        if (hsTime == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.parse(hsTime.toString(), HS_TIME);
        return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static List<Long> longs(List<Integer> ints) {
        List<Long> out = new ArrayList<>();
        ints.forEach(i -> out.add((long) i));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    private void check(String field, Object expected, Object actual) {
        Object a = normalize(actual);
        Object e = normalize(expected);
        if (!Objects.equals(e, a)) {
            differences.add(field + ": expected " + e + ", got " + a);
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof OptionalLong o) {
            return o.isPresent() ? (Object) o.getAsLong() : null;
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return Map.of();
            }
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), normalize(val)));
            return out;
        }
        if (v instanceof Set<?> s) {
            Set<Object> out = new HashSet<>();
            s.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }
}
