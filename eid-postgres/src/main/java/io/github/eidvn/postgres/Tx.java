package io.github.eidvn.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.github.eidvn.core.spi.StateStoreException;

/** One transaction: commit when the body returns, roll back when it throws; serialization failures are retried. */
final class Tx {

    private static final int ATTEMPTS = 5;

    @FunctionalInterface
    interface Body<T> {
        T run(Connection c) throws SQLException;
    }

    private Tx() {
    }

    static <T> T run(DataSource dataSource, Body<T> body) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = body.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                String state = e.getSQLState();
                if (!"40001".equals(state) && !"40P01".equals(state)) {
                    break;
                }
            }
        }
        throw new StateStoreException("database error " + (last == null ? "" : last.getSQLState()) + ": "
                + (last == null ? "" : last.getMessage()), last);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it ends the transaction
        }
    }

    static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof OffsetDateTime) {
            return ((OffsetDateTime) column).toInstant();
        }
        if (column instanceof Timestamp) {
            return ((Timestamp) column).toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + column.getClass().getName());
    }
}
