package io.github.eidvn.core.consent;

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
import io.github.eidvn.core.internal.CitizenClaims;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.core.spi.StateStoreException;

/**
 * The consent ledger over the {@link StateStore} SPI: records receipts, lists them per citizen, withdraws them, and
 * answers {@link ReceiptStatus} checks, so that a withdrawn or expired receipt makes later deliveries under it fail.
 *
 * <p>Keys (prefix {@code eid:consent:} by default):
 * <ul>
 *   <li>{@code r:<receipt id>}: the receipt, its signed form, its owner (the citizen's ledger reference, never the
 *       personal number) and the withdrawal time; kept until the consent's end plus the retention period (the proof
 *       of consent outlives the consent);</li>
 *   <li>{@code c:<ledger reference>}: the citizen's index, a list of receipt ids of at most
 *       {@code maxPerCitizen} entries.</li>
 * </ul>
 * Every change is atomic in the store: a receipt is created with {@code putIfAbsent}; the index and withdrawals are
 * updated with {@code compareAndSet} loops that re-read and retry on contention, so concurrent grants for one
 * citizen never lose an entry. When the index is full, ids whose records have disappeared (past retention) are
 * pruned; if it is still full the grant is refused ({@link RecordOutcome#CITIZEN_LIMIT_REACHED}) and the receipt
 * record removed again.
 *
 * <p>Immutable and thread-safe (given a thread-safe store). Store failures surface as
 * {@link StateStoreException} from {@link #record}, {@link #list} and {@link #withdraw}; {@link #check} turns them
 * into {@link ReceiptState#unavailable()} (fail closed).
 *
 * <p><b>Security:</b> whoever can write to the store can revive a withdrawn consent: protect it like the user
 * database.
 */
public final class ConsentLedger implements ReceiptStatus {

