package io.sparkwise.decide.run;

import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Throughputs measured by the crossover benchmark ({@code bench/crossover.sh}, table in
 * docs/decide.md): Parquet bytes of the fact table processed per core-second, per engine and
 * query shape, at the largest size measured. Predictions scale them linearly with cores, an
 * assumption every output prints (the benchmark ran on 2 cores; embedded engines scale well but
 * not perfectly past one socket).
 */
public record EngineCurves(Properties values) {

    public static EngineCurves shipped() {
        Properties p = new Properties();
        try (InputStream in = EngineCurves.class.getResourceAsStream("crossover.properties")) {
            if (in == null) {
                throw new IllegalStateException("crossover.properties missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineCurves(p);
    }

    /** Parquet bytes per core-second of {@code engine} (duckdb, spark) on {@code shape}. */
    public double bytesPerCoreSecond(String engine, QueryShape shape) {
        String key = engine + "." + shape.name().toLowerCase(java.util.Locale.ROOT) + ".bytesPerCoreSecond";
        String v = values.getProperty(key);
        if (v == null) {
            throw new SparkwiseException(ErrorCode.USAGE, "no measured curve for " + key);
        }
        return Double.parseDouble(v);
    }

    /** Seconds the benchmark predicts {@code engine} needs for {@code bytes} on {@code cores} cores. */
    public double seconds(String engine, QueryShape shape, long bytes, double cores) {
        return bytes / (bytesPerCoreSecond(engine, shape) * cores);
    }

    /** Where the numbers come from, printed with every prediction. */
    public String source() {
        return values.getProperty("source", "bench/crossover.sh");
    }
}
