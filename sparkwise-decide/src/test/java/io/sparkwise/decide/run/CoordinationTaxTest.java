package io.sparkwise.decide.run;

import io.sparkwise.eventlog.EventLogReader;
import io.sparkwise.model.Application;
import io.sparkwise.model.Job;
import io.sparkwise.model.JobStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinationTaxTest {

    static Job job(int id, long from, long to) {
        return new Job(id, "job " + id, Optional.empty(), OptionalLong.of(from), OptionalLong.of(to), List.of(), Optional.empty(),
                List.of(), JobStatus.SUCCEEDED, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), OptionalLong.empty(), Optional.empty());
    }

    @Test
    void driverGaps_overlappingAndSeparateJobs_countOnlyUncoveredTime() {
        List<Job> jobs = List.of(job(0, 100, 300), job(1, 200, 400), job(2, 600, 700));

        // Covered: [100, 400] and [600, 700] = 400 ms of a 1000 ms run: 600 ms with no job.
        assertThat(CoordinationTax.driverGaps(jobs, 1000)).isEqualTo(600);
    }

    @Test
    void of_realSpark4Log_splitsAllocatedCoreTime() {
        EventLogReader reader = new EventLogReader();
        Application app = reader.read(reader.discover("../shared/eventlogs/spark4/plain/local-1795562771711").get(0));

        CoordinationTax tax = CoordinationTax.of(app);

        assertThat(tax.wallMs()).isEqualTo(app.info().duration());
        assertThat(tax.workCoreMs() + tax.fetchWaitCoreMs() + tax.taskStartupCoreMs() + tax.idleCoreMs()).isEqualTo(tax.allocatedCoreMs());
        assertThat(tax.driverGapMs()).isBetween(1L, tax.wallMs());
        assertThat(QueryShape.of(app)).isNotNull();
    }
}
