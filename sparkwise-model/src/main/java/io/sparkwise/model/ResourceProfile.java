package io.sparkwise.model;

import java.util.Map;

/**
 * A stage-level scheduling resource profile (SparkListenerResourceProfileAdded).
 *
 * @param executorResources resource name (cores, memory, memoryOverhead, gpu, ...) to amount
 * @param taskResources resource name (cpus, gpu, ...) to amount per task
 */
public record ResourceProfile(int id, Map<String, Long> executorResources, Map<String, Double> taskResources) {

    public ResourceProfile {
        executorResources = Map.copyOf(executorResources);
        taskResources = Map.copyOf(taskResources);
    }
}
