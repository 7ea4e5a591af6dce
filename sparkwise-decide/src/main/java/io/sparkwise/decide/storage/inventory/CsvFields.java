package io.sparkwise.decide.storage.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits one CSV line as S3 Inventory writes it: every field in double quotes, a quote inside a
 * field doubled; unquoted fields are accepted too. Returns empty for an unterminated quote.
 */
final class CsvFields {

    private CsvFields() {}

    static Optional<List<String>> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i <= line.length()) {
            if (i == line.length()) {
                if (quoted) {
                    return Optional.empty();
                }
                fields.add(field.toString());
                break;
            }
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        return Optional.of(fields);
    }
}
