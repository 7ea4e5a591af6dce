package io.sparkwise.advisor.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A machine type with its on-demand price; listed in the catalog, or derived from a listed size
 * (AWS doubling rule) or a family formula (GCP per-vCPU + per-GiB), in which case the price is
 * estimated and its note says how it was derived.
 */
public record InstanceType(String provider, String region, String type, double vcpu, double memoryGib,
                           double localSsdGib, String arch, Price onDemandPerHour) {

    public InstanceType {
        requireNonNull(provider, "provider is null");
        requireNonNull(region, "region is null");
        requireNonNull(type, "type is null");
        requireNonNull(arch, "arch is null");
        requireNonNull(onDemandPerHour, "onDemandPerHour is null");
        if (!(vcpu > 0) || !(memoryGib > 0)) {
            throw new IllegalArgumentException(type + ": vcpu and memory must be positive");
        }
    }

    /** Memory in MiB, whole. */
    public long memoryMib() {
        return Math.round(memoryGib * 1024);
    }
}
