package io.github.eidvn.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.eidvn.core.keys.KeyRing;

/**
 * The security audit on PostgreSQL (table {@code eid_audit_event}): append-only, each row chained to the previous by
 * SHA-256 over a canonical encoding ({@link AuditChain}), with signed checkpoints of the head
 * ({@code eid_audit_checkpoint}).
 *
 * <p>Appends are serialized by a transaction-scoped advisory lock, so the chain has one order; the consent storage
 * ({@link PostgresConsentRecords}) and the registry append in the same transaction as the change they record, so a
 * committed change always has its audit row and a rolled-back one never has.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** The advisory lock key serializing appends ("eidaudit" in ASCII). */
    private static final long LOCK = 0x6569646175646974L;

    private final DataSource dataSource;
    private final Clock clock;

    private AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * The audit of a database.
     *
     * @param database the database
     * @param clock the clock stamping checkpoints
     * @return the audit log
     */
    public static AuditLog of(EidDatabase database, Clock clock) {
        return new AuditLog(Objects.requireNonNull(database, "database").dataSource(),
                Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Appends one event in its own transaction.
     *
     * @param event the event
     * @return its sequence number, durable when this returns
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public long append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return Tx.run(dataSource, c -> append(c, event));
    }

    /** Appends inside the caller's transaction; call it last, after the change it records. */
    static long append(Connection c, AuditEvent event) throws SQLException {
        lock(c);
        long seq = 1;
        byte[] prev = AuditChain.GENESIS;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT seq, hash FROM eid_audit_event ORDER BY seq DESC LIMIT 1");
                ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getBytes(2);
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO eid_audit_event (seq, occurred_at, event_type, "
                + "subject, receipt_id, party_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, seq);
            bindRow(st, 2, event, prev);
            st.executeUpdate();
        }
        return seq;
    }

    /**
     * Binds the columns of an audit row after {@code seq}, in table order: {@code occurred_at}, {@code event_type},
     * {@code subject}, {@code receipt_id}, {@code party_id}, {@code detail}, {@code prev_hash}, {@code hash} (the
     * chain hash of the event on {@code prev}).
     *
     * @param st the statement
     * @param first the index of the {@code occurred_at} parameter
     * @param event the event
     * @param prev the previous row's hash
     * @throws SQLException when binding fails
     */
    static void bindRow(PreparedStatement st, int first, AuditEvent event, byte[] prev) throws SQLException {
        st.setObject(first, Tx.ts(event.at()));
        st.setString(first + 1, event.type());
        st.setString(first + 2, event.subject());
        st.setString(first + 3, event.receiptId());
        st.setString(first + 4, event.partyId());
        st.setString(first + 5, event.detail());
        st.setBytes(first + 6, prev);
        st.setBytes(first + 7, AuditChain.hash(prev, event));
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            st.setLong(1, LOCK);
            st.execute();
        }
    }

    /**
     * Signs the current head with the issuer's current key and stores the checkpoint.
     *
     * @param issuerKeys the issuer's keys (the current one signs)
     * @return the checkpoint JWS (publish it, or keep it outside the database), or empty when the audit is empty
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public Optional<String> checkpoint(KeyRing issuerKeys) {
        Objects.requireNonNull(issuerKeys, "issuerKeys");
        return Tx.run(dataSource, c -> {
            lock(c);
            long seq;
            byte[] head;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT seq, hash FROM eid_audit_event ORDER BY seq DESC LIMIT 1");
                    ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<String>empty();
                }
                seq = rs.getLong(1);
                head = rs.getBytes(2);
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT checkpoint_jws FROM eid_audit_checkpoint WHERE seq = ?")) {
                st.setLong(1, seq);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            java.time.Instant now = clock.instant();
            String jws = Checkpoint.sign(issuerKeys.current(), seq, head, now.getEpochSecond());
            try (PreparedStatement st = c.prepareStatement("INSERT INTO eid_audit_checkpoint (seq, head_hash, "
                    + "signed_at, checkpoint_jws) VALUES (?, ?, ?, ?)")) {
                st.setLong(1, seq);
                st.setBytes(2, head);
                st.setObject(3, Tx.ts(now));
                st.setString(4, jws);
                st.executeUpdate();
            }
            return Optional.of(jws);
        });
    }

    /**
     * Signs a checkpoint every period on an executor the caller owns (cancel the returned future, or shut the
     * executor down, to stop). A failed checkpoint is logged and retried at the next period.
     *
     * @param executor the executor
     * @param period the time between checkpoints, at least one second
     * @param issuerKeys the issuer's keys
     * @return the scheduled task
     */
    public ScheduledFuture<?> scheduleCheckpoints(ScheduledExecutorService executor, Duration period,
            KeyRing issuerKeys) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(issuerKeys, "issuerKeys");
        if (period.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the checkpoint period is at least one second");
        }
        return executor.scheduleAtFixedRate(() -> {
            try {
                checkpoint(issuerKeys);
            } catch (RuntimeException e) {
                LOG.warn("audit checkpoint failed: {}", e.getClass().getSimpleName());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "AuditLog[eid_audit_event]";
    }
}
