package io.github.eidvn.core.consent;

import static io.github.eidvn.core.internal.Once.once;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.eidvn.core.identity.PersonalNumber;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The consent ledger: records receipts, lists them per citizen, withdraws them, answers {@link ReceiptStatus}
 * checks (so that a withdrawn or expired receipt makes later deliveries under it fail), and exports a citizen's
 * consents on request (Nghị định 13/2023/NĐ-CP).
 *
 * <p>Receipts are kept by a {@link ConsentRecords} storage: the {@link StateStore} SPI by default
 * ({@link Builder#store}, memory or Redis; see {@code StateStoreConsentRecords} for its keys), or any other storage
 * ({@link Builder#records}, e.g. PostgreSQL from {@code eid-postgres}, which keeps them as legal records with an
 * audit of every step). The ledger keys records by the citizen's ledger reference ({@link CitizenReferences}),
 * never the personal number, and keeps each one until the consent's end plus the retention period (the proof of
 * consent outlives the consent); past that the record is gone.
 *
 * <p>Immutable and thread-safe (given a thread-safe storage). Storage failures surface as
 * {@link StateStoreException} from {@link #record}, {@link #list}, {@link #withdraw} and {@link #export};
 * {@link #check} and {@link #open} turn them into {@link ReceiptState#unavailable()} (fail closed).
 *
 * <p><b>Security:</b> whoever can write to the storage can revive a withdrawn consent: protect it like the user
 * database.
 */
public final class ConsentLedger implements ReceiptStatus {

    /** The default bound on receipts listed per citizen. */
    public static final int DEFAULT_MAX_PER_CITIZEN = 256;
    /** The default time a receipt is kept after it ends. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    /** The default key prefix of the state-store storage. */
    public static final String DEFAULT_PREFIX = "eid:consent:";

    static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** The outcome of {@link #record}. */
    public enum RecordOutcome {
        /** Recorded and listed. */
        RECORDED,
        /** A receipt with this id is already recorded (nothing changed). */
        ALREADY_RECORDED,
        /** The citizen's list is full of live receipts (nothing recorded). */
        CITIZEN_LIMIT_REACHED
    }

    /** The outcome of {@link #withdraw}. */
    public enum WithdrawOutcome {
        /** Withdrawn now: later deliveries under it fail. */
        WITHDRAWN,
        /** It was already withdrawn. */
        ALREADY_WITHDRAWN,
        /** It had already ended. */
        EXPIRED,
        /** No such receipt of this citizen. */
        NOT_FOUND
    }

    private final ConsentRecords records;
    private final CitizenReferences references;
    private final Clock clock;
    private final int maxPerCitizen;
    private final Duration retention;

    private ConsentLedger(Builder b) {
        if ((b.store == null) == (b.records == null) || b.references == null) {
            throw new IllegalStateException("references and exactly one of store(...) and records(...) are required");
        }
        if (b.records != null && b.prefix != null) {
            throw new IllegalStateException("prefix(...) is an option of store(...), not of records(...)");
        }
        this.records = b.records != null ? b.records
                : new StateStoreConsentRecords(b.store, b.prefix == null ? DEFAULT_PREFIX : b.prefix);
        this.references = b.references;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxPerCitizen = b.maxPerCitizen == 0 ? DEFAULT_MAX_PER_CITIZEN : b.maxPerCitizen;
        this.retention = b.retention == null ? DEFAULT_RETENTION : b.retention;
    }

    /**
     * A builder; each option may be set once.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Records a granted consent under the citizen.
     *
     * @param citizen the citizen who granted it
     * @param issued the receipt from {@link ConsentReceiptIssuer#grant}
     * @return the outcome; {@code RECORDED} means the storage holds it (durably, for a database storage)
     * @throws StateStoreException when the storage fails or stays contended
     */
    public RecordOutcome record(PersonalNumber citizen, ConsentReceiptIssuer.Issued issued) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(issued, "issued");
        ConsentReceipt receipt = issued.receipt();
        ConsentRecord r = new ConsentRecord(receipt.id(), references.forLedger(citizen), receipt.partyId(),
                receipt.purposeCode(), receipt.grantedAt(), receipt.expiresAt(), receipt.expiresAt().plus(retention),
                StrictJson.writeString(receipt.toClaims()), issued.compactJws(), Optional.empty());
        return records.insert(r, maxPerCitizen, clock.instant());
    }

    /**
     * The citizen's consents, newest first, withdrawn and expired ones included (until the end of retention).
     *
     * @param citizen the citizen
     * @return the entries
     * @throws StateStoreException when the storage fails
     */
    public List<LedgerEntry> list(PersonalNumber citizen) {
        Objects.requireNonNull(citizen, "citizen");
        List<LedgerEntry> out = new ArrayList<>();
        for (ConsentRecord r : records.listByOwner(references.forLedger(citizen), clock.instant())) {
            out.add(entry(r));
        }
        Collections.reverse(out);
        return Collections.unmodifiableList(out);
    }

    /**
     * The citizen's ledger reference: the pseudonymous key under which the storage lists their receipts (e.g. for
     * {@code eid ledger list --citizen REF} on a database storage). Not a secret, but linkable to the citizen by
     * whoever holds the references' secret.
     *
     * @param citizen the citizen
     * @return 43 base64url characters
     */
    public String reference(PersonalNumber citizen) {
        return references.forLedger(Objects.requireNonNull(citizen, "citizen"));
    }

    /**
     * Withdraws a consent: from now on {@link #check} reports it withdrawn, so the sealer refuses new deliveries
     * and the party's opener refuses deliveries already made.
     *
     * @param citizen the citizen (only the owner may withdraw)
     * @param receiptId the receipt id
     * @return the outcome
     * @throws StateStoreException when the storage fails or stays contended
     */
    public WithdrawOutcome withdraw(PersonalNumber citizen, String receiptId) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(receiptId, "receiptId");
        if (!ConsentRecord.isWellFormedId(receiptId)) {
            return WithdrawOutcome.NOT_FOUND;
        }
        return records.withdraw(receiptId, references.forLedger(citizen), clock.instant());
    }

    /**
     * The citizen's answer to a request to see their consents (Nghị định 13/2023/NĐ-CP, the data subject's right to
     * be informed and to access): every kept receipt, newest first, with its signed form, its state now and its
     * withdrawal time, as JSON:
     * <pre>{@code {"legal_basis":"Nghị định 13/2023/NĐ-CP","generated_at":"...","consents":[
     *   {"receipt_id":"...","status":"ACTIVE|WITHDRAWN|EXPIRED","withdrawn_at":"...or null",
     *    "receipt":{...claims...},"receipt_jws":"..."}]}}</pre>
     *
     * @param citizen the citizen
     * @return the JSON text (UTF-8)
     * @throws StateStoreException when the storage fails
     */
    public String export(PersonalNumber citizen) {
        Objects.requireNonNull(citizen, "citizen");
        Instant now = clock.instant();
        List<Object> consents = new ArrayList<>();
        for (LedgerEntry e : list(citizen)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("receipt_id", e.receipt().id());
            c.put("status", e.statusAt(now).name());
            c.put("withdrawn_at", e.withdrawnAt().map(Instant::toString).orElse(null));
            c.put("receipt", e.receipt().toClaims());
            c.put("receipt_jws", e.compactJws());
            consents.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("legal_basis", ConsentReceipt.LEGAL_BASIS);
        out.put("generated_at", now.toString());
        out.put("consents", consents);
        return StrictJson.writeString(out);
    }

    @Override
    public ReceiptState check(String receiptId, String partyId, Instant now) {
        Objects.requireNonNull(now, "now");
        if (partyId == null || !ConsentRecord.isWellFormedId(receiptId)) {
            return ReceiptState.unknown();
        }
        try {
            return state(records.find(receiptId, now), partyId, now);
        } catch (RuntimeException e) {
            return ReceiptState.unavailable();
        }
    }

    /**
     * The state of a receipt for a party that is opening a delivery under it: as {@link #check}, decided once
     * against a concurrent {@link #withdraw} (the opening either precedes the withdrawal or sees it) and, with a
     * storage that keeps an audit, recorded there. Give {@link #openings()} to the party's opener.
     *
     * @param receiptId the receipt id (untrusted: it comes from a delivery)
     * @param partyId the party opening
     * @param now the caller's current time
     * @return the state; {@link ReceiptState#unavailable()} when the storage fails
     */
    public ReceiptState open(String receiptId, String partyId, Instant now) {
        Objects.requireNonNull(now, "now");
        if (partyId == null || !ConsentRecord.isWellFormedId(receiptId)) {
            return ReceiptState.unknown();
        }
        try {
            return state(records.findForOpening(receiptId, partyId, now), partyId, now);
        } catch (RuntimeException e) {
            return ReceiptState.unavailable();
        }
    }

    /**
     * This ledger as the {@link ReceiptStatus} of a party's opener: each check is an {@link #open}.
     *
     * @return the status view
     */
    public ReceiptStatus openings() {
        return this::open;
    }

    private static ReceiptState state(Optional<ConsentRecord> found, String partyId, Instant now) {
        if (found.isEmpty()) {
            return ReceiptState.unknown();
        }
        ConsentRecord r = found.get();
        switch (r.statusFor(partyId, now)) {
            case WITHDRAWN:
                return ReceiptState.withdrawn(r.withdrawnAt().orElseThrow());
            case EXPIRED:
                return ReceiptState.expired(r.expiresAt());
            case ACTIVE:
                ConsentReceipt receipt = receipt(r);
                return ReceiptState.active(receipt.fields(), receipt.purposeCode(), receipt.expiresAt());
            default:
                return ReceiptState.unknown();
        }
    }

    private static ConsentReceipt receipt(ConsentRecord r) {
        ConsentReceipt receipt = ConsentReceipt.fromClaims(StrictJson.parseObject(r.claimsJson()));
        if (!receipt.id().equals(r.receiptId()) || !receipt.partyId().equals(r.partyId())
                || !receipt.expiresAt().equals(r.expiresAt())) {
            throw new StateStoreException("the stored receipt " + r.receiptId() + " does not match its record", null);
        }
        return receipt;
    }

    private static LedgerEntry entry(ConsentRecord r) {
        return new LedgerEntry(receipt(r), r.compactJws(), r.withdrawnAt());
    }

    @Override
    public String toString() {
        return "ConsentLedger[maxPerCitizen=" + maxPerCitizen + ", retention=" + retention + ", records=" + records
                + "]";
    }

    /** Builds a {@link ConsentLedger}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private StateStore store;
        private ConsentRecords records;
        private CitizenReferences references;
        private Clock clock;
        private int maxPerCitizen;
        private Duration retention;
        private String prefix;

        private Builder() {
        }

        /**
         * The storage is the state store (memory or Redis; records expire with a TTL). Set this or
         * {@link #records}.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(StateStore store) {
            once(this.store != null, "store");
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The storage is another {@link ConsentRecords} (e.g. PostgreSQL). Set this or {@link #store}.
         *
         * @param records the storage
         * @return this builder
         */
        public Builder records(ConsentRecords records) {
            once(this.records != null, "records");
            this.records = Objects.requireNonNull(records, "records");
            return this;
        }

        /**
         * Required: the citizen references (the same secret as the {@link ConsentReceiptIssuer}'s).
         *
         * @param references the references
         * @return this builder
         */
        public Builder references(CitizenReferences references) {
            once(this.references != null, "references");
            this.references = Objects.requireNonNull(references, "references");
            return this;
        }

        /**
         * The clock; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            once(this.clock != null, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The bound on receipts listed per citizen; {@link #DEFAULT_MAX_PER_CITIZEN} by default.
         *
         * @param max 1 to 4096
         * @return this builder
         */
        public Builder maxPerCitizen(int max) {
            once(this.maxPerCitizen != 0, "maxPerCitizen");
            if (max < 1 || max > 4096) {
                throw new IllegalArgumentException("maxPerCitizen must be 1 to 4096");
            }
            this.maxPerCitizen = max;
            return this;
        }

        /**
         * How long a receipt is kept after it ends; {@link #DEFAULT_RETENTION} by default.
         *
         * @param retention zero or more
         * @return this builder
         */
        public Builder retention(Duration retention) {
            once(this.retention != null, "retention");
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative");
            }
            this.retention = retention;
            return this;
        }

        /**
         * The key prefix of the state-store storage; {@link #DEFAULT_PREFIX} by default.
         *
         * @param prefix 1 to 64 printable ASCII characters
         * @return this builder
         */
        public Builder prefix(String prefix) {
            once(this.prefix != null, "prefix");
            Objects.requireNonNull(prefix, "prefix");
            if (!prefix.matches("[\\x21-\\x7e]{1,64}")) {
                throw new IllegalArgumentException("prefix must be 1 to 64 printable ASCII characters");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * @return the ledger
         * @throws IllegalStateException when the references are missing, or not exactly one of store and records is
         *     set, or a prefix is set with records
         */
        public ConsentLedger build() {
            return new ConsentLedger(this);
        }
    }
}
