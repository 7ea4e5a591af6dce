package io.sparkwise.agent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the agent's compiled classes reference of Scala and Spark, read from their constant pools:
 * of Scala only types whose method descriptors are the same in 2.12 and 2.13 (Spark 3.5 ships
 * both), and nothing of json4s, Jetty, servlets or Spark's UI and status store, through which
 * in-driver plugins have broken on Spark upgrades before (dataflint/spark#26, #30, #71, #81).
 */
class SparkApiSurfaceTest {

    private static final Set<String> SCALA_ALLOWED = Set.of("scala/Option", "scala/Tuple2",
            "scala/collection/Iterable", "scala/collection/Iterator", "scala/Enumeration", "scala/Enumeration$Value");
    private static final List<String> FORBIDDEN = List.of("org/json4s", "org/eclipse/jetty", "org/sparkproject/jetty",
            "javax/servlet", "jakarta/servlet", "org/apache/spark/ui/", "org/apache/spark/status/",
            "org/apache/spark/internal/");

    @Test
    void mainClasses_referenceOnlyScalaTypesStableAcrossVersions_andNoUiJsonOrServlet() throws Exception {
        Set<String> scala = new TreeSet<>();
        Set<String> forbidden = new TreeSet<>();
        Pattern scalaRef = Pattern.compile("scala/[A-Za-z0-9_/$]+");
        for (Path classFile : mainClasses()) {
            String pool = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            Matcher m = scalaRef.matcher(pool);
            while (m.find()) {
                scala.add(m.group());
            }
            FORBIDDEN.stream().filter(pool::contains).forEach(f -> forbidden.add(classFile.getFileName() + ": " + f));
        }

        assertThat(scala).isNotEmpty().isSubsetOf(SCALA_ALLOWED);
        assertThat(forbidden).isEmpty();
    }

    private static List<Path> mainClasses() throws IOException, URISyntaxException {
        Path dir = Path.of(SparkEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/sparkwise/agent");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }
}
