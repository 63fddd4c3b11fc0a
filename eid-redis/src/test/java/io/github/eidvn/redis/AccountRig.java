package io.github.eidvn.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.device.DevicePublicKey;
import io.github.eidvn.account.device.LoginRequest;
import io.github.eidvn.account.device.NewDeviceConfirmation;
import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.NewDeviceNotice;
import io.github.eidvn.account.otp.OtpMessage;
import io.github.eidvn.account.otp.OtpSender;
import io.github.eidvn.account.otp.OutOfBandOtp;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.core.spi.StateStore;

/**
 * The account services on a given store, as a bank node runs them: fast Argon2 parameters (as the account tests), a
 * notifier that hands each new-device code to the test (standing in for the push to the active phone) and an SMS
 * sender that records codes and deliveries.
 */
final class AccountRig implements DeviceNotifier, OtpSender {

    static final String PASSWORD = "Đúng#Mật1khẩu";
    static final byte[] KEY = "server-key-server-key-server-key!".getBytes(StandardCharsets.US_ASCII);
    static final PasswordHasher HASHER = PasswordHasher.builder().memoryKiB(8).iterations(1).build();
    static final String STORED_HASH = HASHER.hash(PASSWORD);

    final AccountLogin login;
    final OutOfBandOtp otp;
    final Map<String, String> newDeviceCodes = new ConcurrentHashMap<>();
    final Map<String, String> smsCodes = new ConcurrentHashMap<>();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong newDeviceNotices = new AtomicLong();
    final AtomicLong deviceBoundEvents = new AtomicLong();
    /** {@link System#nanoTime()} of every code delivery (SMS or push), to check none happened while Redis was down. */
    final List<Long> deliveryNanos = new CopyOnWriteArrayList<>();

    AccountRig(StateStore store) {
        Clock clock = Clock.systemUTC();
        SecurityAudit audit = SecurityAudit.of(clock, e -> {
            if (e.type() == SecurityEventType.DEVICE_BOUND) {
                deviceBoundEvents.incrementAndGet();
            }
        });
        this.login = AccountLogin.builder(store).notifier(this).serverKey(KEY).clock(clock).hasher(HASHER)
                .audit(audit).build();
        this.otp = OutOfBandOtp.builder(store).sender(this).serverKey(KEY).clock(clock).audit(audit)
                .resendCooldown(Duration.ofMillis(1)).maxSendsPerHour(20).build();
    }

    @Override
    public void sendNewDeviceCode(NewDeviceNotice notice) {
        deliveryNanos.add(System.nanoTime());
        newDeviceNotices.incrementAndGet();
        newDeviceCodes.put(notice.newDeviceId(), notice.code());
    }

    @Override
    public void signedOut(AccountId account, String deviceId, Instant at) {
        // the phone would show "signed out"; nothing to record here
    }

    @Override
    public void send(OtpMessage message) {
        deliveryNanos.add(System.nanoTime());
        deliveries.incrementAndGet();
        smsCodes.put(message.recipient(), message.code());
    }

    static AccountId acct(String id) {
        return AccountId.of(id);
    }

    static NewDeviceConfirmation confirmation(String account, String challengeId, String code, String source) {
        return NewDeviceConfirmation.of(acct(account), challengeId).code(code).source(source);
    }

    static LoginRequest request(String account, CharSequence password, String storedHash, String deviceId,
            DevicePublicKey key, String source) {
        return LoginRequest.builder(acct(account)).password(password).storedPasswordHash(storedHash)
                .deviceId(deviceId).devicePublicKey(key).source(source).build();
    }

    /**
     * The hash tag the account services put in an account's keys, computed here independently of the library:
     * {@code {a.<base64url SHA-256 of the id>}}.
     */
    static String tag(String id) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "{a." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(h) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    LoginResult password(String pn, Device d, String source) {
        return login.passwordLogin(request(pn, PASSWORD, STORED_HASH, d.id(), d.publicKey(), source));
    }

    /** Password login, then, when a new device is required, confirmation with the code the active phone got. */
    LoginResult loginAndConfirm(String pn, Device d, String source) {
        LoginResult r = password(pn, d, source);
        if (r instanceof LoginResult.NewDeviceRequired n) {
            return login.confirmNewDevice(confirmation(pn, n.challengeId(), newDeviceCodes.get(d.id()), source));
        }
        return r;
    }

    /** A simulated phone: a device id and a P-256 key pair. */
    record Device(String id, KeyPair keys, DevicePublicKey publicKey) {
        static Device create(String id) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair kp = g.generateKeyPair();
                return new Device(id, kp, DevicePublicKey.of((ECPublicKey) kp.getPublic()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
