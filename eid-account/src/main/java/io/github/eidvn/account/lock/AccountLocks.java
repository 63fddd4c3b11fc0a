package io.github.eidvn.account.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.LockSteps;
import io.github.eidvn.core.spi.StateStore;

/**
 * Account locks: user-requested, authority-requested and brute force, each ending automatically when its grounds end
 * (its deadline, stored both as the key's TTL and inside the value).
 *
 * <p>Brute force: each failed attempt increments a counter that lives {@code failureWindow} from the first failure;
 * when it reaches {@code maxFailures} (default 5, at most 100) a {@link LockType#BRUTE_FORCE} lock of
 * {@code lockDuration} (default 15 minutes) is placed and the window restarts. Independently, failures since the last
 * success are counted; when they reach {@code hardLimit} (default and maximum 100, as NIST SP 800-63B requires) a
 * brute-force lock without deadline is placed, lifted only by {@link #lift} or a level-2 recovery. A success resets
 * both counters.
 *
 * <p><b>Security.</b> Callers must check {@link #status} before verifying a secret and record every failure. Counters
 * and locks are single atomic store operations; concurrent failures all count. Locks are keyed by {@link AccountId}; an
 * attacker can lock any account whose id they know (the usual lockout trade-off), so pair this with per-source
 * throttling ({@link SourceThrottle}) and let a locked citizen recover with a level-2 proof.
 */
public final class AccountLocks {

    /** Upper bound for {@code maxFailures} and {@code hardLimit}. */
    public static final int MAX_FAILURES_CAP = 100;

    static {
        LockSteps.register(l -> l.steps);
    }

    private final int maxFailures;
    private final Duration lockDuration;
    private final int hardLimit;
    private final Clock clock;
    private final LockSteps steps;

    private AccountLocks(Builder b) {
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        SecurityAudit audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.maxFailures = b.maxFailures == null ? 5 : b.maxFailures;
        this.lockDuration = b.lockDuration == null ? Duration.ofMinutes(15) : b.lockDuration;
        Duration failureWindow = b.failureWindow == null ? Duration.ofHours(12) : b.failureWindow;
        this.hardLimit = b.hardLimit == null ? MAX_FAILURES_CAP : b.hardLimit;
        Duration consecutiveWindow = b.consecutiveWindow == null ? Duration.ofDays(90) : b.consecutiveWindow;
        if (maxFailures > hardLimit) {
            throw new IllegalStateException("maxFailures must not exceed hardLimit");
        }
        this.steps = new LockSteps(b.store, clock, audit, maxFailures, lockDuration, failureWindow, hardLimit,
                consecutiveWindow);
    }

    /**
     * A builder.
     *
     * @param store the state store
     * @return the builder
     */
    public static Builder builder(StateStore store) {
        return new Builder(Objects.requireNonNull(store, "store"));
    }

    /**
     * The locks in force on an account (one store step).
     *
     * @param account the account
     * @return unlocked, or the locks in force
     */
    public LockStatus status(AccountId account) {
        return steps.status(Objects.requireNonNull(account, "account"));
    }

    /**
     * Places (or replaces) the citizen's own temporary lock, e.g. for a lost phone.
     *
     * @param account the account
     * @param duration how long, positive, at most 366 days
     * @param reason a short reason (no secrets), at most 200 characters
     * @return the lock
     */
    public AccountLock lockByUser(AccountId account, Duration duration, String reason) {
        Objects.requireNonNull(account, "account");
        Checks.positive(duration, "duration");
        if (duration.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("a user-requested lock is temporary: at most 366 days");
        }
        Instant now = clock.instant();
        return steps.place(LockType.USER_REQUESTED, AccountKeys.lock(LockType.USER_REQUESTED, account), account,
                reason, now, now.plus(duration));
    }

    /**
     * Places (or replaces) an authority lock that lasts until lifted.
     *
     * @param account the account
     * @param reason the authority's reason or case reference, at most 200 characters
     * @return the lock
     */
    public AccountLock lockByAuthority(AccountId account, String reason) {
        Objects.requireNonNull(account, "account");
        return steps.place(LockType.AUTHORITY, AccountKeys.lock(LockType.AUTHORITY, account), account, reason,
                clock.instant(), null);
    }

