package io.sparkwise.bench.simulator;

import io.sparkwise.model.Application;
import io.sparkwise.model.ApplicationInfo;
import io.sparkwise.model.Job;
import io.sparkwise.model.StageAttempt;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An accuracy-experiment application from the end of its warm-up job on: the warm-up job and its
 * stages removed, the start moved to the warm-up job's end. Executor start-up and JVM warm-up on
 * this shared machine are then out of both the real and the predicted wall time.
 */
final class AfterWarmUp {

    private AfterWarmUp() {
    }

    static Application of(Application app) {
        Job warmUp = app.jobs().stream()
                .filter(j -> j.description().filter(SleepWorkload.WARM_UP::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(app.info().id() + " has no warm-up job"));
        long start = warmUp.completionTime().orElseThrow();
        Set<Integer> warmUpStages = Set.copyOf(warmUp.stageIds());
        List<Job> jobs = app.jobs().stream().filter(j -> j != warmUp).toList();
        List<StageAttempt> stages = app.stages().stream().filter(s -> !warmUpStages.contains(s.stageId()))
                .collect(Collectors.toList());
        ApplicationInfo i = app.info();
        long end = i.endTime().orElse(i.lastEventTime());
        ApplicationInfo info = new ApplicationInfo(i.id(), i.name(), i.attemptId(), i.sparkUser(), OptionalLong.of(start),
                i.endTime(), end - start, i.lastEventTime(), i.sparkVersion(), i.master(), i.clusterManager(),
                i.completed());
        return new Application(info, app.environment(), app.resourceProfiles(), jobs, stages, app.executors(),
                app.sqlExecutions(), app.taskFailures(), app.readReport());
    }
}
