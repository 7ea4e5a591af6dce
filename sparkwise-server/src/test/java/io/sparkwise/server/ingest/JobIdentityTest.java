package io.sparkwise.server.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobIdentityTest {

    @Test
    void fromName_datesIdsAndHashesDiffer_givesOneKey() {
        assertThat(JobIdentity.fromName("etl-2026-12-01-run-42")).isEqualTo("etl-run");
        assertThat(JobIdentity.fromName("etl-2026-12-02-run-43")).isEqualTo("etl-run");
        assertThat(JobIdentity.fromName("nightly_load 3f2a9c1e7b")).isEqualTo("nightly_load");
        assertThat(JobIdentity.fromName("PythonPi-bcec39f6-201b-42b9-9251-24595baad260")).isEqualTo("PythonPi");
    }

    @Test
    void fromName_wordsOnly_keepsTheName() {
        assertThat(JobIdentity.fromName("Spark shell")).isEqualTo("Spark shell");
        assertThat(JobIdentity.fromName("decade facade")).isEqualTo("decade facade");
    }

    @Test
    void fromName_nothingButNumbers_keepsTheName() {
        assertThat(JobIdentity.fromName("20261201")).isEqualTo("20261201");
    }
}
