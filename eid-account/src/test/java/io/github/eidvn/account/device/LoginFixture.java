package io.github.eidvn.account.device;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.RecoveryProof;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

/** A login service on an in-memory store, a settable clock, a recording notifier and fast Argon2 parameters. */
final class LoginFixture implements DeviceNotifier {

    static final String PN = "001099012345";
    static final String PASSWORD = "Đúng#Mật1khẩu";
    static final byte[] KEY = "server-key-server-key-server-key!".getBytes(StandardCharsets.US_ASCII);
    static final PasswordHasher HASHER = PasswordHasher.builder().memoryKiB(8).iterations(1).build();

    final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T01:00:00Z"));
    final InMemoryStateStore store = InMemoryStateStore.create(clock);
    final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    final List<NewDeviceNotice> notices = new CopyOnWriteArrayList<>();
    final Map<String, String> lastCodeForNewDevice = new ConcurrentHashMap<>();
    final List<String> signedOut = new CopyOnWriteArrayList<>();
    final String storedHash = HASHER.hash(PASSWORD);
    final AccountLogin login;
    final AtomicLong deviceBoundEvents = new AtomicLong();
    volatile boolean failNotifications;
    volatile boolean recordNotices = true;
    volatile boolean recordEvents = true;

    LoginFixture() {
        this.login = AccountLogin.builder(store).notifier(this).serverKey(KEY).clock(clock).hasher(HASHER)
                .audit(SecurityAudit.of(clock, e -> {
                    if (e.type() == SecurityEventType.DEVICE_BOUND) {
                        deviceBoundEvents.incrementAndGet();
                    }
                    if (recordEvents) {
                        events.add(e);
                    }
                })).build();
    }

    @Override
    public void sendNewDeviceCode(NewDeviceNotice notice) {
        if (failNotifications) {
            throw new IllegalStateException("push service down");
        }
        if (recordNotices) {
            notices.add(notice);
        }
        lastCodeForNewDevice.put(notice.newDeviceId(), notice.code());
    }

    @Override
    public void signedOut(AccountId account, String deviceId, Instant at) {
        if (recordNotices) {
            signedOut.add(deviceId);
        }
    }

    LoginResult password(TestDevice d) {
        return password(d, PASSWORD, "10.0.0.1");
    }

    LoginResult password(TestDevice d, String pw, String source) {
        return login.passwordLogin(request(PN, pw, storedHash, d.id, d.publicKey, source));
    }

    /** Password login then, if asked, confirmation with the code the active device received. */
    LoginResult loginAndConfirm(TestDevice d, String source) {
        LoginResult r = password(d, PASSWORD, source);
        if (r instanceof LoginResult.NewDeviceRequired n) {
            return login.confirmNewDevice(confirmation(PN, n.challengeId(), lastCodeForNewDevice.get(d.id), source));
        }
        return r;
    }

    /** An account id as the tests give it (a personal number or any id); a malformed one throws. */
    static AccountId acct(String id) {
        return AccountId.of(id);
    }

    static NewDeviceConfirmation confirmation(String account, String challengeId, String code, String source) {
        return NewDeviceConfirmation.of(acct(account), challengeId).code(code).source(source);
    }

    /** Recovery of the account keyed by the holder's personal number. */
    static RecoveryRequest recovery(String pn, RecoveryProof proof, String deviceId, DevicePublicKey key,
            String source) {
        return RecoveryRequest.builder(acct(pn)).holderPersonalNumber(pn).proof(proof).newDeviceId(deviceId)
                .newDeviceKey(key).source(source).build();
    }

    static LoginRequest request(String account, CharSequence password, String storedHash, String deviceId,
            DevicePublicKey key, String source) {
        return LoginRequest.builder(acct(account)).password(password).storedPasswordHash(storedHash)
                .deviceId(deviceId).devicePublicKey(key).source(source).build();
    }

    static String token(LoginResult r) {
        return ((LoginResult.LoggedIn) r).token().value();
    }
}
