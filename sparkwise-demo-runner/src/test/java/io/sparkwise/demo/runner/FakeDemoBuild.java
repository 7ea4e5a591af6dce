package io.sparkwise.demo.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A stand-in for a built sparkwise-demo: a "demo jar" directory holding only the JVM options
 * resource, and a classpath file pointing at this module's test classes, where
 * {@link EventLogEchoMain} lives.
 */
record FakeDemoBuild(Path demoJar, Path classpathFile) {

    static final String ECHO_MAIN = EventLogEchoMain.class.getName();

    /** @param extraOptions JVM options of the child, e.g. the logs the stand-in copies */
    static FakeDemoBuild in(Path dir, String extraOptions) {
        try {
            Path demoJar = Files.createDirectories(dir.resolve("demo-classes"));
            Path options = demoJar.resolve(DemoJvm.JVM_OPTIONS_RESOURCE);
            Files.createDirectories(options.getParent());
            Files.writeString(options, "# comment\n-Decho.flag=on  -Xss2m\n" + extraOptions + "\n");
            Path testClasses = Path.of(EventLogEchoMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new FakeDemoBuild(demoJar, Files.writeString(dir.resolve("classpath.txt"), testClasses + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The system properties the launcher sets. */
    Map<String, String> properties() {
        return Map.of("java.home", System.getProperty("java.home"),
                DemoJvm.JAR_PROPERTY, demoJar.toString(),
                DemoJvm.CLASSPATH_FILE_PROPERTY, classpathFile.toString());
    }

    DemoJvm jvm() {
        return DemoJvm.fromProperties(properties()::get, ECHO_MAIN);
    }
}
