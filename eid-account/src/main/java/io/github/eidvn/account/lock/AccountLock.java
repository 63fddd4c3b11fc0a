package io.github.eidvn.account.lock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One lock on an account.
 */
public final class AccountLock {

    private final LockType type;
    private final String reason;
    private final Instant since;
    private final Instant until;

    /**
     * Creates a lock value.
     *
     * @param type the kind of lock
     * @param reason a short reason (never a secret), may be empty
     * @param since when it was placed
     * @param until when it ends by itself, or null for "until lifted"
     */
    public AccountLock(LockType type, String reason, Instant since, Instant until) {
        this.type = Objects.requireNonNull(type, "type");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.since = Objects.requireNonNull(since, "since");
        this.until = until;
    }

    /** @return the kind of lock */
    public LockType type() {
        return type;
    }

    /** @return the recorded reason (may be empty) */
    public String reason() {
        return reason;
    }

    /** @return when the lock was placed */
    public Instant since() {
        return since;
    }

    /** @return when the lock ends by itself; empty for "until lifted" */
    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    /**
     * Whether the lock is in force at an instant.
     *
     * @param now the instant
     * @return true when in force
     */
    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountLock l && l.type == type && l.reason.equals(reason) && l.since.equals(since)
                && Objects.equals(l.until, until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, reason, since, until);
    }

    @Override
    public String toString() {
        return "AccountLock[" + type + ", since " + since + ", until " + (until == null ? "lifted" : until) + "]";
    }
}
