package io.sparkwise.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The JVM flags Spark 4 needs on Java 17, from {@code io/sparkwise/demo/jvm-options.txt} (generated
 * from the pom property), for the executor JVMs of local-cluster scenarios.
 */
final class JvmOptions {

    private static final String RESOURCE = "/io/sparkwise/demo/jvm-options.txt";

    private JvmOptions() {}

    static String asString() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the demo classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.joining(" "))
                    .replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
