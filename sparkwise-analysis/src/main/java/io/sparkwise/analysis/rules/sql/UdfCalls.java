package io.sparkwise.analysis.rules.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Scala/Java UDF calls in an expression as Spark prints it in a plan. An unnamed UDF prints
 * as {@code UDF(col#1)} (Spark 2: {@code UDF:name(...)}); one registered by name prints under its
 * name, {@code is_q4(order_date#3)}, like a built-in function. So a call counts as a UDF when its
 * name is not one of Spark's built-in functions nor an internal expression Spark prints in plans,
 * and its arguments reference a column ({@code #id}), which keeps string literals that happen to
 * contain parentheses out.
 */
final class UdfCalls {

    private static final String FUNCTIONS_RESOURCE = "/io/sparkwise/analysis/spark-functions.txt";

    /**
     * Expressions Spark prints by class-like names that are not registered functions (seen in
     * plans of the corpus and in Spark's source): string predicates, decimal and float
     * normalization, pruning, codegen wrappers, and names of older Spark versions.
     */
    private static final Set<String> INTERNAL = Set.of("startswith", "endswith", "contains", "like", "rlike",
            "knownfloatingpointnormalized", "normalizenanandzero", "dynamicpruningexpression", "dynamicpruning",
            "staticinvoke", "invoke", "newinstance", "might_contain", "promote_precision", "checkoverflow",
            "check_overflow", "make_decimal", "makedecimal", "unscaledvalue", "knownnotnull", "knownnullable",
            "assertnotnull", "precisetimestampconversion", "timewindow", "specifiedwindowframe",
            "windowspecdefinition", "input_file_block_start", "input_file_block_length", "scalarsubquery",
            "exists", "listquery", "outer", "lambdafunction", "namedlambdavariable", "cast", "ansi_cast",
            "try_cast", "in", "inset", "not", "and", "or", "isnull", "isnotnull", "coalesce", "if", "case",
            "interval", "subtractdates", "subtracttimestamps", "timeadd", "dateadd", "datesub", "dateaddinterval",
            "timestampaddymninterval", "timestampadd", "multiply_ym_interval", "multiply_dt_interval",
            "divide_ym_interval", "divide_dt_interval", "bloom_filter_agg", "rand", "randn", "hash", "xxhash64",
            "named_struct", "struct", "getstructfield", "getarrayitem", "getmapvalue", "element_at",
            "extractvalue", "unresolvedextractvalue", "pythonudf", "scalaudf", "udf");

    private static final Set<String> BUILT_IN = load();
    private static final Pattern CALL = Pattern.compile("(?<![\\w.#$])([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Pattern COLUMN = Pattern.compile("#\\d");

    private UdfCalls() {
    }

    /** The first UDF call in {@code expression}: "UDF" for an unnamed one, else its name. */
    static Optional<String> first(String expression) {
        if (expression.contains("UDF(") || expression.contains("UDF:")) {
            return Optional.of("UDF");
        }
        Matcher m = CALL.matcher(expression);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // RAPIDS prints its GPU versions of built-ins by class name: gpuisnotnull, gpustringtrim.
            if (!BUILT_IN.contains(name) && !INTERNAL.contains(name) && !name.startsWith("gpu")
                    && COLUMN.matcher(arguments(expression, m.end())).find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The text between the '(' before {@code from} and its matching ')'. */
    private static String arguments(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = UdfCalls.class.getResourceAsStream(FUNCTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FUNCTIONS_RESOURCE + " is missing");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            for (String line : lines) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FUNCTIONS_RESOURCE, e);
        }
        return Set.copyOf(names);
    }
}
