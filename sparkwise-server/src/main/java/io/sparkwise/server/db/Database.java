package io.sparkwise.server.db;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * The server's database, reached by plain JDBC: H2 in file mode by default, any JDBC URL whose
 * driver is on the classpath otherwise (PostgreSQL next). The schema is Flyway's migrations in
 * {@code io/sparkwise/server/db/migration}, portable SQL run unchanged on both.
 *
 * <p>Opening it migrates the schema to the newest version, so a server started on an older
 * database upgrades it in place. One connection stays open for the lifetime of this object: an H2
 * file database closes when its last connection does, and re-opening the file on every request
 * would cost more than the request.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:io/sparkwise/server/db/migration";

    /** Flyway logs every step at INFO on each start; a server's console shows its warnings only. Held: JUL keeps loggers weakly. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private final String jdbcUrl;
    private final Connection keepOpen;

    private Database(String jdbcUrl, Connection keepOpen) {
        this.jdbcUrl = jdbcUrl;
        this.keepOpen = keepOpen;
    }

    /**
     * Connects to {@code jdbcUrl} and migrates its schema.
     *
     * @throws SQLException when the database cannot be reached or a migration fails
     */
    public static Database open(String jdbcUrl) throws SQLException {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        Connection keepOpen = DriverManager.getConnection(jdbcUrl);
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, null, null)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            keepOpen.close();
            throw new SQLException("cannot migrate the database " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new Database(jdbcUrl, keepOpen);
    }

    /** A new connection, in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() throws SQLException {
        keepOpen.close();
    }
}
