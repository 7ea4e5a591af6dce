package io.sparkwise.state;

import io.sparkwise.model.TaskFailureGroup;
import io.sparkwise.model.TaskFailureKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Groups failed and killed task ends by kind and cause. */
final class FailureGroups {

    private static final int MAX_SAMPLE_CHARS = 500;

    private static final class Group {
        final TaskFailureKind kind;
        final String cause;
        final String sample;
        int count;
        long wasted;
        final TreeSet<Integer> stages = new TreeSet<>();
        final TreeSet<String> executors = new TreeSet<>();

        Group(TaskFailureKind kind, String cause, String sample) {
            this.kind = kind;
            this.cause = cause;
            this.sample = sample;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    void add(TaskFailureKind kind, String cause, String message, int stageId, String executorId, long duration) {
        String key = kind.name() + '\u0000' + cause;
        Group g = groups.computeIfAbsent(key, k -> new Group(kind, cause, cut(message)));
        g.count++;
        g.wasted += Math.max(0, duration);
        g.stages.add(stageId);
        if (executorId != null) {
            g.executors.add(executorId);
        }
    }

    List<TaskFailureGroup> toModel() {
        List<TaskFailureGroup> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new TaskFailureGroup(g.kind, g.cause, g.count, g.sample, List.copyOf(g.stages),
                    List.copyOf(g.executors), g.wasted));
        }
        out.sort(Comparator.comparingInt(TaskFailureGroup::count).reversed());
        return out;
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_SAMPLE_CHARS ? s : s.substring(0, MAX_SAMPLE_CHARS) + "...";
    }
}
