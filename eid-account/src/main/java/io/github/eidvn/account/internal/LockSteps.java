package io.github.eidvn.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.lock.AccountLock;
import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.FailureOutcome;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;

/**
 * The state-store steps of {@link AccountLocks}, written once: the public class delegates here, and the login
 * services put the same reads and writes into the batches of their own steps (one round trip for the lock status,
 * the lease and the binding together) through {@link #of(AccountLocks)}.
 *
 * <p>Lock records: version byte, since (epoch ms), until (epoch ms, {@code Long.MAX_VALUE} for none), reason. An
 * unreadable record still locks (fail closed).
 */
public final class LockSteps {

    private static final int VERSION = 1;
    private static final int MAX_REASON = 200;
    private static final LockType[] TYPES = LockType.values();
    /** Reads of one status: every lock type, then the hard-limit lock. */
    private static final int STATUS_READS = TYPES.length + 1;

    private static volatile Function<AccountLocks, LockSteps> access;

    private final StateStore store;
    private final Clock clock;
    private final SecurityAudit audit;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Duration failureWindow;
    private final int hardLimit;
    private final Duration consecutiveWindow;

    /**
     * @param store the state store
     * @param clock the clock
     * @param audit the audit trail
     * @param maxFailures failures in the window that place a brute-force lock
     * @param lockDuration how long that lock lasts
     * @param failureWindow how long failures accumulate
     * @param hardLimit consecutive failures that place a lock lasting until lifted
     * @param consecutiveWindow how long the consecutive count survives
     */
    public LockSteps(StateStore store, Clock clock, SecurityAudit audit, int maxFailures, Duration lockDuration,
            Duration failureWindow, int hardLimit, Duration consecutiveWindow) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.failureWindow = failureWindow;
        this.hardLimit = hardLimit;
        this.consecutiveWindow = consecutiveWindow;
    }

    /**
     * Called once, by {@link AccountLocks}' class initializer.
     *
     * @param f gives the steps of an {@link AccountLocks}
     */
    public static void register(Function<AccountLocks, LockSteps> f) {
        if (access != null) {
            throw new IllegalStateException("already registered");
        }
        access = Objects.requireNonNull(f, "f");
    }

    /**
     * @param locks the locks (their class is initialized, so the accessor is registered)
     * @return their steps
     */
    public static LockSteps of(AccountLocks locks) {
        return access.apply(Objects.requireNonNull(locks, "locks"));
    }

    /** @return the store the locks live in (a batch with these steps must run on it) */
    public StateStore store() {
        return store;
    }

    // ------------------------------------------------------------------ status

    /**
     * Adds the reads of the lock status.
     *
     * @param batch the batch (run on {@link #store()})
     * @param keys the account's keys
     * @return the index of the first read, for {@link #status(StateBatch.Results, int)}
     */
    public int addStatusReads(StateBatch batch, AccountKeys.Of keys) {
        int first = batch.get(keys.lock(TYPES[0]));
        for (int i = 1; i < TYPES.length; i++) {
            batch.get(keys.lock(TYPES[i]));
        }
        batch.get(keys.hardLock());
        return first;
    }

    /**
     * The status from the reads {@link #addStatusReads} added.
     *
     * @param r the results
     * @param first the index it returned
     * @return unlocked, or the locks in force now
     */
    public LockStatus status(StateBatch.Results r, int first) {
        Instant now = clock.instant();
        List<AccountLock> locks = null;
        for (int i = 0; i < STATUS_READS; i++) {
            Optional<byte[]> raw = r.value(first + i);
            if (raw.isEmpty()) {
                continue;
            }
            boolean hard = i == TYPES.length;
            AccountLock l = decode(hard ? LockType.BRUTE_FORCE : TYPES[i], raw.get());
            if (hard || l.activeAt(now)) {
                if (locks == null) {
                    locks = new ArrayList<>(2);
                }
                locks.add(l);
            }
        }
        return locks == null ? new LockStatus.Unlocked() : new LockStatus.Locked(locks);
    }

    /**
     * Adds the reads of the locks that end sessions ({@link LockType#USER_REQUESTED} and {@link LockType#AUTHORITY}; a
     * brute-force lock stops new logins, not the sessions already open).
     *
     * @param batch the batch (run on {@link #store()})
     * @param keys the account's keys
     * @return the index of the first read, for {@link #endsSessions(StateBatch.Results, int)}
     */
    public int addSessionLockReads(StateBatch batch, AccountKeys.Of keys) {
        int first = batch.get(keys.lock(LockType.USER_REQUESTED));
        batch.get(keys.lock(LockType.AUTHORITY));
        return first;
    }

    /**
     * Whether a lock that ends sessions is in force, from the reads {@link #addSessionLockReads} added (an unreadable
     * record counts as a lock in force).
     *
     * @param r the results
     * @param first the index it returned
     * @return true when the account's sessions must end
     */
    public boolean endsSessions(StateBatch.Results r, int first) {
        Optional<byte[]> user = r.value(first);
        Optional<byte[]> authority = r.value(first + 1);
        if (user.isEmpty() && authority.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return user.isPresent() && decode(LockType.USER_REQUESTED, user.get()).activeAt(now)
                || authority.isPresent() && decode(LockType.AUTHORITY, authority.get()).activeAt(now);
    }

    /**
     * The status in one step.
     *
     * @param account the account
     * @return unlocked, or the locks in force
     */
    public LockStatus status(AccountId account) {
        StateBatch b = new StateBatch();
        int first = addStatusReads(b, AccountKeys.of(account));
        return status(store.run(b), first);
    }

    // ------------------------------------------------------------------ failures and successes

    /**
     * Adds the two failure counts (the window's and the consecutive one).
     *
     * @param batch the batch (run on {@link #store()})
     * @param keys the account's keys
     * @return the index of the first count, for {@link #afterFailure}
     */
    public int addFailureCounts(StateBatch batch, AccountKeys.Of keys) {
        int first = batch.incrementBy(keys.failures(), 1, failureWindow);
        batch.incrementBy(keys.consecutiveFailures(), 1, consecutiveWindow);
        return first;
    }

    /**
     * Places a brute-force lock when a count reached its limit.
     *
     * @param account the account
     * @param keys its keys
     * @param r the results
     * @param first the index {@link #addFailureCounts} returned
     * @return the counts and the lock placed, if any
     */
    public FailureOutcome afterFailure(AccountId account, AccountKeys.Of keys, StateBatch.Results r, int first) {
        long failures = r.count(first);
        long consecutive = r.count(first + 1);
        Instant now = clock.instant();
        AccountLock placed = null;
        if (consecutive >= hardLimit) {
            // kept under its own key, so a temporary lock written concurrently can never replace it
            placed = place(LockType.BRUTE_FORCE, keys.hardLock(), account, "consecutive-failures:" + consecutive, now,
                    null);
            store.delete(keys.failures());
        } else if (failures >= maxFailures) {
            placed = place(LockType.BRUTE_FORCE, keys.lock(LockType.BRUTE_FORCE), account, "failures:" + failures,
                    now, now.plus(lockDuration));
            store.delete(keys.failures());
        }
        return new FailureOutcome(failures, consecutive, Optional.ofNullable(placed));
    }

    /**
     * A failed attempt in one step (plus one write when a lock is placed).
     *
     * @param account the account
     * @return the counts and the lock placed, if any
     */
    public FailureOutcome recordFailure(AccountId account) {
        AccountKeys.Of keys = AccountKeys.of(account);
        StateBatch b = new StateBatch();
        int first = addFailureCounts(b, keys);
        return afterFailure(account, keys, store.run(b), first);
    }

    /**
     * Adds the reset of both failure counters (a success).
     *
     * @param batch the batch (run on {@link #store()})
     * @param keys the account's keys
     */
    public void addSuccess(StateBatch batch, AccountKeys.Of keys) {
        batch.delete(keys.failures());
        batch.delete(keys.consecutiveFailures());
    }

    /**
     * A success in one step.
     *
     * @param account the account
     */
    public void recordSuccess(AccountId account) {
        StateBatch b = new StateBatch();
        addSuccess(b, AccountKeys.of(account));
        store.run(b);
    }

    /**
     * Lifts a lock in one step; lifting {@link LockType#BRUTE_FORCE} also resets the failure counters.
     *
     * @param account the account
     * @param type the lock
     * @param by who lifts it
     * @return true when a lock in force was lifted
     */
    public boolean lift(AccountId account, LockType type, String by) {
        AccountKeys.Of keys = AccountKeys.of(account);
        StateBatch b = new StateBatch();
        int lock = b.delete(keys.lock(type));
        int hard = -1;
        if (type == LockType.BRUTE_FORCE) {
            hard = b.delete(keys.hardLock());
            addSuccess(b, keys);
        }
        StateBatch.Results r = store.run(b);
        boolean lifted = r.written(lock) || (hard >= 0 && r.written(hard));
        if (lifted) {
            audit.record(SecurityEventType.ACCOUNT_UNLOCKED, account.value(), null, by, type.name());
        }
        return lifted;
    }

    // ------------------------------------------------------------------ records

    /**
     * Places (or replaces) a lock and audits it.
     *
     * @param type its type
     * @param key its key
     * @param account the account
     * @param reason the reason, at most 200 characters
     * @param since when it starts
     * @param until when it ends, or null for never
     * @return the lock
     */
    public AccountLock place(LockType type, String key, AccountId account, String reason, Instant since,
            Instant until) {
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

    private static AccountLock decode(LockType type, byte[] raw) {
        Optional<Bin.Reader> r = Bin.Reader.of(raw, VERSION);
        if (r.isEmpty()) {
            return new AccountLock(type, "unreadable", Instant.EPOCH, null);
        }
        Bin.Reader in = r.get();
        long since = in.getLong();
        long until = in.getLong();
        String reason = in.getString();
        if (!in.ok()) {
            return new AccountLock(type, "unreadable", Instant.EPOCH, null);
        }
        return new AccountLock(type, reason, Instant.ofEpochMilli(since),
                until == Long.MAX_VALUE ? null : Instant.ofEpochMilli(until));
    }
}
