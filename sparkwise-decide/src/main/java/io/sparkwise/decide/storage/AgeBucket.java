package io.sparkwise.decide.storage;

import java.util.List;

/**
 * Ages (days since last write) the report groups bytes by; the bounds are the minimum storage
 * durations and lifecycle ages of the cold tiers (30 days: Standard-IA and Nearline; 90: Glacier
 * Instant Retrieval and Coldline; 180: Deep Archive; 365: GCS Archive).
 */
public record AgeBucket(String label, long fromDays, long toDays) {

    public static final List<AgeBucket> ALL = List.of(
            new AgeBucket("< 30 days", 0, 30),
            new AgeBucket("30-90 days", 30, 90),
            new AgeBucket("90-180 days", 90, 180),
            new AgeBucket("180-365 days", 180, 365),
            new AgeBucket(">= 365 days", 365, Long.MAX_VALUE));

    public static int indexOf(long days) {
        for (int i = 0; i < ALL.size(); i++) {
            if (days < ALL.get(i).toDays()) {
                return i;
            }
        }
        return ALL.size() - 1;
    }
}
