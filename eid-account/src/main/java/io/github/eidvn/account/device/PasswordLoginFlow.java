package io.github.eidvn.account.device;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.account.internal.LockSteps;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.internal.StoreSteps;
import io.github.eidvn.account.internal.ThrottleSteps;
import io.github.eidvn.account.lock.FailureOutcome;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.password.PasswordVerification;
import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;

/**
 * Password login: serialized per account by a lease, then binds the first device, logs in the bound one, or sends a
 * new-device code to the active one ({@link NewDeviceFlow}).
 *
 * <p>From the bound device a login is two state-store steps (on Redis: two scripts), around the password hash:
 * the source's reservation, the lease, the lock status and the binding read together; then the counters' reset, the
 * give-back, the lease release and the session write together. A failure adds the failure counts (and a lock when a
 * limit is reached) and the lease release; the first login of a device adds the binding's compare-and-set.
 */
final class PasswordLoginFlow {

    private static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final LoginContext c;
    private final Sessions sessions;
    private final NewDeviceFlow newDevice;
    private final String dummyHash;
    private final LockSteps locks;
    private final ThrottleSteps throttle;
    private final StateStore throttleStore;
    private final byte[] leasePrefix;
    private final AtomicLong leaseCounter = new AtomicLong();

    PasswordLoginFlow(LoginContext c, Sessions sessions, NewDeviceFlow newDevice) {
        this.c = c;
        this.sessions = sessions;
        this.newDevice = newDevice;
        this.locks = c.lockSteps();
        this.throttle = c.throttleSteps();
        this.throttleStore = throttle.counter().store();
        this.leasePrefix = Secrets.randomBytes(c.random(), 16);
        this.dummyHash = c.hasher().hash(Secrets.b64url(Secrets.randomBytes(c.random(), 16)));
    }

    LoginResult login(LoginRequest request) {
        AccountId account = request.account();
        String deviceId = request.deviceId();
        String source = request.source();
        if (!Checks.isDeviceId(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        AccountKeys.Of keys = AccountKeys.of(account);
        String throttleKey = throttle.keyOf().apply(source);
        byte[] lease = nextLease();

        // step 1, one round trip: reserve a guess for the source, take the account's lease, read locks and binding
        StoreSteps first = new StoreSteps();
        int reserved = throttle.counter().addRecord(first.on(throttleStore), throttleKey);
        StateBatch main = first.on(c.store());
        int leased = main.putIfAbsent(keys.loginLease(), lease, LEASE_TTL);
        int lockReads = locks.addStatusReads(first.on(locks.store()), keys);
        int binding = main.get(keys.binding());
        try {
            first.run();
        } catch (RuntimeException e) {
            releaseQuietly(keys, lease, e);
            throw e;
        }
        if (!first.of(c.store()).written(leased)) {
            giveBack(throttleKey);
            return LoginResult.Refused.of(LoginResult.Reason.BUSY);
        }
        boolean leaseHeld = true;
        try {
            if (!throttle.counter().attempt(first.of(throttleStore), reserved).allowed()) {
                c.audit().record(SecurityEventType.SOURCE_THROTTLED, account.value(), deviceId, source, "password");
                return LoginResult.Refused.of(LoginResult.Reason.SOURCE_THROTTLED);
            }
            if (locks.status(first.of(locks.store()), lockReads) instanceof LockStatus.Locked l) {
                StoreSteps undo = new StoreSteps();
                throttle.counter().addGiveBack(undo.on(throttleStore), throttleKey);
                undo.on(c.store()).deleteIfEquals(keys.loginLease(), lease);
                undo.run();
                leaseHeld = false;
                c.audit().record(SecurityEventType.LOGIN_REFUSED_LOCKED, account.value(), deviceId, source,
                        "password");
                return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1);
            }
            String stored = request.storedPasswordHash();
            PasswordVerification v = c.hasher().verify(request.password(), stored == null ? dummyHash : stored);
            if (stored == null || !(v instanceof PasswordVerification.Match m)) {
                StateBatch counts = new StateBatch();
                int counted = locks.addFailureCounts(counts, keys);
                FailureOutcome outcome = locks.afterFailure(account, keys, locks.store().run(counts), counted);
                String detail = stored == null ? "unknown-account"
                        : v instanceof PasswordVerification.Unusable u ? "stored-hash-" + u.reason() : "wrong-password";
                c.audit().record(SecurityEventType.LOGIN_FAILED, account.value(), deviceId, source, detail);
                if (outcome.lockPlaced().isPresent()) {
                    return new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED,
                            outcome.lockPlaced().get().until(), -1);
                }
                return LoginResult.Refused.of(LoginResult.Reason.INVALID_CREDENTIALS);
            }

            // step 2, one round trip: reset the counters, give the source's guess back, release the lease and, from
            // the bound device, write the session (bound to the binding generation read in step 1)
            StoreSteps done = new StoreSteps();
            locks.addSuccess(done.on(locks.store()), keys);
            throttle.counter().addGiveBack(done.on(throttleStore), throttleKey);
            StateBatch last = done.on(c.store());
            last.deleteIfEquals(keys.loginLease(), lease);
            Optional<byte[]> current = first.of(c.store()).value(binding);
            Optional<AccountRecords.BindingHead> head = current.flatMap(AccountRecords::decodeBindingHead);
            if (head.isPresent() && head.get().isDevice(deviceId, request.devicePublicKey())) {
                Sessions.NewSession session = sessions.prepare(keys, account, head.get().deviceId(),
                        head.get().generation());
                int written = session.addTo(last);
                done.run();
                leaseHeld = false;
                return session.committed(done.of(c.store()).written(written), m.needsRehash(), source, "password");
            }
            done.run();
            leaseHeld = false;
            return afterPassword(account, deviceId, request.devicePublicKey(), source, m.needsRehash());
        } finally {
            if (leaseHeld) {
                release(keys, lease);
            }
        }
    }

