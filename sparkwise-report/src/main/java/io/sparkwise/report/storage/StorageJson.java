package io.sparkwise.report.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sparkwise.decide.storage.AgeBucket;
import io.sparkwise.decide.storage.DirectoryFiles;
import io.sparkwise.decide.storage.S3StorageClass;
import io.sparkwise.decide.storage.StorageReport;
import io.sparkwise.decide.storage.Tally;
import io.sparkwise.decide.storage.TierSaving;
import io.sparkwise.decide.storage.TieringAdvice;
import io.sparkwise.report.JsonDocument;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/** The storage report as JSON (schema in docs/json.md, "storage"). */
public final class StorageJson {

    public static final int SCHEMA_VERSION = 1;

    private StorageJson() {}

    public static void render(StorageReport r, Optional<TieringAdvice> advice, Writer out) throws IOException {
        JsonDocument.write(out, g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("inventory", r.inventory());
            g.writeStringField("asOf", r.options().asOf().toString());
            g.writeNumberField("coldDays", r.options().coldDays());
            g.writeBooleanField("readEvidence", r.readEvidence());
            tally(g, "total", r.total());
            tallies(g, "byStorageClass", r.byClass());
            g.writeArrayFieldStart("byAge");
            for (int i = 0; i < AgeBucket.ALL.size(); i++) {
                AgeBucket b = AgeBucket.ALL.get(i);
                g.writeStartObject();
                g.writeNumberField("fromDays", b.fromDays());
                if (b.toDays() != Long.MAX_VALUE) {
                    g.writeNumberField("toDays", b.toDays());
                }
                g.writeNumberField("objects", r.byAge().get(i).objects());
                g.writeNumberField("bytes", r.byAge().get(i).bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            tallies(g, "cold", r.cold());
            strings(g, "coldPrefixes", r.coldPrefixes());
            strings(g, "hotOldPrefixes", r.hotOldPrefixes());
            g.writeNumberField("smallFileBytes", r.options().smallFileBytes());
            g.writeNumberField("targetFileBytes", r.options().targetFileBytes());
            g.writeArrayFieldStart("smallFileDirectories");
            for (DirectoryFiles d : r.smallFileDirectories()) {
                g.writeStartObject();
                g.writeStringField("bucket", d.bucket());
                g.writeStringField("directory", d.directory());
                g.writeNumberField("files", d.files());
                g.writeNumberField("smallFiles", d.smallFiles());
                g.writeNumberField("bytes", d.bytes());
                g.writeNumberField("filesAfterCompaction", d.compactedFiles());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("savings");
            for (TierSaving s : r.savings()) {
                saving(g, s);
            }
            g.writeEndArray();
            if (advice.isPresent()) {
                recommendation(g, advice.get());
            }
            strings(g, "assumptions", r.assumptions());
            g.writeEndObject();
        });
    }

    private static void saving(JsonGenerator g, TierSaving s) throws IOException {
        g.writeStartObject();
        g.writeStringField("tier", s.tier().name());
        g.writeBooleanField("restoreRequired", s.tier().restoreRequired());
        g.writeNumberField("movedObjects", s.movedObjects());
        g.writeNumberField("movedBytes", s.movedBytes());
        g.writeNumberField("keptObjects", s.keptObjects());
        g.writeNumberField("keptBytes", s.keptBytes());
        g.writeNumberField("monthlySavingUsd", s.monthlySaving());
        g.writeNumberField("transitionCostUsd", s.transitionCost());
        g.writeNumberField("firstYearNetUsd", s.firstYearNet());
        if (!Double.isInfinite(s.breakEvenReadShare())) {
            g.writeNumberField("breakEvenReadShare", s.breakEvenReadShare());
        }
        g.writeNumberField("minStorageDays", s.tier().minDays());
        g.writeStringField("priceSource", s.tier().citation());
        g.writeEndObject();
    }

    private static void recommendation(JsonGenerator g, TieringAdvice a) throws IOException {
        g.writeObjectFieldStart("recommendation");
        g.writeStringField("tier", a.saving().tier().name());
        g.writeNumberField("days", a.rules().days());
        g.writeObjectFieldStart("lifecycle");
        g.writeObjectFieldStart("s3");
        for (String bucket : a.rules().prefixes().keySet().stream().sorted().toList()) {
            g.writeFieldName(bucket);
            g.writeRawValue(a.rules().s3(bucket));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("gcs");
        for (String bucket : a.rules().prefixes().keySet().stream().sorted().toList()) {
            g.writeFieldName(bucket);
            g.writeRawValue(a.rules().gcs(bucket));
        }
        g.writeEndObject();
        g.writeFieldName("azure");
        g.writeRawValue(a.rules().azure());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void tally(JsonGenerator g, String name, Tally t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("objects", t.objects());
        g.writeNumberField("bytes", t.bytes());
        g.writeEndObject();
    }

    private static void tallies(JsonGenerator g, String name, Map<S3StorageClass, Tally> tallies) throws IOException {
        g.writeObjectFieldStart(name);
        for (S3StorageClass c : S3StorageClass.values()) {
            if (tallies.containsKey(c)) {
                tally(g, c.name(), tallies.get(c));
            }
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
