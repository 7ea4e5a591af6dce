package io.sparkwise.demo;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Generated, deterministic data. Every "random" column is a Murmur3 {@code hash} of the row id and
 * a fixed seed, so the data is the same on every run whatever the partitioning, unlike
 * {@code rand(seed)}, which depends on the partition a row lands in.
 */
public final class DemoData {

    public static final long SEED = 20_240_601L;

    static final String REGIONS = "array('EMEA', 'NA', 'LATAM', 'APAC', 'ANZ')";
    static final String SEGMENTS = "array('consumer', 'small-business', 'enterprise')";
    static final String STREETS = "array('Chestnut', 'Maple', 'Harbour', 'Station', 'Mill', 'Church', "
            + "'Victoria', 'Meadow', 'Orchard', 'Kings', 'Bridge', 'Highfield')";
    static final String STREET_TYPES = "array('Street', 'Avenue', 'Road', 'Lane', 'Boulevard')";
    static final String BUILDINGS = "array('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H')";
    static final String CITIES = "array('Springfield', 'Riverside', 'Fairview', 'Georgetown', 'Kingston', "
            + "'Ashland', 'Clinton', 'Greenville')";
    static final String INSTRUCTIONS = "array("
            + "'Leave the parcel at the reception desk; signature required for parcels above 100 EUR; "
            + "no deliveries on Sundays', "
            + "'Deliver to the loading bay at the rear of the building between 08:00 and 16:00; "
            + "call ahead for pallets', "
            + "'If nobody answers, leave the parcel with a neighbour and put a card in the letterbox; "
            + "no signature needed', "
            + "'Ring the bell twice; the entrance is on the side street; do not leave parcels outside "
            + "in the rain')";
    static final String COUNTRIES = "array('United Kingdom', 'United States', 'Ireland', 'New Zealand', "
            + "'Australia')";

    private DemoData() {}

    /** {@code customer_id, name, region, segment}. */
    public static Dataset<Row> customers(SparkSession spark, long count, int partitions) {
        return spark.range(0, count, 1, partitions).selectExpr(
                "id AS customer_id",
                "concat('customer-', id) AS name",
                pick(REGIONS, 5, "id", 1) + " AS region",
                pick(SEGMENTS, 3, "id", 2) + " AS segment");
    }

    /**
     * {@code order_id, customer_id, amount, order_date}. A {@code hotShare} of the orders (0 to 1)
     * goes to customer 0, which makes a join on {@code customer_id} skewed; 0 spreads orders evenly.
     */
    public static Dataset<Row> orders(SparkSession spark, long count, long customers, double hotShare,
            int partitions) {
        long hotPerMille = Math.round(hotShare * 1000);
        return spark.range(0, count, 1, partitions).selectExpr(
                "id AS order_id",
                "CASE WHEN " + uniform("id", 3, 1000) + " < " + hotPerMille + " THEN 0L"
                        + " ELSE " + uniform("id", 4, customers) + " END AS customer_id",
                "CAST(" + uniform("id", 5, 100_000) + " AS DECIMAL(12, 2)) / 100 AS amount",
                "date_add(DATE'2024-01-01', CAST(" + uniform("id", 6, 366) + " AS INT)) AS order_date");
    }

    /**
     * {@code customer_id, address, instructions}: the customers' saved delivery addresses, one per
     * customer ({@code 0} to {@code customers - 1}), plus {@code extraForCustomerZero} more for
     * customer 0 (an account with several warehouses), each with one of a few standard delivery
     * instructions.
     */
    public static Dataset<Row> addresses(SparkSession spark, long customers, int extraForCustomerZero,
            int partitions) {
        return spark.range(0, customers + extraForCustomerZero, 1, partitions).selectExpr(
                "CASE WHEN id < " + customers + " THEN id ELSE 0L END AS customer_id",
                address("id") + " AS address",
                pick(INSTRUCTIONS, 4, "id", 22) + " AS instructions");
    }

    /**
     * A SQL expression for a postal address of 60 to 80 characters, e.g. {@code 4417 Chestnut
     * Avenue, Building C, Floor 12, Springfield 04213, United Kingdom}, a function of the column.
     * Two hashes cut into digits rather than one hash per part: data generation is part of every
     * demo run's time.
     */
    public static String address(String column) {
        String street = "pmod(hash(" + column + ", " + (SEED + 20) + "L), 2147483647)";
        String city = "pmod(hash(" + column + ", " + (SEED + 21) + "L), 2147483647)";
        return "concat(" + digits(street, 1, 9_900) + " + 100, ' ', "
                + element(STREETS, digits(street, 9_900, 12)) + ", ' ', "
                + element(STREET_TYPES, digits(street, 9_900 * 12, 5)) + ", ', Building ', "
                + element(BUILDINGS, digits(street, 9_900 * 12 * 5, 8)) + ", ', Floor ', "
                + digits(street, 9_900 * 12 * 5 * 8, 30) + " + 1, ', ', "
                + element(CITIES, digits(city, 1, 8)) + ", ' ', lpad(CAST(" + digits(city, 8, 100_000)
                + " AS STRING), 5, '0'), ', ', " + element(COUNTRIES, digits(city, 800_000, 5)) + ")";
    }

    /** {@code (hash div unit) mod bound}: one "digit" of a hash, in {@code [0, bound)}. */
    private static String digits(String hash, long unit, long bound) {
        return "pmod(" + hash + " div " + unit + ", " + bound + ")";
    }

    private static String element(String array, String zeroBasedIndex) {
        return "element_at(" + array + ", CAST(" + zeroBasedIndex + " + 1 AS INT))";
    }

    /** A SQL expression uniform in {@code [0, bound)}, from the column and a per-column salt. */
    public static String uniform(String column, int salt, long bound) {
        return "pmod(hash(" + column + ", " + (SEED + salt) + "L), " + bound + ")";
    }

    /** A SQL expression for one element of a SQL array literal of {@code size} elements, uniform per salt. */
    public static String pick(String array, int size, String column, int salt) {
        return element(array, uniform(column, salt, size));
    }
}
