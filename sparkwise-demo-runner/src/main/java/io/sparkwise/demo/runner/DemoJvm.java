package io.sparkwise.demo.runner;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How to start the demo child JVM: which java, which flags, which classpath. Spark stays out of the
 * CLI's own classpath (so {@code analyze} starts in well under a second); only this child loads it.
 *
 * <p>The launcher names two files through system properties: the demo module's runtime classpath
 * ({@code sparkwise-demo/target/classpath.txt}) and its jar. The JVM flags Spark needs come from
 * the demo jar itself ({@code io/sparkwise/demo/jvm-options.txt}, generated from the one list in
 * {@code sparkwise.demo.jvmOptions} in the parent pom.xml), so CLI and demo cannot disagree on them.
 */
public record DemoJvm(Path java, List<String> jvmOptions, String classpath, String mainClass) {

    public static final String CLASSPATH_FILE_PROPERTY = "sparkwise.demo.classpath.file";
    public static final String JAR_PROPERTY = "sparkwise.demo.jar";
    public static final String MAIN_CLASS = "io.sparkwise.demo.DemoMain";
    public static final String JVM_OPTIONS_RESOURCE = "io/sparkwise/demo/jvm-options.txt";

    /**
     * Heap for the driver (local mode: driver and executor share it) and C1-only compilation,
     * which cut CPU time by about a third on the 30 s clean scenario (measured 26 s vs 42 s user).
     */
    static final List<String> SIZING = List.of("-Xmx2g", "-XX:TieredStopAtLevel=1");

    public DemoJvm {
        requireNonNull(java, "java is null");
        jvmOptions = List.copyOf(jvmOptions);
        requireNonNull(classpath, "classpath is null");
        requireNonNull(mainClass, "mainClass is null");
    }

    /** @throws DemoException when the demo module is not built or the launcher did not name it */
    public static DemoJvm fromProperties(UnaryOperator<String> properties, String mainClass) {
        Path jar = requiredFile(properties, JAR_PROPERTY);
        Path classpathFile = requiredFile(properties, CLASSPATH_FILE_PROPERTY);
        String dependencies = read(classpathFile).trim();
        // The demo jar first, so its log4j2.properties is the one Spark's logging finds.
        String classpath = dependencies.isEmpty() ? jar.toString() : jar + File.pathSeparator + dependencies;
        Path java = Path.of(properties.apply("java.home"), "bin", "java");
        return new DemoJvm(java, readJvmOptions(jar), classpath, mainClass);
    }

    public List<String> command(List<String> demoArgs) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(SIZING);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(demoArgs);
        return command;
    }

    /** Reads the options from the demo jar, or from a classes directory in a development setup. */
    static List<String> readJvmOptions(Path jarOrDirectory) {
        if (Files.isDirectory(jarOrDirectory)) {
            return parseJvmOptions(read(jarOrDirectory.resolve(JVM_OPTIONS_RESOURCE)));
        }
        try (FileSystem jar = FileSystems.newFileSystem(jarOrDirectory)) {
            return parseJvmOptions(read(jar.getPath(JVM_OPTIONS_RESOURCE)));
        } catch (IOException e) {
            throw new DemoException("cannot open the demo jar " + jarOrDirectory + ": " + e.getMessage(), e);
        }
    }

    /** One or more flags per line, separated by white space; lines starting with '#' are comments. */
    static List<String> parseJvmOptions(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }

    private static Path requiredFile(UnaryOperator<String> properties, String property) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            throw new DemoException("the demo module is not configured: system property " + property
                    + " is not set (start sparkwise through the ./sparkwise launcher)");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new DemoException("the demo module is not built: " + path + " does not exist"
                    + " (run: mvn -B -DskipTests package)");
        }
        return path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DemoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
