package io.github.eidvn.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.device.DevicePublicKey;
import io.github.eidvn.account.device.LoginRequest;
import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.NewDeviceNotice;
import io.github.eidvn.account.device.SessionValidation;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.account.password.PasswordVerification;
import io.github.eidvn.core.spi.InMemoryStateStore;

/**
 * P6: what the single-device rule of {@link AccountLogin} adds on top of the password hash and of the token hash, on
 * the in-memory {@link InMemoryStateStore}, single-threaded. Everything on the eid side goes through the public API
 * with the defaults an application gets (default {@link java.security.SecureRandom}, default locks, source throttle
 * and audit), except two injected choices: a fixed {@link Clock} and a cheap password hasher (m = 8 KiB, t = 1,
 * p = 1: the cheapest the API accepts, so that the state work is as visible as it can be).
 *
 * <p><b>{@link #eidLogin}</b>: {@code passwordLogin} from the already-bound device, which must answer
 * {@code LoggedIn}: request checks; one store step with the source throttle's reservation, the per-account lease, the
 * lock status and the binding read; Argon2id verification of the stored hash; one store step with the failure
 * counters' reset, the throttle's give-back, the lease release and the new session (a random 256-bit token, whose
 * SHA-256 keys the session record); the audit event. <b>P6 = eidLogin ÷ {@link #argon2Verify}</b>, the same
 * Argon2id verification alone, at the same parameters. Sessions accumulate in the store (one per login, nothing
 * expires on the fixed clock), so every {@link #pool} logins the op starts over on a fresh store and binds the device
 * again with its first login (as after a restart); that cost is inside the op, amortized.
 *
 * <p><b>{@link #eidValidate}</b>: {@code validateSession} of a session created in the setup, which must answer
 * {@code Valid}: token format check, SHA-256 of the token, session read and decode, idle and absolute limits, one store
 * step with the binding and the two locks that end sessions (user, authority), read by the account's hash tag the
 * session record keeps (nothing else is hashed), device and generation check. On the fixed clock the last use is less
 * than one second old, so no idle-timer write happens (the common case when an app checks the session on every
 * request; the refresh write happens at most once a second per session). <b>P6_validate = eidValidate ÷
 * {@link #sha256Token}</b>, the SHA-256 of one session token alone (a JCA {@code MessageDigest} cloned from a
 * prototype, over the token's bytes).
 *
 * <p>SLF4J has no provider in the benchmark jar, so the audit's log lines are no-ops: an application's logging
 * backend adds its own cost to every login.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeviceBenchmark {

    static final String PASSWORD = "Đúng#Mật1khẩu";
    static final String PERSONAL_NUMBER = "001090012345";
    static final String DEVICE = "bench-phone-1";
    static final String SOURCE = "203.0.113.7";
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final byte[] SERVER_KEY = "bench-server-key-bench-server-key".getBytes(StandardCharsets.US_ASCII);

    /** Logins per store before the login ops start over on a fresh one (a smoke test may lower it). */
    int pool = 16_384;

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final PasswordHasher hasher = PasswordHasher.builder().memoryKiB(8).iterations(1).parallelism(1).build();
    String storedHash;
    LoginRequest request;

    AccountLogin login;
    int loginsInStore;
    AccountLogin validator;
    String token;
    MessageDigest sha256;

    /**
     * Makes the device key, the stored hash, and a bound device with a session.
     *
     * @throws GeneralSecurityException never (P-256 is always available)
     */
    @Setup
    public void setup() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        DevicePublicKey key = DevicePublicKey.of((ECPublicKey) g.generateKeyPair().getPublic());
        storedHash = hasher.hash(PASSWORD);
        request = LoginRequest.builder(AccountId.ofPersonalNumber(PERSONAL_NUMBER)).password(PASSWORD)
                .storedPasswordHash(storedHash).deviceId(DEVICE).devicePublicKey(key).source(SOURCE).build();
        freshLogin();
        validator = service();
        token = ((LoginResult.LoggedIn) check(validator.passwordLogin(request))).token().value();
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    AccountLogin service() {
        DeviceNotifier notifier = new DeviceNotifier() {
            @Override
            public void sendNewDeviceCode(NewDeviceNotice notice) {
                throw new IllegalStateException("the benchmark logs in from the bound device only");
            }
        };
        return AccountLogin.builder(InMemoryStateStore.create(clock)).notifier(notifier).serverKey(SERVER_KEY)
                .clock(clock).hasher(hasher).build();
    }

    private void freshLogin() {
        login = service();
        check(login.passwordLogin(request)); // binds the device
        loginsInStore = 1;
    }

    private static LoginResult check(LoginResult r) {
        if (!(r instanceof LoginResult.LoggedIn)) {
            throw new IllegalStateException("login refused: " + r);
        }
        return r;
    }

    /**
     * eid password login from the bound device (see the class comment).
     *
     * @return the result ({@code LoggedIn})
     */
    @Benchmark
    public LoginResult eidLogin() {
        if (loginsInStore == pool) {
            freshLogin();
        }
        loginsInStore++;
        return check(login.passwordLogin(request));
    }

    /**
     * eid session validation (see the class comment).
     *
     * @return the result ({@code Valid})
     */
    @Benchmark
    public SessionValidation eidValidate() {
        SessionValidation v = validator.validateSession(token);
        if (!(v instanceof SessionValidation.Valid)) {
            throw new IllegalStateException("session invalid: " + v);
        }
        return v;
    }

    /**
     * The Argon2id verification inside {@link #eidLogin}, alone (m = 8 KiB, t = 1, p = 1).
     *
     * @return the result ({@code Match})
     */
    @Benchmark
    public PasswordVerification argon2Verify() {
        PasswordVerification v = hasher.verify(PASSWORD, storedHash);
        if (!(v instanceof PasswordVerification.Match)) {
            throw new IllegalStateException("hash mismatch: " + v);
        }
        return v;
    }

    /**
     * P6_validate's reference: SHA-256 of one session token alone, the cheapest way the JCA offers (a clone of a
     * prototype {@code MessageDigest}, no provider look-up), over the token's UTF-8 bytes.
     *
     * @return the digest
     * @throws CloneNotSupportedException never (the JDK's SHA-256 is cloneable)
     */
    @Benchmark
    public byte[] sha256Token() throws CloneNotSupportedException {
        return ((MessageDigest) sha256.clone()).digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
