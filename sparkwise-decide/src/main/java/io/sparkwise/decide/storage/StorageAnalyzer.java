package io.sparkwise.decide.storage;

import io.sparkwise.decide.storage.inventory.Inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Streams an inventory once into the report's tallies: bytes by class and age, cold data, small
 * files per directory, and for each cold tier how much of the hot tier's cold data a lifecycle
 * rule would move. Memory grows with directories and top-level prefixes, not with objects.
 */
public final class StorageAnalyzer {

    /** A directory is reported when it has at least this many small files (fewer cost little to open). */
    static final int MIN_SMALL_FILES = 10;

    private final StorageOptions options;
    private final AccessEvidence evidence;
    private final Optional<TierPrice> hot;
    private final List<TierPrice> tiers;

    private final Tally total = new Tally();
    private final Map<S3StorageClass, Tally> byClass = new EnumMap<>(S3StorageClass.class);
    private final List<Tally> byAge = new ArrayList<>();
    private final Map<S3StorageClass, Tally> cold = new EnumMap<>(S3StorageClass.class);
    private final Map<String, Directory> directories = new HashMap<>();
    private final Map<String, PrefixState> prefixes = new TreeMap<>();
    private final Tally coldHot = new Tally();
    private final Map<Long, Tally> coldHotBelow = new HashMap<>();

    /**
     * @param hot price of the tier cold data sits in now (STANDARD); empty: no savings
     * @param tiers the colder tiers to price a move into
     */
    public StorageAnalyzer(StorageOptions options, AccessEvidence evidence, Optional<TierPrice> hot, List<TierPrice> tiers) {
        this.options = requireNonNull(options, "options is null");
        this.evidence = requireNonNull(evidence, "evidence is null");
        this.hot = requireNonNull(hot, "hot is null");
        this.tiers = List.copyOf(tiers);
        AgeBucket.ALL.forEach(b -> byAge.add(new Tally()));
        tiers.forEach(t -> coldHotBelow.put(t.minObjectBytes(), new Tally()));
    }

    public StorageReport analyze(Inventory inventory) {
        inventory.forEach(this::add);
        List<String> assumptions = new ArrayList<>(inventory.assumptions());
        assumptions.add(evidence.isEmpty()
                ? "no read evidence (no --event-logs, or they scan none of these paths): cold means not written for "
                        + options.coldDays() + " days, which says nothing of reads"
                : "cold means neither written nor read (per the " + evidence.logs() + " event log(s)) for "
                        + options.coldDays() + " days; reads by anything else than those logs are not seen");
        return new StorageReport(inventory.description(), assumptions, options, !evidence.isEmpty(), total, byClass,
                byAge, cold, coldPrefixes(), hotOldPrefixes(), smallFileDirectories(), savings());
    }

    void add(StoredObject object) {
        total.add(object.size());
        byClass.computeIfAbsent(object.storageClass(), c -> new Tally()).add(object.size());
        long ageDays = days(object.lastModified());
        byAge.get(AgeBucket.indexOf(ageDays)).add(object.size());
        Optional<Instant> read = evidence.lastRead(object.bucket(), object.key());
        boolean oldWrite = ageDays >= options.coldDays();
        boolean recentRead = read.isPresent() && days(read.get()) < options.coldDays();
        boolean isCold = oldWrite && !recentRead;
        PrefixState prefix = prefixes.computeIfAbsent(object.bucket() + "\u0000" + topLevel(object.key()), p -> new PrefixState());
        prefix.hot |= !isCold;
        prefix.hotOld |= oldWrite && recentRead;
        if (isCold) {
            cold.computeIfAbsent(object.storageClass(), c -> new Tally()).add(object.size());
            if (object.storageClass() == S3StorageClass.STANDARD) {
                coldHot.add(object.size());
                coldHotBelow.forEach((limit, tally) -> {
                    if (object.size() < limit) {
                        tally.add(object.size());
                    }
                });
            }
        }
        Directory dir = directories.computeIfAbsent(object.bucket() + "\u0000" + object.directory(), d -> new Directory());
        dir.files++;
        dir.bytes += object.size();
        if (object.size() < options.smallFileBytes()) {
            dir.smallFiles++;
        }
    }

    private long days(Instant time) {
        return Duration.between(time, options.asOf()).toDays();
    }

    private static String topLevel(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    private List<String> coldPrefixes() {
        return prefixNames(p -> !p.hot);
    }

    private List<String> hotOldPrefixes() {
        return prefixNames(p -> p.hotOld);
    }

    private List<String> prefixNames(java.util.function.Predicate<PrefixState> test) {
        TreeSet<String> names = new TreeSet<>();
        prefixes.forEach((name, state) -> {
            if (test.test(state)) {
                names.add(name.replace('\u0000', '/'));
            }
        });
        return List.copyOf(names);
    }

    private List<DirectoryFiles> smallFileDirectories() {
        List<DirectoryFiles> out = new ArrayList<>();
        directories.forEach((name, d) -> {
            long compacted = Math.max(1, (d.bytes + options.targetFileBytes() - 1) / options.targetFileBytes());
            if (d.smallFiles >= MIN_SMALL_FILES && compacted < d.files) {
                int split = name.indexOf('\u0000');
                out.add(new DirectoryFiles(name.substring(0, split), name.substring(split + 1), d.files, d.bytes,
                        d.smallFiles, compacted));
            }
        });
        out.sort(Comparator.comparingLong(DirectoryFiles::files).reversed().thenComparing(DirectoryFiles::directory));
        return out;
    }

    private List<TierSaving> savings() {
        if (hot.isEmpty()) {
            return List.of();
        }
        List<TierSaving> out = new ArrayList<>();
        for (TierPrice tier : tiers) {
            Tally below = coldHotBelow.get(tier.minObjectBytes());
            out.add(TierSaving.of(hot.get(), tier, coldHot.objects() - below.objects(), coldHot.bytes() - below.bytes(),
                    below.objects(), below.bytes()));
        }
        out.sort(Comparator.comparingDouble(TierSaving::firstYearNet).reversed());
        return out;
    }

    private static final class Directory {
        long files;
        long bytes;
        long smallFiles;
    }

    private static final class PrefixState {
        boolean hot;
        boolean hotOld;
    }
}
