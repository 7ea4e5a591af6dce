package io.sparkwise.cli;

import io.sparkwise.report.ReportFormat;
import picocli.CommandLine;

/** {@code --format text|json}: the report module's names, its message on a bad one. */
final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat> {

    @Override
    public ReportFormat convert(String value) {
        try {
            return ReportFormat.fromName(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
