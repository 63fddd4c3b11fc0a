package io.github.eidvn.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceipt;
import io.github.eidvn.core.consent.ConsentRecord;
import io.github.eidvn.core.consent.ConsentRecords;
import io.github.eidvn.core.consent.ReceiptState;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * Consent receipts as legal records in PostgreSQL (table {@code eid_consent_receipt}): the storage of a
 * {@link ConsentLedger} ({@code ConsentLedger.builder().records(PostgresConsentRecords.of(db))}), with the audit of
 * every step in the same transaction ({@code consent.granted}, {@code consent.withdrawn}, {@code consent.opened},
 * {@code consent.refused}).
 *
 * <ul>
 *   <li>A grant is committed before {@link #insert} returns {@code RECORDED}: acknowledged means durable.</li>
 *   <li>Grants for one citizen are serialized by a transaction-scoped advisory lock on the citizen's reference,
 *       so the per-citizen bound holds under concurrency.</li>
 *   <li>An opening reads the row {@code FOR SHARE} and a withdrawal {@code FOR UPDATE}: they exclude each other,
 *       so an opening is decided once, before or after the withdrawal, and the audit chain shows that order.</li>
 *   <li>Rows whose {@code keep_until} has passed are ignored (gone); {@link #purge} deletes them.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class PostgresConsentRecords implements ConsentRecords {

    private static final String COLUMNS = "receipt_id, owner_ref, party_id, purpose_code, granted_at, expires_at, "
            + "keep_until, receipt_claims, receipt_jws, withdrawn_at";

    private final DataSource dataSource;

    private PostgresConsentRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The receipts of a database.
     *
     * @param database the database
     * @return the storage
     */
    public static PostgresConsentRecords of(EidDatabase database) {
        return new PostgresConsentRecords(Objects.requireNonNull(database, "database").dataSource());
    }

    @Override
    public ConsentLedger.RecordOutcome insert(ConsentRecord record, int maxPerCitizen, Instant now) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(now, "now");
        return Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended('eid_consent_owner:' || ?, 0))")) {
                st.setString(1, record.owner());
                st.execute();
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT 1 FROM eid_consent_receipt WHERE receipt_id = ?")) {
                st.setString(1, record.receiptId());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return ConsentLedger.RecordOutcome.ALREADY_RECORDED;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT count(*) FROM eid_consent_receipt WHERE owner_ref = ? AND keep_until > ?")) {
                st.setString(1, record.owner());
                st.setObject(2, Tx.ts(now));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= maxPerCitizen) {
                        AuditLog.append(c, AuditEvent.consent(AuditEvent.Consent.REFUSED, now, record.owner(),
                                record.receiptId(), record.partyId(), "citizen_limit_reached"));
                        return ConsentLedger.RecordOutcome.CITIZEN_LIMIT_REACHED;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO eid_consent_receipt (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                st.setString(1, record.receiptId());
                st.setString(2, record.owner());
                st.setString(3, record.partyId());
                st.setString(4, record.purposeCode());
                st.setObject(5, Tx.ts(record.grantedAt()));
                st.setObject(6, Tx.ts(record.expiresAt()));
                st.setObject(7, Tx.ts(record.keepUntil()));
                st.setString(8, record.claimsJson());
                st.setString(9, record.compactJws());
                st.executeUpdate();
            }
            AuditLog.append(c, AuditEvent.consent(AuditEvent.Consent.GRANTED, now, record.owner(),
                    record.receiptId(), record.partyId(), "purpose=" + record.purposeCode()));
            return ConsentLedger.RecordOutcome.RECORDED;
        });
    }

    @Override
    public Optional<ConsentRecord> find(String receiptId, Instant now) {
        return Tx.run(dataSource, c -> select(c, receiptId, now, ""));
    }

    @Override
    public Optional<ConsentRecord> findForOpening(String receiptId, String partyId, Instant now) {
        Objects.requireNonNull(partyId, "partyId");
        return Tx.run(dataSource, c -> {
            Optional<ConsentRecord> r = select(c, receiptId, now, " FOR SHARE");
            ReceiptState.Status status = r.map(x -> x.statusFor(partyId, now)).orElse(ReceiptState.Status.UNKNOWN);
            String subject = r.filter(x -> x.partyId().equals(partyId)).map(ConsentRecord::owner).orElse("-");
            AuditLog.append(c, status == ReceiptState.Status.ACTIVE
                    ? AuditEvent.consent(AuditEvent.Consent.OPENED, now, subject, receiptId, partyId, "")
                    : AuditEvent.consent(AuditEvent.Consent.REFUSED, now, subject, receiptId, partyId,
                            "receipt_" + status.name().toLowerCase(Locale.ROOT)));
            return r;
        });
    }

    @Override
    public List<ConsentRecord> listByOwner(String owner, Instant now) {
        Objects.requireNonNull(owner, "owner");
        return list("owner_ref", owner, now);
    }

    /**
     * The kept receipts given to a party, oldest first (for the party's records and for {@code eid ledger list}).
     *
     * @param partyId the party
     * @param now the time
     * @return the records
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public List<ConsentRecord> listByParty(String partyId, Instant now) {
        Objects.requireNonNull(partyId, "partyId");
        return list("party_id", partyId, now);
    }

    private List<ConsentRecord> list(String column, String value, Instant now) {
        Objects.requireNonNull(now, "now");
        return Tx.run(dataSource, c -> {
            List<ConsentRecord> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM eid_consent_receipt WHERE "
                    + column + " = ? AND keep_until > ? ORDER BY granted_at, row_id")) {
                st.setString(1, value);
                st.setObject(2, Tx.ts(now));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return Collections.unmodifiableList(out);
        });
    }

    @Override
    public ConsentLedger.WithdrawOutcome withdraw(String receiptId, String owner, Instant now) {
        Objects.requireNonNull(owner, "owner");
        return Tx.run(dataSource, c -> {
            Optional<ConsentRecord> found = select(c, receiptId, now, " FOR UPDATE");
            if (found.isEmpty() || !found.get().owner().equals(owner)) {
                return ConsentLedger.WithdrawOutcome.NOT_FOUND;
            }
            ConsentRecord r = found.get();
            if (r.withdrawnAt().isPresent()) {
                return ConsentLedger.WithdrawOutcome.ALREADY_WITHDRAWN;
            }
            if (!now.isBefore(r.expiresAt())) {
                return ConsentLedger.WithdrawOutcome.EXPIRED;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "UPDATE eid_consent_receipt SET withdrawn_at = ? WHERE receipt_id = ?")) {
                st.setObject(1, Tx.ts(now));
                st.setString(2, receiptId);
                st.executeUpdate();
            }
            AuditLog.append(c, AuditEvent.consent(AuditEvent.Consent.WITHDRAWN, now, owner, receiptId, r.partyId(),
                    ""));
            return ConsentLedger.WithdrawOutcome.WITHDRAWN;
        });
    }

    /**
     * A citizen's answer to a request under Nghị định 13/2023/NĐ-CP (the data subject's right to be informed and to
     * access): every kept receipt of the citizen, as {@link ConsentLedger#export} gives it, and the audit history of
     * their consents: who asked, who was granted, who opened the data and when, what was refused, when it was
     * withdrawn. Read in one snapshot. Contains no personal number and nothing about other citizens: the history is
     * the {@code consent.*} events whose subject is the citizen's reference, and the refused openings of the citizen's
     * receipts by another party (subject {@code "-"}); account events are left out.
     *
     * <pre>{@code {"legal_basis":"Nghị định 13/2023/NĐ-CP","generated_at":"2026-12-04T15:00:00Z",
     *  "citizen_reference":"...43 characters...",
     *  "consents":[                                  // newest first
     *    {"receipt_id":"...","party_id":"vcb-bank","purpose":"bank-ekyc","status":"ACTIVE|WITHDRAWN|EXPIRED",
     *     "granted_at":"...","expires_at":"...","withdrawn_at":null|"...",
     *     "receipt":{...claims...},"receipt_jws":"..."}],
     *  "history":[                                   // oldest first, in the audit chain's order
     *    {"seq":12,"at":"2026-12-04T14:00:00.123456Z","event":"consent.opened","party_id":"vcb-bank",
     *     "receipt_id":"...","detail":""}]}}</pre>
     *
     * {@code event} is {@code consent.requested}, {@code .granted}, {@code .opened}, {@code .withdrawn} or
     * {@code .refused} (then {@code detail} says why, e.g. {@code receipt_withdrawn}, {@code open_replayed});
     * {@code seq} is the event's place in the audit chain, which {@link AuditChain#verify} checks. Receipts past
     * their retention are gone ({@link #purge}); their history stays.
     *
     * @param citizenReference the citizen's ledger reference ({@link ConsentLedger#reference}), never the personal
     *     number
     * @param now the time (the state of each receipt, {@code generated_at})
     * @return the JSON text (UTF-8)
     * @throws IllegalArgumentException when the reference is empty or longer than 128 characters
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails or a stored receipt is unreadable
     */
    public String export(String citizenReference, Instant now) {
        Objects.requireNonNull(citizenReference, "citizenReference");
        Objects.requireNonNull(now, "now");
        if (citizenReference.isEmpty() || citizenReference.length() > 128) {
            throw new IllegalArgumentException("a ledger reference is 1 to 128 characters");
        }
        return Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")) {
                st.execute();
            }
            List<Object> consents = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM eid_consent_receipt WHERE "
                    + "owner_ref = ? AND keep_until > ? ORDER BY granted_at DESC, row_id DESC")) {
                st.setString(1, citizenReference);
                st.setObject(2, Tx.ts(now));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        consents.add(exported(row(rs), now));
                    }
                }
            }
            List<Object> history = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT seq, occurred_at, event_type, party_id, "
                    + "receipt_id, detail FROM eid_audit_event WHERE event_type LIKE 'consent.%' AND (subject = ? "
                    + "OR (subject = '-' AND receipt_id IN (SELECT receipt_id FROM eid_consent_receipt "
                    + "WHERE owner_ref = ?))) ORDER BY seq")) {
                st.setString(1, citizenReference);
                st.setString(2, citizenReference);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("seq", rs.getLong(1));
                        e.put("at", AuditChain.format(Tx.instant(rs.getObject(2, OffsetDateTime.class))));
                        e.put("event", rs.getString(3));
                        e.put("party_id", rs.getString(4));
                        e.put("receipt_id", rs.getString(5));
                        e.put("detail", rs.getString(6));
                        history.add(e);
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("legal_basis", ConsentReceipt.LEGAL_BASIS);
            out.put("generated_at", now.toString());
            out.put("citizen_reference", citizenReference);
            out.put("consents", consents);
            out.put("history", history);
            return Json.write(out);
        });
    }

    private static Map<String, Object> exported(ConsentRecord r, Instant now) {
        Map<String, Object> claims = Json.parseObject(r.claimsJson());
        if (claims == null) {
            throw new StateStoreException("the stored receipt " + r.receiptId() + " is not a JSON object", null);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("receipt_id", r.receiptId());
        c.put("party_id", r.partyId());
        c.put("purpose", r.purposeCode());
        c.put("status", r.statusFor(r.partyId(), now).name());
        c.put("granted_at", r.grantedAt().toString());
        c.put("expires_at", r.expiresAt().toString());
        c.put("withdrawn_at", r.withdrawnAt().map(Instant::toString).orElse(null));
        c.put("receipt", claims);
        c.put("receipt_jws", r.compactJws());
        return c;
    }

    /**
     * Deletes the receipts whose retention has ended ({@code keep_until} not after {@code now}); their audit rows
     * stay (they hold no receipt content).
     *
     * @param now the time
     * @return how many were deleted
     * @throws io.github.eidvn.core.spi.StateStoreException when the database fails
     */
    public int purge(Instant now) {
        Objects.requireNonNull(now, "now");
        return Tx.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM eid_consent_receipt WHERE keep_until <= ?")) {
                st.setObject(1, Tx.ts(now));
                return st.executeUpdate();
            }
        });
    }

    private static Optional<ConsentRecord> select(Connection c, String receiptId, Instant now, String lock)
            throws SQLException {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(now, "now");
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                + " FROM eid_consent_receipt WHERE receipt_id = ? AND keep_until > ?" + lock)) {
            st.setString(1, receiptId);
            st.setObject(2, Tx.ts(now));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static ConsentRecord row(ResultSet rs) throws SQLException {
        return new ConsentRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Tx.instant(rs.getObject(5, OffsetDateTime.class)), Tx.instant(rs.getObject(6, OffsetDateTime.class)),
                Tx.instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getString(9),
                Optional.ofNullable(Tx.instant(rs.getObject(10, OffsetDateTime.class))));
    }

    @Override
    public String toString() {
        return "PostgresConsentRecords[eid_consent_receipt]";
    }
}
