package io.sparkwise.report.storage;

import io.sparkwise.decide.storage.AgeBucket;
import io.sparkwise.decide.storage.DirectoryFiles;
import io.sparkwise.decide.storage.S3StorageClass;
import io.sparkwise.decide.storage.StorageReport;
import io.sparkwise.decide.storage.Tally;
import io.sparkwise.decide.storage.TierSaving;
import io.sparkwise.decide.storage.TieringAdvice;
import io.sparkwise.report.TextTable;
import io.sparkwise.report.Units;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The storage report for the terminal: tallies, cold data, small files, savings per tier, the recommendation. */
public final class StorageText {

    /** At most this many small-file directories are listed (the JSON has them all). */
    static final int MAX_DIRECTORIES = 20;

    private StorageText() {}

    public static void render(StorageReport r, Optional<TieringAdvice> advice, PrintWriter out) {
        out.println("Storage: " + r.inventory());
        out.printf(Locale.ROOT, "As of %s: %s objects, %s%n", r.options().asOf(), Units.count(r.total().objects()),
                Units.bytes(r.total().bytes()));
        out.println();
        out.println("By storage class");
        print(out, table("class", r.byClass(), r.total()));
        out.println();
        out.println("By age (days since last write)");
        TextTable ages = new TextTable("age", "objects>", "bytes>", "share>");
        for (int i = 0; i < AgeBucket.ALL.size(); i++) {
            Tally t = r.byAge().get(i);
            ages.row(AgeBucket.ALL.get(i).label(), Units.count(t.objects()), Units.bytes(t.bytes()),
                    Units.percent(t.bytes(), r.total().bytes()));
        }
        print(out, ages);
        out.println();
        out.printf(Locale.ROOT, "Cold: not %s for %d days%n", r.readEvidence() ? "read or written" : "written", r.options().coldDays());
        if (r.cold().isEmpty()) {
            out.println("  (none)");
        } else {
            print(out, table("class", r.cold(), r.total()));
        }
        smallFiles(r, out);
        savings(r, out);
        recommendation(r, advice, out);
        out.println();
        out.println("Assumptions");
        r.assumptions().forEach(a -> out.println("  - " + a));
        out.flush();
    }

    private static TextTable table(String first, Map<S3StorageClass, Tally> tallies, Tally total) {
        TextTable t = new TextTable(first, "objects>", "bytes>", "share>");
        for (S3StorageClass c : S3StorageClass.values()) {
            Tally tally = tallies.get(c);
            if (tally != null) {
                t.row(c.name(), Units.count(tally.objects()), Units.bytes(tally.bytes()), Units.percent(tally.bytes(), total.bytes()));
            }
        }
        return t;
    }

    private static void smallFiles(StorageReport r, PrintWriter out) {
        out.println();
        List<DirectoryFiles> dirs = r.smallFileDirectories();
        out.printf(Locale.ROOT, "Small files (below %s; compaction target %s, Spark's spark.sql.files.maxPartitionBytes): %d director%s%n",
                Units.bytes(r.options().smallFileBytes()), Units.bytes(r.options().targetFileBytes()), dirs.size(),
                dirs.size() == 1 ? "y" : "ies");
        if (dirs.isEmpty()) {
            return;
        }
        TextTable t = new TextTable("directory", "files>", "small>", "bytes>", "average>", "after compaction>");
        dirs.stream().limit(MAX_DIRECTORIES).forEach(d -> t.row(d.bucket() + "/" + d.directory(), Units.count(d.files()),
                Units.count(d.smallFiles()), Units.bytes(d.bytes()), Units.bytes(d.averageFileBytes()), Units.count(d.compactedFiles())));
        print(out, t);
        if (dirs.size() > MAX_DIRECTORIES) {
            out.printf(Locale.ROOT, "  ... and %d more (--format json lists all)%n", dirs.size() - MAX_DIRECTORIES);
        }
    }

    private static void savings(StorageReport r, PrintWriter out) {
        out.println();
        if (r.savings().isEmpty()) {
            out.println("Savings: no prices for this provider in the catalog");
            return;
        }
        out.println("Moving cold STANDARD data to a colder tier (USD; GiB = 2^30 bytes)");
        TextTable t = new TextTable("tier", "moved>", "kept (too small)>", "saving/month>", "transitions (once)>",
                "first-year net>", "break-even reads/month>", "min days>");
        for (TierSaving s : r.savings()) {
            t.row(s.tier().name() + (s.tier().restoreRequired() ? " (restore)" : ""), Units.bytes(s.movedBytes()),
                    Units.count(s.keptObjects()), money(s.monthlySaving()), money(s.transitionCost()), money(s.firstYearNet()),
                    Double.isInfinite(s.breakEvenReadShare()) ? "any" : String.format(Locale.ROOT, "%.0f%%", 100 * s.breakEvenReadShare()),
                    Integer.toString(s.tier().minDays()));
        }
        print(out, t);
        out.println("  break-even reads: reading back more than this share of the moved bytes each month costs more in retrieval than the tier saves");
        out.println("  min days: data deleted or moved again sooner is still billed for this many days");
        r.savings().stream().map(s -> s.tier().name() + ": " + s.tier().citation()
                + s.tier().gap().map(g -> " (" + g + ")").orElse("")).distinct().forEach(c -> out.println("  prices " + c));
    }

    private static void recommendation(StorageReport r, Optional<TieringAdvice> advice, PrintWriter out) {
        out.println();
        if (advice.isEmpty()) {
            out.println(r.coldPrefixes().isEmpty()
                    ? "Recommendation: no top-level prefix is entirely cold, so no lifecycle rule is proposed"
                    : "Recommendation: no tier saves money on this data; no lifecycle rule is proposed");
            return;
        }
        TieringAdvice a = advice.get();
        out.printf(Locale.ROOT, "Recommendation: move %s under %d cold prefix(es) to %s after %d days: %s/month saved, "
                        + "%s first-year net after transitions%n", Units.bytes(a.saving().movedBytes()), r.coldPrefixes().size(),
                a.saving().tier().name(), a.rules().days(), money(a.saving().monthlySaving()), money(a.saving().firstYearNet()));
        out.println("  cold prefixes: " + String.join(", ", r.coldPrefixes()));
        if (!r.hotOldPrefixes().isEmpty()) {
            out.println("  kept out (old data read recently per the event logs): " + String.join(", ", r.hotOldPrefixes()));
        }
        out.println("  lifecycle rules (S3, GCS, Azure Blob): --lifecycle-dir DIR writes them; --format json includes them");
    }

    static String money(double usd) {
        return String.format(Locale.ROOT, usd != 0 && Math.abs(usd) < 0.01 ? "$%.5f" : "$%,.2f", usd);
    }

    private static void print(PrintWriter out, TextTable t) {
        t.lines("  ").forEach(out::println);
    }
}
