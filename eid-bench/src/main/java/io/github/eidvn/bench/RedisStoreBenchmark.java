package io.github.eidvn.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.device.AccountLogin;
import io.github.eidvn.account.device.DeviceNotifier;
import io.github.eidvn.account.device.DevicePublicKey;
import io.github.eidvn.account.device.LoginRequest;
import io.github.eidvn.account.device.LoginResult;
import io.github.eidvn.account.device.NewDeviceNotice;
import io.github.eidvn.account.device.SessionValidation;
import io.github.eidvn.account.password.PasswordHasher;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.redis.RedisStateStore;

/**
 * P7: login and session validation through {@link AccountLogin} on a real Redis ({@link RedisStateStore}) and, in the
 * same run, on the in-memory store; plus the store's own GET/SET, to compare with {@code redis-benchmark -t get,set}
 * on the same server ({@code eid-redis/bench.sh} runs both and prints the ratios).
 *
 * <p>{@code eid-bench/run} runs this class with {@value #THREADS} threads: P7 = {@link #login} ÷
 * {@link #loginInMemory}, wall-clock throughput. Each JMH thread has its own account and bound device on each store
 * (one account is serialized by its password lease, which is what a bank wants). Argon2id runs with small parameters
 * (8 KiB, 1 pass) so that the figure is the cost of the state store round trips, not of password hashing; with the
 * production parameters the hash dominates a login. {@code -p redisUri=redis://host:port} selects the server.
 * Sessions accumulate (one per login) in both stores; the in-memory store is bounded at
 * {@value #MEMORY_MAX_ENTRIES} keys, far above what a run writes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisStoreBenchmark {

    private static final String PASSWORD = "Đúng#Mật1khẩu";
    private static final PasswordHasher HASHER = PasswordHasher.builder().memoryKiB(8).iterations(1).build();

    /** The JMH threads {@code eid-bench/run} gives this class (P7). */
    public static final int THREADS = 8;

    /** Bound of the in-memory store's keys. */
    static final int MEMORY_MAX_ENTRIES = 8_000_000;

    /** The Redis server. */
    @Param("redis://127.0.0.1:6379")
    public String redisUri;

    RedisStateStore store;
    AccountLogin login;
    AccountLogin memoryLogin;
    String storedHash;

    /** Connects and builds the login service. */
    @Setup(Level.Trial)
    public void connect() {
        store = RedisStateStore.builder().uri(redisUri).namespace("bench").build();
        DeviceNotifier notifier = new DeviceNotifier() {
            @Override
            public void sendNewDeviceCode(NewDeviceNotice notice) {
                // every benchmark thread logs in from its bound device: no new-device codes
            }
        };
        login = service(store, notifier);
        memoryLogin = service(InMemoryStateStore.create(Clock.systemUTC(), MEMORY_MAX_ENTRIES), notifier);
        storedHash = HASHER.hash(PASSWORD);
    }

    private static AccountLogin service(StateStore s, DeviceNotifier notifier) {
        return AccountLogin.builder(s).notifier(notifier)
                .serverKey("bench-server-key-bench-server-key".getBytes(StandardCharsets.US_ASCII)).hasher(HASHER)
                .audit(SecurityAudit.of(Clock.systemUTC(), e -> { })).build();
    }

    /** Closes the connection. */
    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    /** One account per benchmark thread, with its device bound and a session. */
    @State(Scope.Thread)
    public static class Account {
        String pn;
        LoginRequest request;
        String token;
        String memoryToken;
        byte[] value = new byte[64];
        String key;

        /**
         * Binds the device.
         *
         * @param b the benchmark
         * @throws GeneralSecurityException never (P-256 is always available)
         */
        @Setup(Level.Trial)
        public void bind(RedisStoreBenchmark b) throws GeneralSecurityException {
            // a fresh account in every fork and trial: the Redis data outlives the JVM
            pn = String.format("09%010d", java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000L));
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            DevicePublicKey deviceKey = DevicePublicKey.of((ECPublicKey) g.generateKeyPair().getPublic());
            String device = "bench-device-" + pn;
            request = LoginRequest.builder(AccountId.of(pn)).password(PASSWORD).storedPasswordHash(b.storedHash)
                    .deviceId(device).devicePublicKey(deviceKey).source("10.3.0.1").build();
            token = bound(b.login.passwordLogin(request));
            memoryToken = bound(b.memoryLogin.passwordLogin(request));
            key = "bench:kv:" + pn;
            b.store.put(key, value, Duration.ofHours(1));
        }
    }

    private static String bound(LoginResult r) {
        if (!(r instanceof LoginResult.LoggedIn li)) {
            throw new IllegalStateException("setup login failed: " + r);
        }
        return li.token().value();
    }

    /**
     * A password login from the bound device on Redis: two scripts around Argon2id (source throttle, lease, lock
     * status, binding read; then failure reset, give-back, lease release, session write).
     *
     * @param a this thread's account
     * @return the result
     */
    @Benchmark
    public LoginResult login(Account a) {
        return loggedIn(login.passwordLogin(a.request));
    }

    /**
     * The same login on the in-memory store (P7's reference).
     *
     * @param a this thread's account
     * @return the result
     */
    @Benchmark
    public LoginResult loginInMemory(Account a) {
        return loggedIn(memoryLogin.passwordLogin(a.request));
    }

    /**
     * The same session check on the in-memory store.
     *
     * @param a this thread's account
     * @return the result
     */
    @Benchmark
    public SessionValidation validateInMemory(Account a) {
        return valid(memoryLogin.validateSession(a.memoryToken));
    }

    /**
     * A session check on Redis (session read, then the binding and the two locks that end sessions in one script, idle-timer refresh at most
     * once a second).
     *
     * @param a this thread's account
     * @return the result
     */
    @Benchmark
    public SessionValidation validate(Account a) {
        return valid(login.validateSession(a.token));
    }

    private static LoginResult loggedIn(LoginResult r) {
        if (!(r instanceof LoginResult.LoggedIn)) {
            throw new IllegalStateException("login refused: " + r);
        }
        return r;
    }

    private static SessionValidation valid(SessionValidation v) {
        if (!(v instanceof SessionValidation.Valid)) {
            throw new IllegalStateException("session invalid: " + v);
        }
        return v;
    }

    /**
     * One GET through the store (to compare with redis-benchmark GET).
     *
     * @param a this thread's account
     * @return the value
     */
    @Benchmark
    public Object storeGet(Account a) {
        return store.get(a.key);
    }

    /**
     * One SET PX through the store (to compare with redis-benchmark SET).
     *
     * @param a this thread's account
     */
    @Benchmark
    public void storePut(Account a) {
        store.put(a.key, a.value, Duration.ofHours(1));
    }
}
