package io.sparkwise.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code local-cluster} needs to start executor JVMs without a Spark distribution. Its
 * in-process worker builds the executor command like {@code spark-class} does: the classpath is
 * {@code $SPARK_HOME/jars/*}, and the launcher wants {@code SPARK_SCALA_VERSION}. Both are read
 * from the environment of this JVM, so whoever starts it sets {@link #ENVIRONMENT} (the CLI's
 * {@code demo} command, and surefire for the tests); this class fills {@code $SPARK_HOME/jars}
 * with links to the jars on our own classpath, and returns the class directories (tests run from
 * {@code target/classes}) for {@code spark.executor.extraClassPath}.
 */
public final class SparkHome {

    /** Variables the JVM running a local-cluster scenario needs, besides SPARK_HOME itself. */
    public static final List<String> ENVIRONMENT = List.of("SPARK_SCALA_VERSION=2.13", "SPARK_LOCAL_IP=127.0.0.1");

    private SparkHome() {}

    /**
     * Links every jar of this JVM's classpath into {@code $SPARK_HOME/jars}.
     *
     * @return the classpath entries that are not jars (class directories), joined for
     *     {@code spark.executor.extraClassPath}
     * @throws IllegalStateException when SPARK_HOME or SPARK_SCALA_VERSION is not set
     */
    static String prepare() {
        Path home = Optional.ofNullable(System.getenv("SPARK_HOME")).map(Path::of)
                .orElseThrow(() -> new IllegalStateException("local-cluster scenarios need SPARK_HOME set to a "
                        + "writable directory (run them through `sparkwise demo`, which sets it)"));
        if (System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new IllegalStateException("local-cluster scenarios need SPARK_SCALA_VERSION=2.13 in the environment");
        }
        Path jars = home.resolve("jars");
        List<String> directories = new ArrayList<>();
        try {
            Files.createDirectories(jars);
            for (String entry : classpath()) {
                Path path = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(path)) {
                    directories.add(path.toString());
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    Path link = jars.resolve(path.getFileName());
                    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + jars + " for local-cluster", e);
        }
        return String.join(File.pathSeparator, directories);
    }

    /** Surefire runs tests from a manifest-only jar and puts the real classpath in a property. */
    private static List<String> classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(classpath.split(File.pathSeparator));
    }
}
