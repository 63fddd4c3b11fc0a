package io.github.eidvn.account.device;

import java.time.Instant;
import java.util.Optional;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.AttemptCounter;
import io.github.eidvn.account.internal.Secrets;
import io.github.eidvn.core.spi.StateStore;

/**
 * A login from another device: a 6-digit code shown on the active device (stored as an HMAC), then the switch of the
 * active device with one compare-and-set on the binding.
 */
final class NewDeviceFlow {

    private static final String MAC_LABEL = "eid-new-device-v1";

    private final LoginContext c;
    private final Sessions sessions;

    NewDeviceFlow(LoginContext c, Sessions sessions) {
        this.c = c;
        this.sessions = sessions;
    }

    /** Sends a code to the active device and stores the challenge; the binding read is the one it may replace. */
    LoginResult challenge(AccountId account, String activeDeviceId, byte[] activeRaw, String deviceId,
            DevicePublicKey key, String source) {
        String challengeId = Secrets.b64url(Secrets.randomBytes(c.random(), 16));
        String code = Secrets.randomDigits(c.random(), 6);
        Instant expires = c.clock().instant().plus(c.codeValidity());
        byte[] record = AccountRecords.encode(new AccountRecords.Challenge(activeRaw, deviceId, key.encoded(),
                mac(account, challengeId, code), expires));
        String chalKey = AccountKeys.newDeviceChallenge(account, challengeId);
        c.store().put(chalKey, record, c.codeValidity());
        try {
            c.notifier().sendNewDeviceCode(new NewDeviceNotice(account, activeDeviceId, deviceId, code, expires));
        } catch (RuntimeException e) {
            c.store().deleteIfEquals(chalKey, record);
            c.audit().record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, account.value(), deviceId, source,
                    "notification-failed");
            return LoginResult.Refused.of(LoginResult.Reason.NOTIFICATION_FAILED);
        }
        c.audit().record(SecurityEventType.NEW_DEVICE_CHALLENGE_SENT, account.value(), deviceId, source,
                "active:" + activeDeviceId);
        return new LoginResult.NewDeviceRequired(challengeId, expires);
    }

    LoginResult confirm(NewDeviceConfirmation confirmation) {
        AccountId account = confirmation.account();
        String challengeId = confirmation.challengeId();
        String code = confirmation.code();
        String source = confirmation.source();
        String pn = account.value();
        if (!challengeId.matches("[A-Za-z0-9_-]{22}") || !code.matches("[0-9]{6}")) {
            return LoginResult.Refused.of(LoginResult.Reason.MALFORMED_REQUEST);
        }
        if (!c.throttle().tryAcquire(source)) {
            c.audit().record(SecurityEventType.SOURCE_THROTTLED, pn, null, source, "new-device");
            return LoginResult.Refused.of(LoginResult.Reason.SOURCE_THROTTLED);
        }
        String chalKey = AccountKeys.newDeviceChallenge(account, challengeId);
        Optional<byte[]> raw = c.store().get(chalKey);
        Optional<AccountRecords.Challenge> ch = raw.flatMap(AccountRecords::decodeChallenge);
        Instant now = c.clock().instant();
        if (ch.isEmpty() || !now.isBefore(ch.get().expiresAt())) {
            c.throttle().succeeded(source);
            c.audit().record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, null, source, "unknown-challenge");
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        AccountRecords.Challenge chal = ch.get();
        AttemptCounter.Attempt attempt = c.codeTries().record(AccountKeys.newDeviceTries(account, challengeId));
        if (!attempt.allowed()) {
            c.store().deleteIfEquals(chalKey, raw.get());
            c.throttle().succeeded(source);
            c.audit().record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, chal.deviceId(), source,
                    "too-many-attempts");
            return new LoginResult.Refused(LoginResult.Reason.TOO_MANY_ATTEMPTS, Optional.empty(), 0);
        }
        if (!Secrets.equal(mac(account, challengeId, code), chal.mac())) {
            if (attempt.remaining() == 0) {
                c.store().deleteIfEquals(chalKey, raw.get());
            }
            c.audit().record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, chal.deviceId(), source,
                    "wrong-code");
            return new LoginResult.Refused(LoginResult.Reason.WRONG_CODE, Optional.empty(), attempt.remaining());
        }
        c.throttle().succeeded(source);
        if (!c.store().deleteIfEquals(chalKey, raw.get())) {
            return LoginResult.Refused.of(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        return switchDevice(account, chal, source, now);
    }

    private LoginResult switchDevice(AccountId account, AccountRecords.Challenge chal, String source, Instant now) {
        String pn = account.value();
        Optional<LoginResult.Refused> locked = c.blockingLock(account, chal.deviceId(), source, "new-device");
        if (locked.isPresent()) {
            return locked.get();
        }
        Optional<DeviceBinding> old = AccountRecords.decodeBinding(chal.expectedBinding());
        Optional<DevicePublicKey> key = DevicePublicKey.parse(chal.spki());
        if (old.isEmpty() || key.isEmpty()) {
            return LoginResult.Refused.of(LoginResult.Reason.BINDING_CHANGED);
        }
        DeviceBinding next = new DeviceBinding(chal.deviceId(), key.get(), old.get().generation() + 1, now);
        if (!c.store().compareAndSet(AccountKeys.binding(account), chal.expectedBinding(),
                AccountRecords.encode(next), StateStore.NO_EXPIRY)) {
            c.audit().record(SecurityEventType.NEW_DEVICE_CONFIRMATION_FAILED, pn, chal.deviceId(), source,
                    "binding-changed");
            return LoginResult.Refused.of(LoginResult.Reason.BINDING_CHANGED);
        }
        c.audit().record(SecurityEventType.DEVICE_SWITCHED, pn, chal.deviceId(), source,
                "from:" + old.get().deviceId() + ":generation:" + next.generation());
        c.signedOut(account, old.get().deviceId());
        return sessions.loggedIn(account, next, false, source, "new-device");
    }

    private byte[] mac(AccountId account, String challengeId, String code) {
        return Secrets.hmac(c.serverKey(), MAC_LABEL, account.value(), challengeId, code);
    }
}
