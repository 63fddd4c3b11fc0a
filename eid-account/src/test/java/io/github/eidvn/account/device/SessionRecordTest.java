package io.github.eidvn.account.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.internal.AccountKeys;
import io.github.eidvn.account.internal.Bin;
import io.github.eidvn.account.lock.LockStatus;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * The stored session record keeps its account's tag, so a check reads the binding and the two locks that end
 * sessions by that tag: records written before the tag was kept still work, a damaged tag fails closed, and only the
 * locks that end sessions end them.
 */
class SessionRecordTest {

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T01:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final TestDevice phone = new TestDevice("phone-1");
    private final String storedHash = LoginFixture.HASHER.hash(LoginFixture.PASSWORD);
    private final AccountLogin login = AccountLogin.builder(store).notifier(new DeviceNotifier() {
        @Override
        public void sendNewDeviceCode(NewDeviceNotice notice) {
            throw new AssertionError("only the bound device logs in here");
        }
    }).serverKey(LoginFixture.KEY).clock(clock).hasher(LoginFixture.HASHER).build();
    private final AccountId account = AccountId.ofPersonalNumber(LoginFixture.PN);

    private String loggedIn() {
        return LoginFixture.token(login.passwordLogin(LoginFixture.request(LoginFixture.PN, LoginFixture.PASSWORD,
                storedHash, phone.id, phone.publicKey, "10.1.1.1")));
    }

    /** The session record as the login wrote it, decoded. */
    private SessionInfo stored(String token) {
        return AccountRecords.decodeSession(store.get(AccountKeys.session(token)).orElseThrow()).orElseThrow().info();
    }

    private static byte[] record(int version, SessionInfo s, String tag) {
        Bin.Writer w = new Bin.Writer(version).putString(s.account().value()).putString(s.deviceId())
                .putLong(s.generation()).putLong(s.createdAt().toEpochMilli()).putLong(s.lastSeenAt().toEpochMilli())
                .putLong(s.absoluteExpiry().toEpochMilli());
        return tag == null ? w.toByteArray() : w.putString(tag).toByteArray();
    }

    @Test
    void validateSession_recordWrittenBeforeTheTagWasKept_valid_andLocksStillEndIt() {
        String token = loggedIn();
        store.put(AccountKeys.session(token), record(1, stored(token), null), Duration.ofMinutes(30));

        assertThat(login.validateSession(token)).isInstanceOf(SessionValidation.Valid.class);
        login.locks().lockByUser(account, Duration.ofHours(1), "lost phone");
        assertThat(login.validateSession(token)).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.ACCOUNT_LOCKED));
    }

    @Test
    void validateSession_recordWithADamagedTag_unknown() {
        String token = loggedIn();
        String tag = AccountKeys.tag(account);
        store.put(AccountKeys.session(token), record(2, stored(token), tag.substring(0, 46) + "!"),
                Duration.ofMinutes(30));

        assertThat(login.validateSession(token)).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN));
    }

    @Test
    void validateSession_recordWithAnotherAccountsTag_readsThatAccountsBinding_deviceNotActive() {
        String token = loggedIn();
        String other = AccountKeys.tag(AccountId.ofPersonalNumber("001099054321"));
        store.put(AccountKeys.session(token), record(2, stored(token), other), Duration.ofMinutes(30));

        assertThat(login.validateSession(token)).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.DEVICE_NOT_ACTIVE));
    }

    @Test
    void validateSession_bruteForceLock_sessionStaysValid_userLock_endsIt() {
        String token = loggedIn();
        for (int i = 0; i < login.locks().maxFailures(); i++) {
            login.locks().recordFailure(account);
        }
        assertThat(login.locks().status(account)).isInstanceOf(LockStatus.Locked.class);

        assertThat(login.validateSession(token)).isInstanceOf(SessionValidation.Valid.class);
        login.locks().lockByUser(account, Duration.ofHours(1), "lost phone");
        assertThat(login.validateSession(token)).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.ACCOUNT_LOCKED));
    }

    @Test
    void validateSession_userLockThatRanOut_sessionValidAgain() {
        String token = loggedIn();
        login.locks().lockByUser(account, Duration.ofMinutes(5), "away");
        assertThat(login.validateSession(token).valid()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        assertThat(login.validateSession(token).valid()).isTrue();
    }
}
