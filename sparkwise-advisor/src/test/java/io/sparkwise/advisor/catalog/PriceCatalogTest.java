package io.sparkwise.advisor.catalog;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceCatalogTest {

    private static final PriceCatalog SHIPPED = PriceCatalog.shipped();
    private static final String PROVENANCE = "source: test, as_of: \"2026-11-25\", confidence: verified";

    @Test
    void instance_listedType_returnsVerifiedPriceWithSource() {
        InstanceType m5 = SHIPPED.instance(Optional.of("aws"), "m5.xlarge");

        assertThat(m5.vcpu()).isEqualTo(4);
        assertThat(m5.memoryGib()).isEqualTo(16);
        assertThat(m5.onDemandPerHour().value()).isEqualTo(0.192);
        assertThat(m5.onDemandPerHour().confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(m5.onDemandPerHour().source()).contains("karpenter");
        assertThat(m5.onDemandPerHour().asOf()).isEqualTo("2026-07-20");
        assertThat(m5.onDemandPerHour().key()).isEqualTo("instances[aws/us-east-1/m5.xlarge].on_demand_per_hour");
    }

    @Test
    void instance_awsSizeNotListed_derivedByDoublingRuleAndEstimated() {
        InstanceType m6i = SHIPPED.instance(Optional.empty(), "m6i.4xlarge");

        assertThat(m6i.vcpu()).isEqualTo(16);
        assertThat(m6i.memoryGib()).isEqualTo(64);
        assertThat(m6i.onDemandPerHour().value()).isCloseTo(0.768, within(1e-12));
        assertThat(m6i.onDemandPerHour().confidence()).isEqualTo(Confidence.ESTIMATED);
        assertThat(m6i.onDemandPerHour().note()).hasValue("derived: 4 x m6i.xlarge 0.192 by the AWS size doubling rule");
    }

    @Test
    void instance_awsLarge_isHalfTheXlarge() {
        InstanceType i3 = SHIPPED.instance(Optional.of("aws"), "i3.large");

        assertThat(i3.vcpu()).isEqualTo(2);
        assertThat(i3.memoryGib()).isEqualTo(15.25);
        assertThat(i3.localSsdGib()).isEqualTo(475);
        assertThat(i3.onDemandPerHour().value()).isCloseTo(0.156, within(1e-12));
    }

    @Test
    void instance_gcpN2_pricedByVcpuAndMemoryFormula() {
        // pricing.yaml's own example: n2-standard-4 = 4*0.031611 + 16*0.004237 = 0.194236
        InstanceType standard = SHIPPED.instance(Optional.of("gcp"), "n2-standard-4");
        // 8 * 0.031611 + 64 * 0.004237 = 0.252888 + 0.271168
        InstanceType highmem = SHIPPED.instance(Optional.empty(), "n2-highmem-8");

        assertThat(standard.memoryGib()).isEqualTo(16);
        assertThat(standard.onDemandPerHour().value()).isCloseTo(0.194236, within(1e-12));
        assertThat(highmem.memoryGib()).isEqualTo(64);
        assertThat(highmem.onDemandPerHour().value()).isCloseTo(0.524056, within(1e-12));
        assertThat(highmem.onDemandPerHour().confidence()).isEqualTo(Confidence.ESTIMATED);
        assertThat(highmem.onDemandPerHour().key()).isEqualTo("instances[gcp/us-central1/n2-highmem-8].on_demand_per_hour");
    }

    @Test
    void instance_unknownType_errorListsCloseMatches() {
        assertThatThrownBy(() -> SHIPPED.instance(Optional.of("aws"), "m6i.4xlarg"))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("unknown instance type 'm6i.4xlarg' for provider aws in the price catalog; close matches: "
                        + "m6i.4xlarge, c6i.4xlarge, m6i.24xlarge (add it with --catalog FILE, see docs/advisor.md)");
    }

    @Test
    void instance_wrongProvider_isUnknown() {
        assertThatThrownBy(() -> SHIPPED.instance(Optional.of("gcp"), "m5.xlarge"))
                .hasMessageStartingWith("unknown instance type 'm5.xlarge' for provider gcp");
    }

    @Test
    void load_userFileOverridesOneNumberAndKeepsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                instances:
                  - {provider: aws, region: us-east-1, type: m5.xlarge, on_demand_per_hour: 0.15,
                     source: "our EDP contract", as_of: "2026-11-01", confidence: verified}
                  - {provider: aws, region: us-east-1, type: x2.huge, vcpu: 64, memory_gib: 512, on_demand_per_hour: 9.5,
                     source: "our EDP contract", as_of: "2026-11-01", confidence: estimated}
                """);

        PriceCatalog catalog = PriceCatalog.load(Optional.of(file));

        InstanceType m5 = catalog.instance(Optional.of("aws"), "m5.xlarge");
        assertThat(m5.onDemandPerHour().value()).isEqualTo(0.15);
        assertThat(m5.onDemandPerHour().source()).isEqualTo("our EDP contract");
        assertThat(m5.vcpu()).isEqualTo(4);
        assertThat(catalog.instance(Optional.empty(), "x2.huge").onDemandPerHour().value()).isEqualTo(9.5);
        assertThat(SHIPPED.instance(Optional.empty(), "m5.xlarge").onDemandPerHour().value()).isEqualTo(0.192);
    }

    @Test
    void load_missingFile_isUsageError() {
        assertThatThrownBy(() -> PriceCatalog.load(Optional.of(Path.of("no/such/prices.yaml"))))
                .isInstanceOf(SparkwiseException.class)
                .hasMessage("price catalog file not found: no/such/prices.yaml")
                .extracting(e -> ((SparkwiseException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void parse_badYaml_namesFileAndLine() {
        assertThatThrownBy(() -> user("instances:\n  - {provider: aws, type: [unclosed\n"))
                .isInstanceOf(SparkwiseException.class)
                .hasMessageStartingWith("price catalog test.yaml: not valid YAML at line 3:");
    }

    @Test
    void parse_numberWithoutSource_isRejected() {
        assertThatThrownBy(() -> user("platforms:\n  - {platform: emr, fee_pct_of_on_demand: 20, as_of: \"2026-01-01\", confidence: verified}\n"))
                .hasMessage("price catalog test.yaml: platforms[emr].fee_pct_of_on_demand has no source (every number needs "
                        + "source, as_of and confidence, on its entry or as {value: ..., source: ..., as_of: ..., confidence: ...})");
    }

    @Test
    void parse_negativeNumber_isRejected() {
        assertThatThrownBy(() -> user("instances:\n  - {provider: aws, region: us-east-1, type: m5.xlarge, on_demand_per_hour: -0.2, "
                + PROVENANCE + "}\n"))
                .hasMessage("price catalog test.yaml: instances[aws/us-east-1/m5.xlarge].on_demand_per_hour is negative: -0.2 "
                        + "(prices and quantities must be >= 0)");
    }

    @Test
    void parse_entryWithoutKeyField_isRejected() {
        assertThatThrownBy(() -> user("instances:\n  - {provider: aws, type: m5.xlarge, on_demand_per_hour: 0.1, " + PROVENANCE + "}\n"))
                .hasMessage("price catalog test.yaml: instances entry 1 has no 'region' (entries of instances are named by "
                        + "[provider, region, type])");
    }

    @Test
    void parse_badConfidenceAndDate_areRejected() {
        assertThatThrownBy(() -> user("platforms:\n  - {platform: glue, per_dpu_hour: 0.4, source: x, as_of: \"2026-01-01\", confidence: sure}\n"))
                .hasMessage("price catalog test.yaml: confidence 'sure' is neither verified nor estimated");
        assertThatThrownBy(() -> user("platforms:\n  - {platform: glue, per_dpu_hour: 0.4, source: x, as_of: last week, confidence: verified}\n"))
                .hasMessage("price catalog test.yaml: as_of 'last week' is not a date yyyy-mm-dd");
    }

    @Test
    void parse_unquotedDate_isAccepted() {
        PriceCatalog catalog = user("platforms:\n  - {platform: glue, per_dpu_hour: 0.4, source: x, as_of: 2026-01-02, confidence: verified}\n");

        assertThat(catalog.platform("glue").price("per_dpu_hour").asOf()).isEqualTo("2026-01-02");
        assertThat(catalog.platform("glue").price("dpu_vcpu").value()).isEqualTo(4);
    }

    @Test
    void load_unknownSection_isRejected() {
        assertThatThrownBy(() -> user("instanecs:\n  - {name: x, price: 1, " + PROVENANCE + "}\n"))
                .hasMessageStartingWith("price catalog test.yaml: unknown section 'instanecs' (known: instances, instance_families, spot,");
    }

    @Test
    void price_absentField_errorSaysHowToAddIt() {
        assertThatThrownBy(() -> SHIPPED.platform("databricks").price("dbu_per_hour", "m5.xlarge"))
                .hasMessage("price catalog: platforms[databricks] has no 'dbu_per_hour.m5.xlarge' (add it in a catalog file "
                        + "given with --catalog; docs/advisor.md shows the format)");
    }

    @Test
    void platform_unknown_listsKnownPlatforms() {
        assertThatThrownBy(() -> SHIPPED.platform("hdinsight"))
                .hasMessage("price catalog has no platforms[hdinsight] (known: emr, emr-serverless, glue, dataproc, databricks, k8s, none)");
    }

    @Test
    void storageClass_carriesLifecycleCostsEachWithItsOwnConfidence() {
        StorageClassPrice ia = SHIPPED.storageClass("aws", "s3", "standard_ia");

        assertThat(ia.perGbMonth().value()).isEqualTo(0.0125);
        assertThat(ia.perGbMonth().confidence()).isEqualTo(Confidence.VERIFIED);
        assertThat(ia.minDays().orElseThrow().value()).isEqualTo(30);
        assertThat(ia.minObjectKib().orElseThrow().value()).isEqualTo(128);
        assertThat(ia.minAgeDaysForLifecycle().orElseThrow().value()).isEqualTo(30);
        assertThat(ia.transitionPer1000().orElseThrow().value()).isEqualTo(0.01);
        assertThat(ia.transitionPer1000().orElseThrow().confidence()).isEqualTo(Confidence.ESTIMATED);
        assertThat(SHIPPED.storageClasses("gcp", "gcs")).extracting(StorageClassPrice::storageClass)
                .containsExactly("standard", "nearline", "coldline", "archive");
    }

    @Test
    void warehouse_nestedNumbersByPath() {
        CatalogEntry snowflake = SHIPPED.warehouse("snowflake");

        assertThat(snowflake.price("credits_per_hour", "XL").value()).isEqualTo(16);
        assertThat(snowflake.price("price_per_credit", "enterprise").value()).isEqualTo(3.0);
        assertThat(snowflake.price("price_per_credit", "enterprise").confidence()).isEqualTo(Confidence.ESTIMATED);
        assertThat(SHIPPED.warehouse("bigquery").price("on_demand_per_tib_scanned").value()).isEqualTo(6.25);
    }

    @Test
    void entry_genericLookupByKey_forSectionsAddedLater() {
        assertThat(SHIPPED.entry(CatalogSections.WAREHOUSES, Map.of("warehouse", "athena")).orElseThrow()
                .price("min_mb_per_query").value()).isEqualTo(10);
        assertThat(SHIPPED.entry(CatalogSections.WAREHOUSES, Map.of("warehouse", "nope"))).isEmpty();
    }

    @Test
    void spot_byInstanceFamily() {
        CatalogEntry spot = SHIPPED.spot(SHIPPED.instance(Optional.empty(), "r6i.2xlarge"));

        assertThat(spot.price("savings_pct_low").value()).isEqualTo(55);
        assertThat(spot.price("notice_seconds").value()).isEqualTo(120);
        assertThat(SHIPPED.spot(SHIPPED.instance(Optional.empty(), "n2-standard-8")).price("interruption_pct_per_month_high").source())
                .startsWith("assumption:");
    }

    @Test
    void shipped_everyNumberHasProvenance() {
        for (String section : SHIPPED.sectionNames()) {
            for (CatalogEntry entry : SHIPPED.entries(section)) {
                assertThat(entry.prices()).as(entry.name()).isNotEmpty();
                entry.prices().values().forEach(price -> {
                    assertThat(price.source()).as(price.key()).isNotBlank();
                    assertThat(price.asOf()).as(price.key()).matches("\\d{4}-\\d{2}-\\d{2}");
                });
            }
        }
    }

    private static PriceCatalog user(String yaml) {
        return PriceCatalog.shippedOverriddenBy(new StringReader(yaml), "test.yaml");
    }
}
