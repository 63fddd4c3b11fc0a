package io.github.eidvn.account.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateBatch;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * How many state-store steps (each one round trip on a networked store) the login and the session check take: every
 * call the services make is counted by a forwarding store, a batch ({@link StateStore#run}) as one.
 */
class LoginStoreStepsTest {

    /** Counts calls: single-key operations and batches, each as one step; remembers each batch's size. */
    static final class CountingStore extends ForwardingStateStore {
        final AtomicInteger steps = new AtomicInteger();
        final List<Integer> batchSizes = new ArrayList<>();

        CountingStore(StateStore delegate) {
            super(delegate);
        }

        StateStore inner() {
            return delegate;
        }

        @Override
        public java.util.Optional<byte[]> get(String key) {
            steps.incrementAndGet();
            return super.get(key);
        }

        @Override
        public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
            steps.incrementAndGet();
            return super.putIfAbsent(key, value, ttl);
        }

        @Override
        public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
            steps.incrementAndGet();
            return super.compareAndSet(key, expected, newValue, ttl);
        }

        @Override
        public boolean deleteIfEquals(String key, byte[] expected) {
            steps.incrementAndGet();
            return super.deleteIfEquals(key, expected);
        }

        @Override
        public boolean delete(String key) {
            steps.incrementAndGet();
            return super.delete(key);
        }

        @Override
        public long incrementBy(String key, long delta, Duration ttlIfCreated) {
            steps.incrementAndGet();
            return super.incrementBy(key, delta, ttlIfCreated);
        }

        @Override
        public void put(String key, byte[] value, Duration ttl) {
            steps.incrementAndGet();
            super.put(key, value, ttl);
        }

        @Override
        public StateBatch.Results run(StateBatch batch) {
            steps.incrementAndGet();
            batchSizes.add(batch.size());
            return delegate.run(batch);
        }
    }

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T01:00:00Z"));
    private final CountingStore store = new CountingStore(InMemoryStateStore.create(clock));
    private final TestDevice phone = new TestDevice("phone-1");
    private final String storedHash = LoginFixture.HASHER.hash(LoginFixture.PASSWORD);

    private AccountLogin login(StateStore s) {
        return AccountLogin.builder(s).notifier(new DeviceNotifier() {
            @Override
            public void sendNewDeviceCode(NewDeviceNotice notice) {
                throw new AssertionError("only the bound device logs in here");
            }
        }).serverKey(LoginFixture.KEY).clock(clock).hasher(LoginFixture.HASHER).build();
    }

    private LoginRequest request(String password) {
        return LoginFixture.request(LoginFixture.PN, password, storedHash, phone.id, phone.publicKey, "10.1.1.1");
    }

    @Test
    void passwordLogin_fromTheBoundDevice_twoStoreSteps() {
        AccountLogin login = login(store);
        assertThat(login.passwordLogin(request(LoginFixture.PASSWORD))).isInstanceOf(LoginResult.LoggedIn.class);
        store.steps.set(0);
        store.batchSizes.clear();

        LoginResult r = login.passwordLogin(request(LoginFixture.PASSWORD));

        assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(store.steps).hasValue(2);
        // throttle, lease, three lock types and the hard lock, binding; then two resets, give-back, release, session
        assertThat(store.batchSizes).containsExactly(7, 5);
    }

    @Test
    void validateSession_sessionThenBindingAndLocks_twoStoreSteps() {
        AccountLogin login = login(store);
        String token = LoginFixture.token(login.passwordLogin(request(LoginFixture.PASSWORD)));
        store.steps.set(0);
        store.batchSizes.clear();

        assertThat(login.validateSession(token)).isInstanceOf(SessionValidation.Valid.class);
        assertThat(store.steps).hasValue(2);
        // the binding and the two locks that end sessions (user, authority), by the tag the session record keeps
        assertThat(store.batchSizes).containsExactly(3);
    }

    @Test
    void passwordLogin_wrongPassword_threeStepsAndTheFailureCounted() {
        AccountLogin login = login(store);
        assertThat(login.passwordLogin(request(LoginFixture.PASSWORD))).isInstanceOf(LoginResult.LoggedIn.class);
        store.steps.set(0);

        LoginResult r = login.passwordLogin(request("sai mật khẩu"));

        assertThat(r).isEqualTo(LoginResult.Refused.of(LoginResult.Reason.INVALID_CREDENTIALS));
        assertThat(store.steps).as("first step, failure counts, lease release").hasValue(3);
        assertThat(store.inner().incrementBy("eid:bf:fail:" + AccountKeysProbe.tag(LoginFixture.PN), 0,
                Duration.ofHours(1))).isEqualTo(1);
    }

    @Test
    void passwordLogin_locksAndThrottleOnTheirOwnStores_stillOneStepPerStoreAndTheSameAnswers() {
        CountingStore lockStore = new CountingStore(InMemoryStateStore.create(clock));
        CountingStore throttleStore = new CountingStore(InMemoryStateStore.create(clock));
        AccountLogin login = AccountLogin.builder(store).notifier(new DeviceNotifier() {
            @Override
            public void sendNewDeviceCode(NewDeviceNotice notice) {
                throw new AssertionError("only the bound device logs in here");
            }
        }).serverKey(LoginFixture.KEY).clock(clock).hasher(LoginFixture.HASHER)
                .locks(AccountLocks.builder(lockStore).clock(clock).maxFailures(2).build())
                .sourceThrottle(SourceThrottle.create(throttleStore, "login", 20, Duration.ofMinutes(15))).build();
        assertThat(login.passwordLogin(request(LoginFixture.PASSWORD))).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(login.passwordLogin(request("sai 1"))).isEqualTo(
                LoginResult.Refused.of(LoginResult.Reason.INVALID_CREDENTIALS));
        LoginResult locked = login.passwordLogin(request("sai 2"));
        assertThat(locked).isInstanceOf(LoginResult.Refused.class);
        assertThat(((LoginResult.Refused) locked).reason()).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(lockStore.steps.get()).isPositive();
        assertThat(throttleStore.steps.get()).isPositive();
        assertThat(login.passwordLogin(request(LoginFixture.PASSWORD))).isInstanceOf(LoginResult.Refused.class);
        assertThat(throttleStore.inner().incrementBy(
                "eid:throttle:login:" + AccountKeysProbe.hash("10.1.1.1"), 0, Duration.ofHours(1)))
                .as("two wrong guesses stay counted; the refusals for the lock gave theirs back").isEqualTo(2);
    }

    /** The key parts, computed here independently of the library. */
    static final class AccountKeysProbe {
        static String hash(String s) {
            try {
                byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
                return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(h);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static String tag(String id) {
            return "{a." + hash(id) + "}";
        }
    }
}
