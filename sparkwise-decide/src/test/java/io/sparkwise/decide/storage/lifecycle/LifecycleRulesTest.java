package io.sparkwise.decide.storage.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules checked against each provider's documented structure (field names, required fields,
 * allowed values):
 * S3 PutBucketLifecycleConfiguration (LifecycleRule: ID up to 255 characters, Filter with Prefix
 * or And{Prefix, ObjectSizeGreaterThan}, Status Enabled|Disabled, Transition{Days, StorageClass in
 * GLACIER|STANDARD_IA|ONEZONE_IA|INTELLIGENT_TIERING|DEEP_ARCHIVE|GLACIER_IR}; Standard-IA not before 30 days);
 * GCS bucket resource "lifecycle.rule[]" (action{type, storageClass}, condition{age, matchesPrefix, matchesStorageClass});
 * Azure storageAccounts/managementPolicies policy (rules[] of 1 to 100, name alphanumeric up to 256 and unique,
 * type Lifecycle, definition{filters{blobTypes, prefixMatch}, actions{baseBlob{tierToCool|tierToCold|tierToArchive
 * {daysAfterModificationGreaterThan}}}}).
 */
class LifecycleRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LifecycleRules RULES = new LifecycleRules(
            LifecycleRules.byBucket(List.of("lake/archive/", "lake/warehouse/", "logs-bucket/")), 90,
            LifecycleTarget.INSTANT_ARCHIVE, 128 * 1024);

    @Test
    void byBucket_splitsBucketFromPrefix() {
        assertThat(LifecycleRules.byBucket(List.of("lake/archive/", "lake/warehouse/", "logs-bucket/")))
                .isEqualTo(Map.of("lake", List.of("archive/", "warehouse/"), "logs-bucket", List.of("")));
    }

    @Test
    void s3_followsPutBucketLifecycleConfiguration() throws IOException {
        JsonNode config = JSON.readTree(RULES.s3("lake"));

        assertThat(fieldNames(config)).containsExactly("Rules");
        List<JsonNode> rules = list(config.get("Rules"));
        assertThat(rules).hasSize(2);
        for (JsonNode rule : rules) {
            assertThat(fieldNames(rule)).containsExactlyInAnyOrder("ID", "Filter", "Status", "Transitions");
            assertThat(rule.get("ID").asText()).hasSizeLessThanOrEqualTo(255);
            assertThat(rule.get("Status").asText()).isIn("Enabled", "Disabled");
            JsonNode and = rule.get("Filter").get("And");
            assertThat(fieldNames(and)).containsExactlyInAnyOrder("Prefix", "ObjectSizeGreaterThan");
            assertThat(and.get("ObjectSizeGreaterThan").isIntegralNumber()).isTrue();
            JsonNode transition = rule.get("Transitions").get(0);
            assertThat(transition.get("Days").isInt()).isTrue();
            assertThat(transition.get("StorageClass").asText())
                    .isIn("GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR");
        }
        assertThat(rules.get(0).get("Filter").get("And").get("Prefix").asText()).isEqualTo("archive/");
        assertThat(rules.get(1).get("Filter").get("And").get("Prefix").asText()).isEqualTo("warehouse/");
        assertThat(rules.get(0).get("Filter").get("And").get("ObjectSizeGreaterThan").asLong()).isEqualTo(131_071);
        assertThat(rules.get(0).get("Transitions").get(0).get("Days").asInt()).isEqualTo(90);
        assertThat(rules.get(0).get("Transitions").get(0).get("StorageClass").asText()).isEqualTo("GLACIER_IR");
        assertThat(rules.stream().map(r -> r.get("ID").asText()).distinct()).hasSize(2);
    }

    @Test
    void s3_noMinimumSize_filtersByPrefixAlone() throws IOException {
        LifecycleRules rules = new LifecycleRules(Map.of("b", List.of("")), 180, LifecycleTarget.DEEP_ARCHIVE, 0);

        JsonNode rule = JSON.readTree(rules.s3("b")).get("Rules").get(0);

        assertThat(fieldNames(rule.get("Filter"))).containsExactly("Prefix");
        assertThat(rule.get("Filter").get("Prefix").asText()).isEmpty();
        assertThat(rule.get("Transitions").get(0).get("StorageClass").asText()).isEqualTo("DEEP_ARCHIVE");
    }

    @Test
    void gcs_followsTheBucketLifecycleResource() throws IOException {
        JsonNode file = JSON.readTree(RULES.gcs("lake"));

        assertThat(fieldNames(file)).containsExactly("lifecycle");
        JsonNode rule = file.get("lifecycle").get("rule").get(0);
        assertThat(fieldNames(rule)).containsExactlyInAnyOrder("action", "condition");
        assertThat(rule.get("action").get("type").asText()).isEqualTo("SetStorageClass");
        assertThat(rule.get("action").get("storageClass").asText()).isIn("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE")
                .isEqualTo("COLDLINE");
        assertThat(fieldNames(rule.get("condition"))).containsExactlyInAnyOrder("age", "matchesPrefix", "matchesStorageClass");
        assertThat(rule.get("condition").get("age").asInt()).isEqualTo(90);
        assertThat(list(rule.get("condition").get("matchesPrefix"))).extracting(JsonNode::asText)
                .containsExactly("archive/", "warehouse/");
        assertThat(list(rule.get("condition").get("matchesStorageClass"))).extracting(JsonNode::asText).containsExactly("STANDARD");
    }

    @Test
    void gcs_wholeBucket_hasNoPrefixCondition() throws IOException {
        JsonNode condition = JSON.readTree(RULES.gcs("logs-bucket")).get("lifecycle").get("rule").get(0).get("condition");

        assertThat(fieldNames(condition)).containsExactlyInAnyOrder("age", "matchesStorageClass");
    }

    @Test
    void azure_followsTheManagementPolicySchema() throws IOException {
        JsonNode policy = JSON.readTree(RULES.azure());

        assertThat(fieldNames(policy)).containsExactly("rules");
        List<JsonNode> rules = list(policy.get("rules"));
        assertThat(rules).hasSizeBetween(1, 100);
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode rule : rules) {
            assertThat(fieldNames(rule)).containsExactlyInAnyOrder("name", "enabled", "type", "definition");
            assertThat(rule.get("name").asText()).matches("[A-Za-z0-9]{1,256}");
            assertThat(names.add(rule.get("name").asText())).isTrue();
            assertThat(rule.get("enabled").isBoolean()).isTrue();
            assertThat(rule.get("type").asText()).isEqualTo("Lifecycle");
            JsonNode filters = rule.get("definition").get("filters");
            assertThat(list(filters.get("blobTypes"))).extracting(JsonNode::asText).containsOnly("blockBlob");
            JsonNode baseBlob = rule.get("definition").get("actions").get("baseBlob");
            assertThat(fieldNames(baseBlob)).containsExactly("tierToCold");
            assertThat(baseBlob.get("tierToCold").get("daysAfterModificationGreaterThan").asInt()).isEqualTo(90);
        }
        assertThat(list(rules.get(0).get("definition").get("filters").get("prefixMatch"))).extracting(JsonNode::asText)
                .containsExactly("lake/archive/", "lake/warehouse/");
        assertThat(list(rules.get(1).get("definition").get("filters").get("prefixMatch"))).extracting(JsonNode::asText)
                .containsExactly("logs-bucket/");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
