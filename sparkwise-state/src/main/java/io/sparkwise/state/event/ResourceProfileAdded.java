package io.sparkwise.state.event;

import java.util.Map;

/**
 * SparkListenerResourceProfileAdded: the amounts of a stage-level scheduling profile.
 *
 * @param executorResources resource name (cores, memory, memoryOverhead, gpu, ...) to amount
 * @param taskResources resource name (cpus, gpu, ...) to amount per task
 */
public record ResourceProfileAdded(
        int resourceProfileId,
        Map<String, Long> executorResources,
        Map<String, Double> taskResources) implements SparkEvent {

    public ResourceProfileAdded {
        executorResources = Copies.orderedMap(executorResources, "executorResources");
        taskResources = Copies.orderedMap(taskResources, "taskResources");
    }
}
