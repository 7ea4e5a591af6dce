package io.sparkwise.decide.storage;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What {@code sparkwise storage} found.
 *
 * @param byAge one tally per {@link AgeBucket#ALL}, by days since last write
 * @param cold objects not read (with evidence) or not written (without) for {@code options.coldDays()}, by class
 * @param coldPrefixes top-level prefixes (first key segment, per bucket) whose every object is cold: where lifecycle rules go
 * @param hotOldPrefixes top-level prefixes that hold old data the logs show was read recently: kept out of the rules
 * @param smallFileDirectories directories with small-file problems, most files first
 * @param savings per cold tier, most first-year net saving first; empty without prices
 */
public record StorageReport(String inventory, List<String> assumptions, StorageOptions options, boolean readEvidence,
                            Tally total, Map<S3StorageClass, Tally> byClass, List<Tally> byAge,
                            Map<S3StorageClass, Tally> cold, List<String> coldPrefixes, List<String> hotOldPrefixes,
                            List<DirectoryFiles> smallFileDirectories, List<TierSaving> savings) {

    public StorageReport {
        requireNonNull(inventory, "inventory is null");
        assumptions = List.copyOf(assumptions);
        requireNonNull(options, "options is null");
        byClass = Map.copyOf(byClass);
        byAge = List.copyOf(byAge);
        cold = Map.copyOf(cold);
        coldPrefixes = List.copyOf(coldPrefixes);
        hotOldPrefixes = List.copyOf(hotOldPrefixes);
        smallFileDirectories = List.copyOf(smallFileDirectories);
        savings = List.copyOf(savings);
    }
}
