package io.sparkwise.eventlog.source;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class LogDiscoveryErrorsTest {

    @TempDir
    Path dir;

    @Test
    void discover_missingPath_failsWithInputNotFound() {
        String path = "../shared/eventlogs/spark4/no-such-log";

        assertThatThrownBy(() -> LogDiscovery.discover(path))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessage("no such file or directory: " + path);
    }

    @Test
    void discover_directoryWithoutLogs_failsWithNotAnEventLog() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# notes\n");
        Files.createDirectory(dir.resolve("expectations"));
        Files.writeString(dir.resolve("expectations/app.json"), "{}\n");

        assertThatThrownBy(() -> LogDiscovery.discover(dir.toString()))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG))
                .hasMessage("no event logs found in " + dir);
    }

    @Test
    void discover_unreadableFile_failsWithPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path file = Files.writeString(dir.resolve("local-1"), "x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> LogDiscovery.discover(file.toString()))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessage("cannot read " + file + ": permission denied");
    }

    @Test
    void discover_unreadableSubdirectory_failsNamingIt() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every directory");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        assertThatThrownBy(() -> LogDiscovery.discover(dir.toString()))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.READ_FAILED))
                .hasMessage("cannot read " + locked + ": permission denied");
    }

    @ParameterizedTest
    @CsvSource({
            "s3a://bucket/x, s3a",
            "hdfs://namenode:8020/spark-logs/local-1, hdfs",
            "gs://bucket/logs/, gs",
            "abfs://container@account.dfs.core.windows.net/logs, abfs",
    })
    void discover_hadoopUriWithoutHadoop_failsWithUsageNamingTheFix(String uri, String scheme) {
        // The tests have Hadoop's client on their classpath (HadoopReadTest); hide it here as a
        // user's classpath without it would.
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(original) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.apache.hadoop.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        });
        try {
            assertThatThrownBy(() -> LogDiscovery.discover(uri))
                    .isInstanceOfSatisfying(SparkwiseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                    .hasMessage(uri + ": reading " + scheme + ":// paths needs Hadoop's client jars on the classpath "
                            + "(set SPARKWISE_CLASSPATH to the output of 'hadoop classpath')");
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void discover_blankPath_failsWithUsage() {
        assertThatThrownBy(() -> LogDiscovery.discover(" "))
                .isInstanceOfSatisfying(SparkwiseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("no path given: name an event log file or directory");
    }

    @Test
    void discover_missingFileUri_failsWithInputNotFound() {
        String uri = dir.resolve("gone").toUri().toString();

        assertThatThrownBy(() -> LogDiscovery.discover(uri))
                .isInstanceOfSatisfying(SparkwiseException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_NOT_FOUND))
                .hasMessage("no such file or directory: " + uri);
    }
}
