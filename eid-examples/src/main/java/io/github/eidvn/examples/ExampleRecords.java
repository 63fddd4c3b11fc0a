package io.github.eidvn.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.postgres.AuditChain;
import io.github.eidvn.postgres.AuditEvent;
import io.github.eidvn.postgres.AuditLog;
import io.github.eidvn.postgres.AuditSecurityEventListener;
import io.github.eidvn.postgres.EidDatabase;
import io.github.eidvn.postgres.PostgresConsentRecords;

/**
 * Where a consent example keeps its records: in memory, or, given {@code --jdbc URL}, in PostgreSQL
 * ({@code eid-postgres}): the consent receipts ({@code eid_consent_receipt}, the schema is created on an empty
 * database) and the hash-chained audit of each step ({@code eid_audit_event}), account security events included.
 *
 * <p>Close it to close the database pool. Not thread-safe (one example run).
 */
public final class ExampleRecords implements AutoCloseable {

    private final EidDatabase database;
    private final AuditLog audit;

    private ExampleRecords(EidDatabase database, Clock clock) {
        this.database = database;
        this.audit = database == null ? null : AuditLog.of(database, clock);
    }

    /**
     * Reads an example's command line: nothing, or {@code --jdbc URL}. On anything else prints the usage and ends the
     * JVM with exit code 2.
     *
     * @param args the arguments of {@code main}
     * @param example the example's class name, for the usage line
     * @return the JDBC URL, or null for memory
     */
    public static String jdbcArgument(String[] args, String example) {
        if (args.length == 2 && args[0].equals("--jdbc")) {
            return args[1];
        }
        if (args.length != 0) {
            System.err.println("Cách dùng / usage: " + example + " [--jdbc jdbc:postgresql://host/db?user=...]");
            System.exit(2);
        }
        return null;
    }

    /**
     * Opens the records of a run.
     *
     * @param jdbcUrl a PostgreSQL JDBC URL, or null to keep everything in memory
     * @param clock the clock stamping audit checkpoints
     * @return the records
     * @throws io.github.eidvn.core.spi.StateStoreException when the database cannot be reached or migrated
     */
    public static ExampleRecords open(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new ExampleRecords(jdbcUrl == null ? null : EidDatabase.open(jdbcUrl), clock);
    }

    /** @return whether the records are in PostgreSQL */
    public boolean inDatabase() {
        return database != null;
    }

    /**
     * A consent ledger builder with its storage set: PostgreSQL, or a state store in memory.
     *
     * @param clock the clock of the in-memory state store
     * @return the builder (set the references and build)
     */
    public ConsentLedger.Builder ledger(Clock clock) {
        return database == null ? ConsentLedger.builder().store(InMemoryStateStore.create(clock))
                : ConsentLedger.builder().records(PostgresConsentRecords.of(database));
    }

    /**
     * The security audit of accounts: into the audit chain in PostgreSQL too, or to the SLF4J log only.
     *
     * @param clock the clock stamping events
     * @return the audit
     */
    public SecurityAudit securityAudit(Clock clock) {
        return audit == null ? SecurityAudit.loggingOnly(clock)
                : SecurityAudit.of(clock, new AuditSecurityEventListener(audit));
    }

    /**
     * Audits a consent step the ledger does not see itself (a request shown, a refusal by the opener or the sealer);
     * nothing in memory.
     *
     * @param event what happened
     * @param at when
     * @param citizenReference the citizen's ledger reference ({@link ConsentLedger#reference})
     * @param receiptId the receipt, or ""
     * @param partyId the party
     * @param detail a short non-secret detail, or ""
     */
    public void audit(AuditEvent.Consent event, Instant at, String citizenReference, String receiptId, String partyId,
            String detail) {
        if (audit != null) {
            audit.append(AuditEvent.consent(event, at, citizenReference, receiptId, partyId, detail));
        }
    }

    /**
     * Ends a run in PostgreSQL: signs a checkpoint of the audit head with the issuer's key, walks the chain's links
     * and hashes, and prints the result as the example's last step. Nothing in memory.
     *
     * @param out where the story goes
     * @param step the number of the step to print
     * @param issuerKeys the issuer's keys
     * @return the entries of the chain, verified intact (0 in memory)
     * @throws IllegalStateException when the chain is broken
     */
    public long verifyAudit(PrintStream out, int step, KeyRing issuerKeys) {
        if (database == null) {
            return 0;
        }
        String checkpoint = audit.checkpoint(issuerKeys).orElseThrow();
        // the example's issuer key is new on every run, so checkpoints of earlier runs on the same database are not
        // its own: here the links and hashes are walked; eid audit verify --jwks checks checkpoints against a
        // deployment's long-term key
        AuditChain.Report report = AuditChain.verifyLinksOnly(database.dataSource());
        out.println();
        out.println(step + ". Hồ sơ trong PostgreSQL / Records in PostgreSQL: biên nhận và nhật ký từng bước / receipts "
                + "and the audit of each step");
        out.println("   Chuỗi nhật ký / audit chain: " + report.entries() + " mục / entries, "
                + (report.ok() ? "nguyên vẹn / intact" : "HỎNG / BROKEN: " + report.firstBroken().orElseThrow())
                + "; điểm kiểm tra đã ký / signed checkpoint " + checkpoint.length() + " ký tự / characters");
        if (!report.ok()) {
            throw new IllegalStateException("the audit chain is broken: " + report.firstBroken().orElseThrow());
        }
        return report.entries();
    }

    /** Closes the database pool (nothing in memory). */
    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "ExampleRecords[" + (database == null ? "memory" : "PostgreSQL") + "]";
    }
}
