package io.sparkwise.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobIdentityTest {

    @Test
    void fromName_datesRunNumbersAndIds_removed() {
        assertThat(JobIdentity.fromName("etl-orders-2026-12-07T03:00")).isEqualTo("etl-orders");
        assertThat(JobIdentity.fromName("etl-orders-20261208")).isEqualTo("etl-orders");
        assertThat(JobIdentity.fromName("etl-2026-12-01-run-42")).isEqualTo("etl-run");
        assertThat(JobIdentity.fromName("etl-2026-12-02-run-43")).isEqualTo("etl-run");
        assertThat(JobIdentity.fromName("nightly report run 42")).isEqualTo("nightly report run");
        assertThat(JobIdentity.fromName("nightly_load 3f2a9c1e7b")).isEqualTo("nightly_load");
        assertThat(JobIdentity.fromName("ingest_3f9a1c2b7d_clicks")).isEqualTo("ingest_clicks");
        assertThat(JobIdentity.fromName("job-123e4567-e89b-12d3-a456-426614174000")).isEqualTo("job");
        assertThat(JobIdentity.fromName("PythonPi-bcec39f6-201b-42b9-9251-24595baad260")).isEqualTo("PythonPi");
    }

    @Test
    void fromName_wordsOnly_keepsTheName() {
        assertThat(JobIdentity.fromName("Spark shell")).isEqualTo("Spark shell");
        assertThat(JobIdentity.fromName("decade facade")).isEqualTo("decade facade");
    }

    @Test
    void fromName_nothingButVaryingParts_keepsItsOwnText() {
        assertThat(JobIdentity.fromName("20261201")).isEqualTo("20261201");
        assertThat(JobIdentity.fromName("")).isEqualTo("spark-application");
        assertThat(JobIdentity.fromName(null)).isEqualTo("spark-application");
    }

    @Test
    void of_explicitSetting_winsUnlessBlank() {
        assertThat(JobIdentity.of(Optional.of(" orders-etl "), "etl-2026-12-01")).isEqualTo("orders-etl");
        assertThat(JobIdentity.of(Optional.of("  "), "etl-2026-12-01")).isEqualTo("etl");
        assertThat(JobIdentity.of(Optional.empty(), "etl-2026-12-01")).isEqualTo("etl");
    }
}
