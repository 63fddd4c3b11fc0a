package io.github.eidvn.core.consent;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of a {@link ReceiptStatus} check: whether deliveries may still be made and opened under a consent
 * receipt, and, while it is active, what it allows.
 *
 * <p>Immutable.
 */
public final class ReceiptState {

    /** The state of a receipt. */
    public enum Status {
        /** Granted, not withdrawn, not expired. */
        ACTIVE,
        /** Withdrawn by the citizen. */
        WITHDRAWN,
        /** Past its expiry. */
        EXPIRED,
        /** No such receipt for that party. */
        UNKNOWN,
        /** The ledger could not be consulted (fail closed). */
        UNAVAILABLE
    }

    private static final ReceiptState UNKNOWN = new ReceiptState(Status.UNKNOWN, Set.of(), null, null, null);
    private static final ReceiptState UNAVAILABLE = new ReceiptState(Status.UNAVAILABLE, Set.of(), null, null, null);

    private final Status status;
    private final Set<CitizenField> grantedFields;
    private final String purposeCode;
    private final Instant expiresAt;
    private final Instant withdrawnAt;

    private ReceiptState(Status status, Set<CitizenField> grantedFields, String purposeCode, Instant expiresAt,
            Instant withdrawnAt) {
        this.status = status;
        this.grantedFields = grantedFields;
        this.purposeCode = purposeCode;
        this.expiresAt = expiresAt;
        this.withdrawnAt = withdrawnAt;
    }

    /**
     * An active receipt.
     *
     * @param grantedFields what the citizen granted, not empty
     * @param purposeCode the purpose
     * @param expiresAt when the consent ends
     * @return the state
     */
    public static ReceiptState active(Set<CitizenField> grantedFields, String purposeCode, Instant expiresAt) {
        Objects.requireNonNull(grantedFields, "grantedFields");
        if (grantedFields.isEmpty()) {
            throw new IllegalArgumentException("an active receipt grants at least one field");
        }
        return new ReceiptState(Status.ACTIVE, Collections.unmodifiableSet(EnumSet.copyOf(grantedFields)),
                Objects.requireNonNull(purposeCode, "purposeCode"), Objects.requireNonNull(expiresAt, "expiresAt"),
                null);
    }

    /**
     * A withdrawn receipt.
     *
     * @param withdrawnAt when
     * @return the state
     */
    public static ReceiptState withdrawn(Instant withdrawnAt) {
        return new ReceiptState(Status.WITHDRAWN, Set.of(), null, null,
                Objects.requireNonNull(withdrawnAt, "withdrawnAt"));
    }

    /**
     * An expired receipt.
     *
     * @param expiresAt when it ended
     * @return the state
     */
    public static ReceiptState expired(Instant expiresAt) {
        return new ReceiptState(Status.EXPIRED, Set.of(), null, Objects.requireNonNull(expiresAt, "expiresAt"), null);
    }

    /** @return the state of a receipt that does not exist for the party */
    public static ReceiptState unknown() {
        return UNKNOWN;
    }

    /** @return the state when the ledger cannot answer */
    public static ReceiptState unavailable() {
        return UNAVAILABLE;
    }

    /** @return the status */
    public Status status() {
        return status;
    }

    /** @return for an active receipt, the granted fields; otherwise empty */
    public Set<CitizenField> grantedFields() {
        return grantedFields;
    }

    /** @return for an active receipt, its purpose code */
    public Optional<String> purposeCode() {
        return Optional.ofNullable(purposeCode);
    }

    /** @return for an active or expired receipt, its end */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return for a withdrawn receipt, when it was withdrawn */
    public Optional<Instant> withdrawnAt() {
        return Optional.ofNullable(withdrawnAt);
    }

    @Override
    public String toString() {
        return "ReceiptState[" + status + (status == Status.ACTIVE ? ", " + purposeCode + ", "
                + RelyingParty.names(grantedFields) : "") + "]";
    }
}
