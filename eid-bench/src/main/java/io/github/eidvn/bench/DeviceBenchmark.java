package io.github.eidvn.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
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
 * P6: the single-device rule of {@link AccountLogin} on the in-memory {@link InMemoryStateStore}, single-threaded,
 * against a bare {@link ConcurrentHashMap} doing the minimal state work of the same rule. Everything on the eid side
 * goes through the public API with the defaults an application gets (default {@link java.security.SecureRandom},
 * default locks, source throttle and audit), except two injected choices: a fixed {@link Clock} and a cheap
 * password hasher (below).
 *
 * <p><b>{@link #eidLogin}</b>: {@code passwordLogin} from the already-bound device, which must answer
 * {@code LoggedIn}: request checks; the per-account password lease (random 16-byte value, put-if-absent, deleted at
 * the end); the per-source throttle (SHA-256 of the source, counter +1 then −1); the lock status (four reads);
 * Argon2id verification of the stored hash; the failure counters reset (two deletes); the binding read and its
 * device and key check; then a new session: a random 256-bit token, whose SHA-256 keys the session record
 * (put-if-absent), and the audit event. <i>Password hashing cannot be left out</i>: {@code passwordLogin} always
 * verifies the password and {@link PasswordHasher} is a final class, so it runs with the cheapest parameters the API
 * accepts (m = 8 KiB, t = 1, p = 1), which still cost tens of microseconds (Bouncy Castle) and dominate the op;
 * {@link #argon2Verify} measures that hash alone, as context. Sessions accumulate in the store (one per login,
 * nothing expires on the fixed clock), so every {@link #pool} logins the op starts over on a fresh store and binds the device again with
 * its first login (as after a restart); that cost is inside the op, amortized.
 *
 * <p><b>{@link #eidValidate}</b>: {@code validateSession} of a session created in the setup, which must answer
 * {@code Valid}: token format check, SHA-256 of the token, session read and decode, idle and absolute limits, binding
 * read and decode, device and generation check, lock status (four reads). On the fixed clock the last use is less
 * than one second old, so no idle-timer write happens (the common case when an app checks the session on every
 * request; the refresh write happens at most once a second per session).
 *
 * <p><b>{@link #casLogin}</b>, the baseline login: read the account's binding (an immutable record: device id,
 * generation, login count) from a {@code ConcurrentHashMap<String, Binding>}, check the device id, and
 * {@code replace(key, old, new)} with the login count + 1, retrying on a lost race (the compare-and-set loop); then
 * put a session record (account, device, generation) under the next {@code long} counter value in a
 * {@code ConcurrentHashMap<Long, Session>}. No password, lease, throttle, lock, randomness, hashing or encoding. eid's
 * bound-device login does not rewrite the binding: its atomic step is the lease put-if-absent; the baseline's
 * {@code replace} stands for that one atomic step. Every {@link #pool} logins the session map starts over too.
 *
 * <p><b>{@link #casValidate}</b>, the baseline validate: {@code get} the session by its key, {@code get} the binding
 * of its account, compare device id and generation. No token hashing, no time limits, no lock check.
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

    ConcurrentHashMap<String, Binding> bindings;
    ConcurrentHashMap<Long, Session> sessions;
    long sessionCounter;
    int casLoginsInMap;
    Long casToken;

    /** The baseline's binding: immutable, compared by identity in {@code replace}. */
    static final class Binding {
        final String deviceId;
        final long generation;
        final long logins;

        Binding(String deviceId, long generation, long logins) {
            this.deviceId = deviceId;
            this.generation = generation;
            this.logins = logins;
        }
    }

    /** The baseline's session record. */
    record Session(String personalNumber, String deviceId, long generation) {
    }

    /**
     * Makes the device key, the stored hash, a bound device with a session, and the baseline maps.
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

        bindings = new ConcurrentHashMap<>();
        bindings.put(PERSONAL_NUMBER, new Binding(DEVICE, 1, 0));
        freshSessions();
        casToken = sessionCounter;
        sessions.put(casToken, new Session(PERSONAL_NUMBER, DEVICE, 1));
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

    private void freshSessions() {
        sessions = new ConcurrentHashMap<>();
        sessionCounter = 0;
        casLoginsInMap = 0;
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
     * Baseline login: binding read, device check, compare-and-set loop, session put (see the class comment).
     *
     * @return the new session's key
     */
    @Benchmark
    public Long casLogin() {
        if (casLoginsInMap == pool) {
            freshSessions();
        }
        casLoginsInMap++;
        while (true) {
            Binding b = bindings.get(PERSONAL_NUMBER);
            if (b == null || !b.deviceId.equals(DEVICE)) {
                throw new IllegalStateException("not the active device");
            }
            if (bindings.replace(PERSONAL_NUMBER, b, new Binding(b.deviceId, b.generation, b.logins + 1))) {
                Long key = ++sessionCounter;
                sessions.put(key, new Session(PERSONAL_NUMBER, b.deviceId, b.generation));
                return key;
            }
        }
    }

    /**
     * Baseline validate: session get, binding get, device and generation compare (see the class comment).
     *
     * @return true (the session is valid)
     */
    @Benchmark
    public boolean casValidate() {
        Session s = sessions.get(casToken);
        if (s == null) {
            throw new IllegalStateException("session invalid");
        }
        Binding b = bindings.get(s.personalNumber());
        if (b == null || !b.deviceId.equals(s.deviceId()) || b.generation != s.generation()) {
            throw new IllegalStateException("session invalid");
        }
        return true;
    }
}
