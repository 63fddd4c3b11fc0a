package io.github.eidvn.account.device;

import java.time.Duration;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.CompareAndSet;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.account.lock.FailureOutcome;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.account.password.PasswordVerification;
import io.github.eidvn.core.spi.StateStore;

/**
 * Password login: serialized per account by a lease, then binds the first device, logs in the bound one, or sends a
 * new-device code to the active one ({@link NewDeviceFlow}).
 */
final class PasswordLoginFlow {

    private static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final LoginContext c;
    private final Sessions sessions;
    private final NewDeviceFlow newDevice;
    private final String dummyHash;

    PasswordLoginFlow(LoginContext c, Sessions sessions, NewDeviceFlow newDevice) {
        this.c = c;
        this.sessions = sessions;
        this.newDevice = newDevice;
        this.dummyHash = c.hasher().hash(Secrets.b64url(Secrets.randomBytes(c.random(), 16)));
    }

    LoginResult login(LoginRequest request) {
        AccountId account = request.account();
        String deviceId = request.deviceId();
        String source = request.source();
        if (!Checks.isDeviceId(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        String leaseKey = AccountKeys.loginLease(account);
        byte[] lease = Secrets.randomBytes(c.random(), 16);
        if (!c.store().putIfAbsent(leaseKey, lease, LEASE_TTL)) {
            return LoginResult.Refused.of(LoginResult.Reason.BUSY);
        }
        Checked checked;
        try {
            checked = checkPassword(request);
            if (checked.refused() != null) {
                return checked.refused();
            }
        } finally {
            c.store().deleteIfEquals(leaseKey, lease);
        }
        return afterPassword(account, deviceId, request.devicePublicKey(), source, checked.rehash());
    }

    /** The outcome of the checks under the lease: a refusal, or the password matched (and maybe needs a rehash). */
    private record Checked(LoginResult refused, boolean rehash) {
        static Checked refusal(LoginResult r) {
            return new Checked(r, false);
        }
    }

    /** The throttle, lock and password checks (failures counted, a success resets them). */
    private Checked checkPassword(LoginRequest request) {
        String account = request.account().value();
        String deviceId = request.deviceId();
        String source = request.source();
        if (!c.throttle().tryAcquire(source)) {
            c.audit().record(SecurityEventType.SOURCE_THROTTLED, account, deviceId, source, "password");
            return Checked.refusal(LoginResult.Refused.of(LoginResult.Reason.SOURCE_THROTTLED));
        }
        LockStatus status = c.locks().status(request.account());
        if (status instanceof LockStatus.Locked l) {
            c.throttle().succeeded(source);
            c.audit().record(SecurityEventType.LOGIN_REFUSED_LOCKED, account, deviceId, source, "password");
            return Checked.refusal(new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED, l.until(), -1));
        }
        String stored = request.storedPasswordHash();
        PasswordVerification v = c.hasher().verify(request.password(), stored == null ? dummyHash : stored);
        if (stored == null || !(v instanceof PasswordVerification.Match m)) {
            FailureOutcome outcome = c.locks().recordFailure(request.account());
            String detail = stored == null ? "unknown-account"
                    : v instanceof PasswordVerification.Unusable u ? "stored-hash-" + u.reason() : "wrong-password";
            c.audit().record(SecurityEventType.LOGIN_FAILED, account, deviceId, source, detail);
            if (outcome.lockPlaced().isPresent()) {
                return Checked.refusal(new LoginResult.Refused(LoginResult.Reason.ACCOUNT_LOCKED,
                        outcome.lockPlaced().get().until(), -1));
            }
            return Checked.refusal(LoginResult.Refused.of(LoginResult.Reason.INVALID_CREDENTIALS));
        }
        c.locks().recordSuccess(request.account());
        c.throttle().succeeded(source);
        return new Checked(null, m.needsRehash());
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