    /**
     * Places (or replaces) an authority lock that ends at a deadline.
     *
     * @param account the account
     * @param reason the authority's reason or case reference, at most 200 characters
     * @param until when it ends, in the future
     * @return the lock
     */
    public AccountLock lockByAuthority(AccountId account, String reason, Instant until) {
        Objects.requireNonNull(account, "account");
        Instant now = clock.instant();
        if (!Objects.requireNonNull(until, "until").isAfter(now)) {
            throw new IllegalArgumentException("until must be in the future");
        }
        return steps.place(LockType.AUTHORITY, AccountKeys.lock(LockType.AUTHORITY, account), account, reason, now,
                until);
    }

    /**
     * Lifts a lock. Lifting {@link LockType#BRUTE_FORCE} also resets the failure counters.
     *
     * @param account the account
     * @param type the lock to lift
     * @param by who lifts it (recorded in the audit trail, no secrets)
     * @return true when a lock in force was lifted
     */
    public boolean lift(AccountId account, LockType type, String by) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(by, "by");
        return steps.lift(account, type, by);
    }

    /**
     * Records a failed attempt (wrong password) and places a brute-force lock when a limit is reached.
     *
     * @param account the account
     * @return the counts and the lock placed, if any
     */
    public FailureOutcome recordFailure(AccountId account) {
        return steps.recordFailure(Objects.requireNonNull(account, "account"));
    }

    /**
     * Records a successful authentication: resets the failure counters (a brute-force lock in force stays).
     *
     * @param account the account
     */
    public void recordSuccess(AccountId account) {
        steps.recordSuccess(Objects.requireNonNull(account, "account"));
    }

    /** @return failures that place a brute-force lock */
    public int maxFailures() {
        return maxFailures;
    }

    /** @return how long a brute-force lock lasts */
    public Duration lockDuration() {
        return lockDuration;
    }

    /** @return consecutive failures that place a lock lasting until lifted */
    public int hardLimit() {
        return hardLimit;
    }

    @Override
    public String toString() {
        return "AccountLocks[maxFailures=" + maxFailures + ", lockDuration=" + lockDuration + ", hardLimit="
                + hardLimit + "]";
    }

    /** Configures {@link AccountLocks}; each option can be set once. */
    public static final class Builder {
        private final StateStore store;
        private Clock clock;
        private SecurityAudit audit;
        private Integer maxFailures;
        private Duration lockDuration;
        private Duration failureWindow;
        private Integer hardLimit;
        private Duration consecutiveWindow;

        private Builder(StateStore store) {
            this.store = store;
        }

        /**
         * @param clock the clock (default system UTC)
         * @return this
         */
        public Builder clock(Clock clock) {
            Checks.once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param audit the audit trail (default: logging only)
         * @return this
         */
        public Builder audit(SecurityAudit audit) {
            Checks.once(this.audit, "audit");
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /**
         * @param n failures in the window that place a brute-force lock, 1..100 (default 5)
         * @return this
         */
        public Builder maxFailures(int n) {
            Checks.once(this.maxFailures, "maxFailures");
            if (n < 1 || n > MAX_FAILURES_CAP) {
                throw new IllegalArgumentException("maxFailures must be 1.." + MAX_FAILURES_CAP);
            }
            this.maxFailures = n;
            return this;
        }

        /**
         * @param d how long a brute-force lock lasts (default 15 minutes)
         * @return this
         */
        public Builder lockDuration(Duration d) {
            Checks.once(this.lockDuration, "lockDuration");
            this.lockDuration = Checks.positive(d, "lockDuration");
            return this;
        }

        /**
         * @param d how long failures accumulate from the first one (default 12 hours)
         * @return this
         */
        public Builder failureWindow(Duration d) {
            Checks.once(this.failureWindow, "failureWindow");
            this.failureWindow = Checks.positive(d, "failureWindow");
            return this;
        }

        /**
         * @param n consecutive failures (across brute-force locks) that place a lock lasting until lifted,
         *        1..100 (default 100)
         * @return this
         */
        public Builder hardLimit(int n) {
            Checks.once(this.hardLimit, "hardLimit");
            if (n < 1 || n > MAX_FAILURES_CAP) {
                throw new IllegalArgumentException("hardLimit must be 1.." + MAX_FAILURES_CAP);
            }
            this.hardLimit = n;
            return this;
        }

        /**
         * @param d how long the consecutive-failure count survives without a new failure window (default 90 days)
         * @return this
         */
        public Builder consecutiveWindow(Duration d) {
            Checks.once(this.consecutiveWindow, "consecutiveWindow");
            this.consecutiveWindow = Checks.positive(d, "consecutiveWindow");
            return this;
        }

        /** @return the configured locks */
        public AccountLocks build() {
            return new AccountLocks(this);
        }
    }
}
