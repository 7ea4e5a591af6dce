package io.sparkwise.decide.storage.lifecycle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Ready-to-apply lifecycle rules that move the cold prefixes to one tier after {@code days}:
 * <ul>
 *   <li>S3: a lifecycle configuration per bucket, as {@code aws s3api put-bucket-lifecycle-configuration
 *       --lifecycle-configuration file://...} takes it: {@code Rules[]} of {@code ID, Filter, Status,
 *       Transitions[{Days, StorageClass}]}; objects below the tier's minimum billable size are
 *       filtered out with {@code ObjectSizeGreaterThan};</li>
 *   <li>GCS: a lifecycle file per bucket, as {@code gcloud storage buckets update --lifecycle-file}
 *       takes it: {@code lifecycle.rule[]} of {@code action{type: SetStorageClass, storageClass}} and
 *       {@code condition{age, matchesPrefix, matchesStorageClass}};</li>
 *   <li>Azure Blob: one management policy for the storage account (a bucket becomes a container):
 *       {@code rules[]} of {@code name, enabled, type: Lifecycle, definition{filters{blobTypes,
 *       prefixMatch}, actions{baseBlob{tierToCool|tierToCold|tierToArchive{daysAfterModificationGreaterThan}}}}}.</li>
 * </ul>
 *
 * @param prefixes bucket to the key prefixes to tier ("" is the whole bucket)
 * @param minObjectBytes objects smaller than this stay (S3 only: the other providers have no such filter); 0 for none
 */
public record LifecycleRules(Map<String, List<String>> prefixes, int days, LifecycleTarget target, long minObjectBytes) {

    public LifecycleRules {
        prefixes = Map.copyOf(prefixes);
        requireNonNull(target, "target is null");
        if (days < 1) {
            throw new IllegalArgumentException("days must be 1 or more: " + days);
        }
    }

    /** Groups "bucket/prefix/" names (as StorageReport.coldPrefixes lists them) by bucket. */
    public static Map<String, List<String>> byBucket(List<String> bucketPrefixes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : bucketPrefixes) {
            int slash = name.indexOf('/');
            String bucket = slash < 0 ? name : name.substring(0, slash);
            String prefix = slash < 0 ? "" : name.substring(slash + 1);
            out.computeIfAbsent(bucket, b -> new ArrayList<>()).add(prefix);
        }
        return out;
    }

    /** The S3 lifecycle configuration for one bucket. */
    public String s3(String bucket) {
        return json(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Rules");
            int n = 0;
            for (String prefix : prefixes.get(bucket)) {
                g.writeStartObject();
                g.writeStringField("ID", "sparkwise-cold-" + (++n) + (prefix.isEmpty() ? "" : "-" + prefix.replaceAll("[^A-Za-z0-9._-]", "")));
                g.writeObjectFieldStart("Filter");
                if (minObjectBytes > 0) {
                    g.writeObjectFieldStart("And");
                    g.writeStringField("Prefix", prefix);
                    g.writeNumberField("ObjectSizeGreaterThan", minObjectBytes - 1);
                    g.writeEndObject();
                } else {
                    g.writeStringField("Prefix", prefix);
                }
                g.writeEndObject();
                g.writeStringField("Status", "Enabled");
                g.writeArrayFieldStart("Transitions");
                g.writeStartObject();
                g.writeNumberField("Days", days);
                g.writeStringField("StorageClass", target.s3Class());
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The GCS lifecycle file for one bucket. */
    public String gcs(String bucket) {
        return json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("lifecycle");
            g.writeArrayFieldStart("rule");
            g.writeStartObject();
            g.writeObjectFieldStart("action");
            g.writeStringField("type", "SetStorageClass");
            g.writeStringField("storageClass", target.gcsClass());
            g.writeEndObject();
            g.writeObjectFieldStart("condition");
            g.writeNumberField("age", days);
            List<String> bucketPrefixes = prefixes.get(bucket);
            if (!bucketPrefixes.contains("")) {
                g.writeArrayFieldStart("matchesPrefix");
                for (String prefix : bucketPrefixes) {
                    g.writeString(prefix);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("matchesStorageClass");
            g.writeString("STANDARD");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The Azure Blob lifecycle management policy for the account (containers named like the buckets). */
    public String azure() {
        return json(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("rules");
            int n = 0;
            for (Map.Entry<String, List<String>> bucket : prefixes.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                g.writeStartObject();
                g.writeStringField("name", "sparkwisecold" + (++n));
                g.writeBooleanField("enabled", true);
                g.writeStringField("type", "Lifecycle");
                g.writeObjectFieldStart("definition");
                g.writeObjectFieldStart("filters");
                g.writeArrayFieldStart("blobTypes");
                g.writeString("blockBlob");
                g.writeEndArray();
                g.writeArrayFieldStart("prefixMatch");
                for (String prefix : bucket.getValue()) {
                    g.writeString(bucket.getKey() + "/" + prefix);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("actions");
                g.writeObjectFieldStart("baseBlob");
                g.writeObjectFieldStart(target.azureAction());
                g.writeNumberField("daysAfterModificationGreaterThan", days);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
