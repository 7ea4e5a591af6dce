package io.sparkwise.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, filled in by Maven into {@code version.properties}. */
public final class SparkwiseVersion {

    private static final String VERSION = load();

    private SparkwiseVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SparkwiseVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                // Running from an IDE without Maven's resource filtering.
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