    /**
     * A lease value unique to this attempt: a random prefix drawn once per service and a counter. It is not a secret
     * (it only lets the holder release its own lease), so it needs no random bytes per login.
     */
    private byte[] nextLease() {
        byte[] v = Arrays.copyOf(leasePrefix, leasePrefix.length + 8);
        long n = leaseCounter.incrementAndGet();
        for (int i = 0; i < 8; i++) {
            v[leasePrefix.length + i] = (byte) (n >>> (56 - 8 * i));
        }
        return v;
    }

    /** Gives back the source's reserved guess (the attempt tested no secret). */
    private void giveBack(String throttleKey) {
        StateBatch b = new StateBatch();
        throttle.counter().addGiveBack(b, throttleKey);
        throttleStore.run(b);
    }

    /** Releases the lease if it is still ours (a batch of one: the same script as the other steps on Redis). */
    private void release(AccountKeys.Of keys, byte[] lease) {
        StateBatch b = new StateBatch();
        b.deleteIfEquals(keys.loginLease(), lease);
        c.store().run(b);
    }

    /** After a failed first step: releases the lease if it was taken, keeping the first failure. */
    private void releaseQuietly(AccountKeys.Of keys, byte[] lease, RuntimeException failure) {
        try {
            release(keys, lease);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private LoginResult afterPassword(AccountId account, String deviceId, DevicePublicKey key, String source,
            boolean rehash) {
        return CompareAndSet.<LoginResult>update(c.store(), AccountKeys.binding(account), cur -> {
            if (cur.isEmpty()) {
                DeviceBinding b = new DeviceBinding(deviceId, key, 1, c.clock().instant());
                return new CompareAndSet.Write<>(AccountRecords.encode(b), StateStore.NO_EXPIRY, () -> {
                    c.audit().record(SecurityEventType.DEVICE_BOUND, account.value(), deviceId, source,
                            "generation:1");
                    return sessions.loggedIn(account, b, rehash, source, "password");
                });
            }
            Optional<AccountRecords.BindingHead> b = AccountRecords.decodeBindingHead(cur.get());
            if (b.isEmpty()) {
                return new CompareAndSet.Done<>(LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE));
            }
            if (b.get().isDevice(deviceId, key)) {
                return new CompareAndSet.Done<>(sessions.loggedIn(account, b.get().deviceId(), b.get().generation(),
                        rehash, source, "password"));
            }
            return new CompareAndSet.Done<>(
                    newDevice.challenge(account, b.get().deviceId(), cur.get(), deviceId, key, source));
        }).orElse(LoginResult.Refused.of(LoginResult.Reason.BUSY));
    }
}