    /** The default bound on receipts listed per citizen. */
    public static final int DEFAULT_MAX_PER_CITIZEN = 256;
    /** The default time a receipt is kept after it ends. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "eid:consent:";

    static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_ATTEMPTS = 1_000;

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

    private final StateStore store;
    private final CitizenReferences references;
    private final Clock clock;
    private final int maxPerCitizen;
    private final Duration retention;
    private final String prefix;

    private ConsentLedger(Builder b) {
        if (b.store == null || b.references == null) {
            throw new IllegalStateException("store and references are required");
        }
        this.store = b.store;
        this.references = b.references;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxPerCitizen = b.maxPerCitizen == 0 ? DEFAULT_MAX_PER_CITIZEN : b.maxPerCitizen;
        this.retention = b.retention == null ? DEFAULT_RETENTION : b.retention;
        this.prefix = b.prefix == null ? DEFAULT_PREFIX : b.prefix;
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
     * @return the outcome
     * @throws StateStoreException when the store fails or stays contended
     */
    public RecordOutcome record(PersonalNumber citizen, ConsentReceiptIssuer.Issued issued) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(issued, "issued");
        ConsentReceipt receipt = issued.receipt();
        String owner = references.forLedger(citizen);
        String recordKey = recordKey(receipt.id());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("owner", owner);
        value.put("receipt", receipt.toClaims());
        value.put("jws", issued.compactJws());
        Duration ttl = ttl(receipt.expiresAt());
        if (!store.putIfAbsent(recordKey, StrictJson.write(value), ttl)) {
            return RecordOutcome.ALREADY_RECORDED;
        }
        boolean listed = false;
        try {
            RecordOutcome outcome = addToIndex(owner, receipt.id());
            listed = outcome == RecordOutcome.RECORDED;
            return outcome;
        } finally {
            if (!listed) {
                store.delete(recordKey);
            }
        }
    }

    private RecordOutcome addToIndex(String owner, String id) {
        String key = indexKey(owner);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<byte[]> current = store.get(key);
            if (current.isEmpty()) {
                if (store.putIfAbsent(key, writeIndex(List.of(id)), StateStore.NO_EXPIRY)) {
                    return RecordOutcome.RECORDED;
                }
                continue;
            }
            List<String> ids = readIndex(current.get());
            if (ids.contains(id)) {
                return RecordOutcome.RECORDED;
            }
            if (ids.size() >= maxPerCitizen) {
                ids.removeIf(existing -> store.get(recordKey(existing)).isEmpty());
                if (ids.size() >= maxPerCitizen) {
                    return RecordOutcome.CITIZEN_LIMIT_REACHED;
                }
            }
            ids.add(id);
            if (store.compareAndSet(key, current.get(), writeIndex(ids), StateStore.NO_EXPIRY)) {
                return RecordOutcome.RECORDED;
            }
        }
        throw new StateStoreException("the consent index stayed contended for " + MAX_ATTEMPTS + " attempts", null);
    }

    /**
     * The citizen's consents, newest first, withdrawn and expired ones included (until the end of retention).
     *
     * @param citizen the citizen
     * @return the entries
     * @throws StateStoreException when the store fails
     */
    public List<LedgerEntry> list(PersonalNumber citizen) {
        Objects.requireNonNull(citizen, "citizen");
        String owner = references.forLedger(citizen);
        Optional<byte[]> index = store.get(indexKey(owner));
        if (index.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> out = new ArrayList<>();
        for (String id : readIndex(index.get())) {
            Optional<byte[]> raw = store.get(recordKey(id));
            if (raw.isEmpty()) {
                continue;
            }
            Stored s = Stored.parse(raw.get());
            if (s.owner.equals(owner)) {
                out.add(s.entry());
            }
        }
        Collections.reverse(out);
        return Collections.unmodifiableList(out);
    }

    /**
     * Withdraws a consent: from now on {@link #check} reports it withdrawn, so the sealer refuses new deliveries
     * and the party's opener refuses deliveries already made.
     *
     * @param citizen the citizen (only the owner may withdraw)
     * @param receiptId the receipt id
     * @return the outcome
     * @throws StateStoreException when the store fails or stays contended
     */
    public WithdrawOutcome withdraw(PersonalNumber citizen, String receiptId) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(receiptId, "receiptId");
        if (!RECEIPT_ID.matcher(receiptId).matches()) {
            return WithdrawOutcome.NOT_FOUND;
        }
        String owner = references.forLedger(citizen);
        String key = recordKey(receiptId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<byte[]> current = store.get(key);
            if (current.isEmpty()) {
                return WithdrawOutcome.NOT_FOUND;
            }
            Stored s = Stored.parse(current.get());
            if (!s.owner.equals(owner)) {
                return WithdrawOutcome.NOT_FOUND;
            }
            if (s.withdrawnAt != null) {
                return WithdrawOutcome.ALREADY_WITHDRAWN;
            }
            Instant now = clock.instant();
            if (!now.isBefore(s.receipt.expiresAt())) {
                return WithdrawOutcome.EXPIRED;
            }
            Map<String, Object> value = new LinkedHashMap<>(s.raw);
            value.put("withdrawn_at", now.getEpochSecond());
            if (store.compareAndSet(key, current.get(), StrictJson.write(value), ttl(s.receipt.expiresAt()))) {
                return WithdrawOutcome.WITHDRAWN;
            }
        }
        throw new StateStoreException("the consent record stayed contended for " + MAX_ATTEMPTS + " attempts", null);
    }

    @Override
    public ReceiptState check(String receiptId, String partyId, Instant now) {
        Objects.requireNonNull(now, "now");
        if (receiptId == null || partyId == null || !RECEIPT_ID.matcher(receiptId).matches()) {
            return ReceiptState.unknown();
        }
        try {
            Optional<byte[]> raw = store.get(recordKey(receiptId));
            if (raw.isEmpty()) {
                return ReceiptState.unknown();
            }
            Stored s = Stored.parse(raw.get());
            if (!s.receipt.partyId().equals(partyId)) {
                return ReceiptState.unknown();
            }
            if (s.withdrawnAt != null) {
                return ReceiptState.withdrawn(s.withdrawnAt);
            }
            if (!now.isBefore(s.receipt.expiresAt())) {
                return ReceiptState.expired(s.receipt.expiresAt());
            }
            return ReceiptState.active(s.receipt.fields(), s.receipt.purposeCode(), s.receipt.expiresAt());
        } catch (RuntimeException e) {
            return ReceiptState.unavailable();
        }
    }

    private Duration ttl(Instant expiresAt) {
        Duration d = Duration.between(clock.instant(), expiresAt).plus(retention);
        return d.getSeconds() < 1 ? Duration.ofSeconds(1) : d;
    }

    private String recordKey(String receiptId) {
        return prefix + "r:" + receiptId;
    }

    private String indexKey(String owner) {
        return prefix + "c:" + owner;
    }

    private static byte[] writeIndex(List<String> ids) {
        return StrictJson.write(Map.of("ids", ids));
    }

    private static List<String> readIndex(byte[] raw) {
        Object ids = StrictJson.parseObject(raw).get("ids");
        List<String> out = new ArrayList<>();
        if (ids instanceof List) {
            for (Object o : (List<?>) ids) {
                if (o instanceof String) {
                    out.add((String) o);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ConsentLedger[prefix=" + prefix + ", maxPerCitizen=" + maxPerCitizen + ", retention=" + retention
                + ", store=" + store + "]";
    }

    /** A parsed receipt record. */
    private static final class Stored {
        final Map<String, Object> raw;
        final String owner;
        final ConsentReceipt receipt;
        final String jws;
        final Instant withdrawnAt;

        private Stored(Map<String, Object> raw) {
            this.raw = raw;
            this.owner = (String) Objects.requireNonNull(raw.get("owner"), "owner");
            this.receipt = ConsentReceipt.fromClaims((Map<?, ?>) raw.get("receipt"));
            this.jws = (String) Objects.requireNonNull(raw.get("jws"), "jws");
            Object w = raw.get("withdrawn_at");
            this.withdrawnAt = w == null ? null : Instant.ofEpochSecond(CitizenClaims.longValue("withdrawn_at", w));
        }

        static Stored parse(byte[] bytes) {
            return new Stored(StrictJson.parseObject(bytes));
        }

        LedgerEntry entry() {
            return new LedgerEntry(receipt, jws, Optional.ofNullable(withdrawnAt));
        }
    }

    /** Builds a {@link ConsentLedger}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private StateStore store;
        private CitizenReferences references;
        private Clock clock;
        private int maxPerCitizen;
        private Duration retention;
        private String prefix;

        private Builder() {
        }

        private static void once(boolean set, String name) {
            if (set) {
                throw new IllegalStateException(name + " is already set");
            }
        }

        /**
         * Required: the state store.
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
         * The key prefix; {@link #DEFAULT_PREFIX} by default.
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
         * @throws IllegalStateException when the store or references are missing
         */
        public ConsentLedger build() {
            return new ConsentLedger(this);
        }
    }
}
