package io.github.eidvn.account.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.Bin;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Checks;
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

    private static final int VERSION = 1;
    private static final int MAX_REASON = 200;
    private static final LockType[] TYPES = LockType.values();

    private final StateStore store;
    private final Clock clock;
    private final SecurityAudit audit;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Duration failureWindow;
    private final int hardLimit;
    private final Duration consecutiveWindow;

    private AccountLocks(Builder b) {
        this.store = b.store;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? SecurityAudit.loggingOnly(clock) : b.audit;
        this.maxFailures = b.maxFailures == null ? 5 : b.maxFailures;
        this.lockDuration = b.lockDuration == null ? Duration.ofMinutes(15) : b.lockDuration;
        this.failureWindow = b.failureWindow == null ? Duration.ofHours(12) : b.failureWindow;
        this.hardLimit = b.hardLimit == null ? MAX_FAILURES_CAP : b.hardLimit;
        this.consecutiveWindow = b.consecutiveWindow == null ? Duration.ofDays(90) : b.consecutiveWindow;
        if (maxFailures > hardLimit) {
            throw new IllegalStateException("maxFailures must not exceed hardLimit");
        }
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
     * The locks in force on an account.
     *
     * @param account the account
     * @return unlocked, or the locks in force
     */
    public LockStatus status(AccountId account) {
        Objects.requireNonNull(account, "account");
        Instant now = clock.instant();
        List<AccountLock> locks = new ArrayList<>(3);
        for (LockType t : TYPES) {
            read(t, AccountKeys.lock(t, account)).filter(l -> l.activeAt(now)).ifPresent(locks::add);
        }
        read(LockType.BRUTE_FORCE, AccountKeys.hardLock(account)).ifPresent(locks::add);
        return locks.isEmpty() ? new LockStatus.Unlocked() : new LockStatus.Locked(locks);
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
        return place(LockType.USER_REQUESTED, AccountKeys.lock(LockType.USER_REQUESTED, account), account, reason,
                now, now.plus(duration));
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
        return place(LockType.AUTHORITY, AccountKeys.lock(LockType.AUTHORITY, account), account, reason,
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
        return place(LockType.AUTHORITY, AccountKeys.lock(LockType.AUTHORITY, account), account, reason, now,
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
        boolean lifted = store.delete(AccountKeys.lock(type, account));
        if (type == LockType.BRUTE_FORCE) {
            lifted |= store.delete(AccountKeys.hardLock(account));
            store.delete(AccountKeys.failures(account));
            store.delete(AccountKeys.consecutiveFailures(account));
        }
        if (lifted) {
            audit.record(SecurityEventType.ACCOUNT_UNLOCKED, account.value(), null, by, type.name());
        }
        return lifted;
    }

    /**
     * Records a failed attempt (wrong password) and places a brute-force lock when a limit is reached.
     *
     * @param account the account
     * @return the counts and the lock placed, if any
     */
    public FailureOutcome recordFailure(AccountId account) {
        Objects.requireNonNull(account, "account");
        long failures = AttemptCounter.of(store, maxFailures, failureWindow).record(AccountKeys.failures(account))
                .number();
        long consecutive = AttemptCounter.of(store, hardLimit, consecutiveWindow)
                .record(AccountKeys.consecutiveFailures(account)).number();
        Instant now = clock.instant();
        AccountLock placed = null;
        if (consecutive >= hardLimit) {
            // kept under its own key, so a temporary lock written concurrently can never replace it
            placed = place(LockType.BRUTE_FORCE, AccountKeys.hardLock(account), account,
                    "consecutive-failures:" + consecutive, now, null);
            store.delete(AccountKeys.failures(account));
        } else if (failures >= maxFailures) {
            placed = place(LockType.BRUTE_FORCE, AccountKeys.lock(LockType.BRUTE_FORCE, account), account,
                    "failures:" + failures, now, now.plus(lockDuration));
            store.delete(AccountKeys.failures(account));
        }
        return new FailureOutcome(failures, consecutive, Optional.ofNullable(placed));
    }

    /**
     * Records a successful authentication: resets the failure counters (a brute-force lock in force stays).
     *
     * @param account the account
     */
    public void recordSuccess(AccountId account) {
        Objects.requireNonNull(account, "account");
        store.delete(AccountKeys.failures(account));
        store.delete(AccountKeys.consecutiveFailures(account));
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

    private AccountLock place(LockType type, String key, AccountId account, String reason, Instant since, Instant until) {
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason longer than " + MAX_REASON + " characters");
        }
        AccountLock lock = new AccountLock(type, reason, since, until);
        byte[] value = new Bin.Writer(VERSION).putLong(since.toEpochMilli())
                .putLong(until == null ? Long.MAX_VALUE : until.toEpochMilli()).putString(reason).toByteArray();
        Duration ttl = until == null ? StateStore.NO_EXPIRY : Duration.between(since, until);
        store.put(key, value, ttl);
        audit.record(SecurityEventType.ACCOUNT_LOCKED, account.value(), null, null, type.name());
        return lock;
    }

    private Optional<AccountLock> read(LockType type, String key) {
        Optional<byte[]> raw = store.get(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Bin.Reader> r = Bin.Reader.of(raw.get(), VERSION);
        if (r.isEmpty()) {
            // an unreadable lock record still locks (fail closed)
            return Optional.of(new AccountLock(type, "unreadable", Instant.EPOCH, null));
        }
        Bin.Reader in = r.get();
        long since = in.getLong();
        long until = in.getLong();
        String reason = in.getString();
        if (!in.ok()) {
            return Optional.of(new AccountLock(type, "unreadable", Instant.EPOCH, null));
        }
        return Optional.of(new AccountLock(type, reason, Instant.ofEpochMilli(since),
                until == Long.MAX_VALUE ? null : Instant.ofEpochMilli(until)));
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
