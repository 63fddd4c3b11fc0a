package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * Issue 12: one contention outcome. A binding that another writer changes before every compare-and-set gives
 * {@code BUSY}, never an exception (recovery used to throw {@code StateStoreException}).
 */
class ContentionOutcomeTest {

    private static final AccountId ACCOUNT = AccountId.ofPersonalNumber(PN);

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T01:00:00Z"));
    private final InMemoryStateStore memory = InMemoryStateStore.create(clock);
    private final AtomicLong rival = new AtomicLong();
    private volatile boolean contend;
    private final StateStore store = new ForwardingStateStore(memory) {
        @Override
        public boolean compareAndSet(String key, byte[] expected, byte[] newValue, Duration ttl) {
            if (contend && key.startsWith("eid:dev:bind:")) {
                byte[] changed = expected.clone();
                changed[changed.length - 1] ^= (byte) (1 + rival.incrementAndGet() % 200);
                delegate.put(key, changed, ttl); // another node wrote first
            }
            return super.compareAndSet(key, expected, newValue, ttl);
        }
    };
    private final LoginFixture notifier = new LoginFixture();
    private final AccountLogin login = AccountLogin.builder(store).notifier(notifier).serverKey(LoginFixture.KEY)
            .clock(clock).hasher(LoginFixture.HASHER).audit(SecurityAudit.loggingOnly(clock)).build();

    @Test
    void recover_bindingChangedBeforeEveryWrite_busyResult() {
        TestDevice phoneA = new TestDevice("phone-A");
        TestDevice phoneB = new TestDevice("phone-B");
        assertThat(login.passwordLogin(LoginFixture.request(PN, LoginFixture.PASSWORD, notifier.storedHash,
                phoneA.id, phoneA.publicKey, "s"))).isInstanceOf(LoginResult.LoggedIn.class);
        contend = true;
        LoginResult r = login.recover(LoginFixture.recovery(PN, AccountLoginTest.proof(PN, 2, "jti-busy",
                clock.instant()), phoneB.id, phoneB.publicKey, "s"));
        assertThat(((LoginResult.Refused) r).reason()).isEqualTo(LoginResult.Reason.BUSY);
        assertThat(login.revokeAllSessions(ACCOUNT)).as("a lost race still revokes: the rival raised the binding")
                .isTrue();
    }
}
