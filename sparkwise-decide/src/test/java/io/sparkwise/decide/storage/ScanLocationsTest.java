package io.sparkwise.decide.storage;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanLocationsTest {

    @Test
    void paths_fileIndexFormats_listEveryWholePath() {
        assertThat(ScanLocations.paths("InMemoryFileIndex[s3://job-bank/repjoin/big/table_b]"))
                .containsExactly("s3://job-bank/repjoin/big/table_b");
        assertThat(ScanLocations.paths("InMemoryFileIndex(2 paths)[file:/data/a, file:/data/b]"))
                .containsExactly("file:/data/a", "file:/data/b");
        assertThat(ScanLocations.paths("PrunedInMemoryFileIndex(1 paths)[s3a://b/t/date=2024-01-01, s3a://b/t/dat...]"))
                .containsExactly("s3a://b/t/date=2024-01-01");
        assertThat(ScanLocations.paths("jdbc:postgresql://db/table")).isEmpty();
    }

    @Test
    void addTo_realDatabricksLog_datesTheS3TablesItScanned() {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover("../shared/eventlogs/spark-log-parser/databricks-rollover").get(0));
        AccessEvidence evidence = AccessEvidence.none();

        ScanLocations.addTo(evidence, app);

        assertThat(evidence.logs()).isEqualTo(1);
        assertThat(evidence.lastReads()).containsKey("job-bank/repjoin/big/table_b");
        Instant read = evidence.lastReads().get("job-bank/repjoin/big/table_b");
        // An object below the scanned table directory, named the way an S3 inventory names it.
        assertThat(evidence.lastRead("job-bank", "repjoin/big/table_b/part-00000.snappy.parquet")).contains(read);
        assertThat(evidence.lastRead("job-bank", "repjoin/big/table_c/part-00000.snappy.parquet")).isEmpty();
        assertThat(List.copyOf(evidence.lastReads().keySet())).anyMatch(p -> p.startsWith("sync-us-east-1-temp-30-days/tmp_repjoin/year=2021"));
    }
}
