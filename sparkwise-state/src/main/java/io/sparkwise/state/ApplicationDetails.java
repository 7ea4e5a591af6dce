package io.sparkwise.state;

import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Environment;
import io.sparkwise.model.ResourceProfile;
import io.sparkwise.state.event.ApplicationStart;
import io.sparkwise.state.event.EnvironmentUpdate;
import io.sparkwise.state.event.ResourceProfileAdded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What the events say about the application as a whole: its identity and times, the Spark version,
 * the environment, resource profiles and vendor metadata, and the span of event times seen (the
 * duration of an application that did not end).
 */
final class ApplicationDetails {

    private String appId;
    private String appName = "";
    private Optional<String> attemptId = Optional.empty();
    private String sparkUser = "";
    private OptionalLong startTime = OptionalLong.empty();
    private OptionalLong endTime = OptionalLong.empty();
    private Optional<String> sparkVersion = Optional.empty();
    private long lastEventTime = Long.MIN_VALUE;
    private long firstEventTime = Long.MAX_VALUE;
    private Environment environment = Environment.EMPTY;
    private int defaultCpusPerTask = 1;
    private final Map<Integer, ResourceProfile> resourceProfiles = new TreeMap<>();
    private final Map<String, String> databricksMetadata = new LinkedHashMap<>();

    /** An event's time (epoch ms); times not above 0 are unknown and ignored. */
    void noteTime(long time) {
        if (time > 0) {
            lastEventTime = Math.max(lastEventTime, time);
            firstEventTime = Math.min(firstEventTime, time);
        }
    }

    void onLogStart(Optional<String> version) {
        sparkVersion = version;
    }

    void onApplicationStart(ApplicationStart e) {
        appId = e.appId().orElse(appId);
        appName = e.appName();
        attemptId = e.appAttemptId();
        sparkUser = e.sparkUser();
        startTime = e.time();
    }

    void onApplicationEnd(OptionalLong time) {
        endTime = time;
    }

    void onEnvironmentUpdate(EnvironmentUpdate e) {
        Map<String, String> jvm = e.jvmInformation();
        Map<String, String> spark = e.sparkProperties();
        environment = new Environment(
                Optional.ofNullable(jvm.get("Java Version")), Optional.ofNullable(jvm.get("Java Home")),
                Optional.ofNullable(jvm.get("Scala Version")), spark, e.hadoopProperties(),
                e.systemProperties(), e.metricsProperties(), e.classpathEntryCount());
        String cpus = spark.get("spark.task.cpus");
        if (cpus != null) {
            try {
                defaultCpusPerTask = Integer.parseInt(cpus.trim());
            } catch (NumberFormatException ignored) {
                // Spark would fail to start with such a value; keep the default.
            }
        }
    }

    void onResourceProfileAdded(ResourceProfileAdded e) {
        resourceProfiles.put(e.resourceProfileId(),
                new ResourceProfile(e.resourceProfileId(), e.executorResources(), e.taskResources()));
    }

    void onDatabricksMetadata(Map<String, String> fields) {
        databricksMetadata.putAll(fields);
    }

    ResourceProfile resourceProfile(int id) {
        return resourceProfiles.get(id);
    }

    int defaultCpusPerTask() {
        return defaultCpusPerTask;
    }

    Environment environment() {
        return environment;
    }

    List<ResourceProfile> resourceProfiles() {
        return List.copyOf(resourceProfiles.values());
    }

    /** Wall time: start to end; to the last event when the application did not end. */
    long duration() {
        if (startTime.isPresent() && endTime.isPresent()) {
            return endTime.getAsLong() - startTime.getAsLong();
        } else if (startTime.isPresent() && lastEventTime != Long.MIN_VALUE) {
            return Math.max(0, lastEventTime - startTime.getAsLong());
        } else if (firstEventTime != Long.MAX_VALUE && lastEventTime != Long.MIN_VALUE) {
            return lastEventTime - firstEventTime;
        }
        return 0;
    }

    ApplicationInfo toModel(String fallbackAppId, long duration) {
        ClusterManagers.Detected cm = ClusterManagers.detect(environment, databricksMetadata);
        Optional<String> version = sparkVersion.isPresent() ? sparkVersion
                : Optional.ofNullable(databricksMetadata.get("SparkVersion"));
        return new ApplicationInfo(
                appId != null ? appId : fallbackAppId, appName, attemptId, sparkUser,
                startTime.isPresent() ? startTime
                        : (firstEventTime != Long.MAX_VALUE ? OptionalLong.of(firstEventTime) : OptionalLong.empty()),
                endTime, duration, lastEventTime == Long.MIN_VALUE ? 0 : lastEventTime,
                version, cm.master(), cm.clusterManager(), endTime.isPresent());
    }

    /** What the events lack that a reader of the analysis should know. */
    List<String> notes(boolean inProgress) {
        List<String> notes = new ArrayList<>();
        if (appId == null) {
            notes.add("no SparkListenerApplicationStart: the application id is taken from the file name; "
                    + "name, user and start time are unknown");
        }
        if (endTime.isEmpty()) {
            notes.add(inProgress
                    ? "the application was still running when the log was copied (in progress): durations end at the last event"
                    : "no SparkListenerApplicationEnd: the application did not finish cleanly (driver killed or log cut): "
                    + "durations end at the last event");
        }
        if (sparkVersion.isEmpty() && !databricksMetadata.containsKey("SparkVersion")) {
            notes.add("no SparkListenerLogStart: the Spark version is unknown (Spark 1.2 and older write none)");
        }
        if (environment.sparkProperties().isEmpty()) {
            notes.add("no SparkListenerEnvironmentUpdate: Spark properties and cluster manager are unknown");
        }
        return notes;
    }
}
