package io.sparkwise.advisor.catalog;

import java.math.BigDecimal;

/** Number formatting shared by catalog messages and derivation notes. */
public final class Prices {

    private Prices() {
    }

    /** A number without trailing zeros or exponent: 0.192, 4, 0.5. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
