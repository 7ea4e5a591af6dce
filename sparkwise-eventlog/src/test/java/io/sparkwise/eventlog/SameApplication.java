package io.sparkwise.eventlog;

import io.sparkwise.model.Application;
import io.sparkwise.model.Environment;
import io.sparkwise.model.Executor;
import io.sparkwise.model.Job;
import io.sparkwise.model.QuantileSketch;
import io.sparkwise.model.ReadReport;
import io.sparkwise.model.SqlExecution;
import io.sparkwise.model.TaskFailureGroup;

import java.lang.reflect.Field;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts two applications are equal, field by field, since {@link QuantileSketch} has no equals of
 * its own: sketches are compared on their whole state (counts and every bucket), by reflection.
 * Records without a sketch inside are compared with their own equals: AssertJ's generic walk is
 * quadratic in the objects it visits, a minute for the biggest corpus log's buckets and SQL metrics.
 */
final class SameApplication {

    private SameApplication() {
    }

    static void assertSame(Application actual, Application expected) {
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(SameApplication::sameSketch, QuantileSketch.class)
                .withEqualsForType(Objects::equals, Job.class)
                .withEqualsForType(Objects::equals, Executor.class)
                .withEqualsForType(Objects::equals, SqlExecution.class)
                .withEqualsForType(Objects::equals, TaskFailureGroup.class)
                .withEqualsForType(Objects::equals, Environment.class)
                .withEqualsForType(Objects::equals, ReadReport.class)
                .isEqualTo(expected);
    }

    private static boolean sameSketch(QuantileSketch a, QuantileSketch b) {
        try {
            for (Field f : QuantileSketch.class.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                if (!Objects.deepEquals(f.get(a), f.get(b))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
