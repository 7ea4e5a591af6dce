package io.sparkwise.cli;

import io.sparkwise.analysis.Severity;
import picocli.CommandLine;

import java.util.Locale;

/** The lowest finding severity that makes a command exit with {@link ExitCodes#FINDINGS}. */
public enum FailOn {
    WARNING(Severity.WARNING), CRITICAL(Severity.CRITICAL);

    private final Severity severity;

    FailOn(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** Accepts the lower-case names users type and names them in errors. */
    static final class Converter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn level : values()) {
                if (level.name().equalsIgnoreCase(value)) {
                    return level;
                }
            }
            throw new CommandLine.TypeConversionException("expected one of warning, critical but was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
