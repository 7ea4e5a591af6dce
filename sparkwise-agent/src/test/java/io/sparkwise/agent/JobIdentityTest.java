package io.sparkwise.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobIdentityTest {

    @Test
    void normalize_datesRunNumbersAndIds_removed() {
        assertThat(JobIdentity.normalize("etl-orders-2026-12-07T03:00")).isEqualTo("etl-orders");
        assertThat(JobIdentity.normalize("etl-orders-20261208")).isEqualTo("etl-orders");
        assertThat(JobIdentity.normalize("nightly report run 42")).isEqualTo("nightly report run");
        assertThat(JobIdentity.normalize("ingest_3f9a1c2b7d_clicks")).isEqualTo("ingest_clicks");
        assertThat(JobIdentity.normalize("job-123e4567-e89b-12d3-a456-426614174000")).isEqualTo("job");
    }

    @Test
    void normalize_nothingLeft_aStableDefault() {
        assertThat(JobIdentity.normalize("20261207")).isEqualTo("spark-application");
        assertThat(JobIdentity.normalize("")).isEqualTo("spark-application");
    }
}
