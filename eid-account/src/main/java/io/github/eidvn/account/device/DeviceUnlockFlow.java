package io.github.eidvn.account.device;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Checks;
import io.github.eidvn.account.internal.Secrets;

/** Sign-in on the bound device: a single-use server nonce signed with the device key. */
final class DeviceUnlockFlow {

    private static final String UNLOCK_PREFIX = "eid-unlock-v1.";

    private final LoginContext c;
    private final Sessions sessions;

    DeviceUnlockFlow(LoginContext c, Sessions sessions) {
        this.c = c;
        this.sessions = sessions;
    }

    UnlockStart begin(AccountId account, String deviceId) {
        if (!Checks.isDeviceId(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        Optional<DeviceBinding> b = c.store().get(AccountKeys.binding(account))
                .flatMap(AccountRecords::decodeBinding);
        if (b.isEmpty() || !b.get().deviceId().equals(deviceId)) {
            return LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        }
        Optional<LoginResult.Refused> locked = c.blockingLock(account, deviceId, null, "unlock");
        if (locked.isPresent()) {
            return locked.get();
        }
        String challenge = UNLOCK_PREFIX + Secrets.b64url(Secrets.randomBytes(c.random(), 32));
        Instant expires = c.clock().instant().plus(c.unlockValidity());
        c.store().put(AccountKeys.unlockNonce(account, deviceId),
                AccountRecords.encode(new AccountRecords.Unlock(challenge, b.get().generation(), expires)),
                c.unlockValidity());
        return new UnlockChallenge(challenge, expires);
    }

    LoginResult finish(AccountId account, String deviceId, String challenge, byte[] signature, String source) {
        String pn = account.value();
        if (!Checks.isDeviceId(deviceId) || challenge == null || challenge.length() > 128) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        Optional<AccountRecords.Unlock> u = c.store().consume(AccountKeys.unlockNonce(account, deviceId))
                .flatMap(AccountRecords::decodeUnlock);
        Instant now = c.clock().instant();
        if (u.isEmpty()
                || !Secrets.equal(u.get().challenge().getBytes(StandardCharsets.UTF_8),
                        challenge.getBytes(StandardCharsets.UTF_8))
                || !now.isBefore(u.get().expiresAt())) {
            c.audit().record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "unknown-challenge");
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        Optional<DeviceBinding> b = c.store().get(AccountKeys.binding(account))
                .flatMap(AccountRecords::decodeBinding);
        if (b.isEmpty() || !b.get().deviceId().equals(deviceId) || b.get().generation() != u.get().generation()) {
            c.audit().record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "not-active-device");
            return LoginResult.Refused.of(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        }
        Optional<LoginResult.Refused> locked = c.blockingLock(account, deviceId, source, "unlock");
        if (locked.isPresent()) {
            return locked.get();
        }
        if (!b.get().publicKey().verify(challenge.getBytes(StandardCharsets.UTF_8), signature)) {
            c.audit().record(SecurityEventType.DEVICE_UNLOCK_FAILED, pn, deviceId, source, "bad-signature");
            return LoginResult.Refused.of(LoginResult.Reason.BAD_SIGNATURE);
        }
        c.audit().record(SecurityEventType.DEVICE_UNLOCKED, pn, deviceId, source, "device-key");
        return sessions.loggedIn(account, b.get(), false, source, "device-key");
    }
}
