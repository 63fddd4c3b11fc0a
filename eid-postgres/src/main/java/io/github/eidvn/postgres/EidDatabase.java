package io.github.eidvn.postgres;

import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.eidvn.core.spi.StateStoreException;

/**
 * The eid records database: a PostgreSQL connection pool (HikariCP) whose schema is brought up to date by the Flyway
 * migrations shipped in this jar ({@code db/migration/eid}) when it is opened, so an empty database gets the tables
 * on first use.
 *
 * <p>Tables: {@code eid_consent_receipt}, {@code eid_audit_event}, {@code eid_audit_checkpoint},
 * {@code eid_relying_party} (and Flyway's {@code eid_schema_history}).
 *
 * <p>Thread-safe. Close it to close the pool it created.
 *
 * <p><b>Security:</b> run the application with a role that may INSERT and SELECT (and UPDATE
 * {@code eid_consent_receipt}, {@code eid_relying_party}) but does not own the tables: the audit tables' triggers
 * refuse UPDATE, DELETE and TRUNCATE, and only an owner can disable them. The JDBC URL may carry a password; it is
 * never shown by {@link #toString()}.
 */
public final class EidDatabase implements AutoCloseable {

    /** Where the migrations are in the jar. */
    public static final String MIGRATIONS = "classpath:db/migration/eid";
    /** Flyway's history table of this schema. */
    public static final String HISTORY_TABLE = "eid_schema_history";

    private final DataSource dataSource;
    private final HikariDataSource owned;

    private EidDatabase(DataSource dataSource, HikariDataSource owned) {
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /**
     * Opens a pool on a JDBC URL and migrates the schema.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example.vn:5432/eid?user=eid_app&password=...} (or the
     *     password in {@code ~/.pgpass})
     * @return the database
     * @throws StateStoreException when the database cannot be reached or migrated (the message has no URL)
     */
    public static EidDatabase open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("eid-postgres");
        config.setMaximumPoolSize(8);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new EidDatabase(pool, pool);
    }

    /**
     * Uses a data source the caller manages (and closes) and migrates the schema.
     *
     * @param dataSource a PostgreSQL data source
     * @return the database
     * @throws StateStoreException when the database cannot be reached or migrated
     */
    public static EidDatabase over(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        migrate(dataSource);
        return new EidDatabase(dataSource, null);
    }

    private static void migrate(DataSource dataSource) {
        try {
            Flyway.configure(EidDatabase.class.getClassLoader()).dataSource(dataSource).locations(MIGRATIONS)
                    .table(HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (FlywayException e) {
            throw new StateStoreException("the eid schema could not be migrated: " + e.getClass().getSimpleName(), e);
        }
    }

    /** @return the pooled data source */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the pool this database opened (a data source given to {@link #over} is left to its owner). */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return "EidDatabase[" + (owned != null ? "pool eid-postgres" : "external data source") + "]";
    }
}
