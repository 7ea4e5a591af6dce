package io.sparkwise.advisor.plan;

import io.sparkwise.advisor.catalog.InstanceType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A worker node: cores and memory, from an instance type of the catalog or given directly. */
public record NodeShape(String description, int cores, long memoryMib, Optional<InstanceType> instance) {

    public NodeShape {
        requireNonNull(description, "description is null");
        requireNonNull(instance, "instance is null");
        if (cores < 1) {
            throw new IllegalArgumentException("node cores must be at least 1: " + cores);
        }
        if (memoryMib < 1) {
            throw new IllegalArgumentException("node memory must be positive: " + memoryMib);
        }
    }

    public static NodeShape of(InstanceType type) {
        return new NodeShape(type.type(), (int) type.vcpu(), type.memoryMib(), Optional.of(type));
    }
}
