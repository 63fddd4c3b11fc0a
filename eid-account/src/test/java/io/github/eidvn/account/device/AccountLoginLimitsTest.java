package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.acct;
import static io.github.eidvn.account.device.LoginFixture.confirmation;
import static io.github.eidvn.account.device.LoginFixture.recovery;
import static io.github.eidvn.account.device.LoginFixture.request;
import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.lock.AccountLock;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.TtlIgnoringStore;

/**
 * The edges of {@link AccountLogin}: the per-source throttle only counts failures, deadlines checked by the service
 * itself (not only by store expiry), locks placed between two steps of a flow, generations after revocation and
 * recovery, malformed input on every entry point, and the builder's ranges.
 */
class AccountLoginLimitsTest {

    private final LoginFixture f = new LoginFixture();
    private final TestDevice phoneA = new TestDevice("phone-A");
    private final TestDevice phoneB = new TestDevice("phone-B");

    private static LoginResult.Reason reason(Object r) {
        assertThat(r).isInstanceOf(LoginResult.Refused.class);
        return ((LoginResult.Refused) r).reason();
    }

    private AccountLogin.Builder builder(StateStore store) {
        return AccountLogin.builder(store).notifier(f).serverKey(LoginFixture.KEY).clock(f.clock)
                .hasher(LoginFixture.HASHER);
    }

    private LoginResult password(AccountLogin login, TestDevice d, String pw, String source) {
        return login.passwordLogin(request(PN, pw, f.storedHash, d.id, d.publicKey, source));
    }

    @Test
    void successfulLogins_doNotUseUpTheSourceBudget() {
        AccountLogin login = builder(f.store).sourceThrottle(SourceThrottle.create(f.store, "t", 2,
                Duration.ofMinutes(15))).build();
        for (int i = 0; i < 5; i++) {
            assertThat(password(login, phoneA, LoginFixture.PASSWORD, "10.0.0.7"))
                    .isInstanceOf(LoginResult.LoggedIn.class);
        }
    }

    @Test
    void refusalsForALockedAccount_doNotUseUpTheSourceBudget() {
        AccountLogin login = builder(f.store).sourceThrottle(SourceThrottle.create(f.store, "t", 2,
                Duration.ofMinutes(15))).build();
        login.locks().lockByAuthority(acct(PN), "QĐ 02");
        for (int i = 0; i < 5; i++) {
            assertThat(reason(password(login, phoneA, LoginFixture.PASSWORD, "10.0.0.7")))
                    .isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        }
    }

    @Test
    void wrongPasswords_useUpTheSourceBudget() {
        AccountLogin login = builder(f.store).sourceThrottle(SourceThrottle.create(f.store, "t", 2,
                Duration.ofMinutes(15))).build();
        password(login, phoneA, "sai", "10.0.0.7");
        password(login, phoneA, "sai", "10.0.0.7");
        assertThat(reason(password(login, phoneA, LoginFixture.PASSWORD, "10.0.0.7")))
                .isEqualTo(LoginResult.Reason.SOURCE_THROTTLED);
        assertThat(password(login, phoneA, LoginFixture.PASSWORD, "10.0.0.8")).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void successfulPassword_resetsTheAccountFailureCount() {
        for (int i = 0; i < 4; i++) {
            f.password(phoneA, "sai", "10.0.0.1");
        }
        assertThat(f.password(phoneA)).isInstanceOf(LoginResult.LoggedIn.class);
        for (int i = 0; i < 4; i++) {
            f.password(phoneA, "sai", "10.0.0.1");
        }
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isFalse();
    }

    @Test
    void unreadableBinding_refusedNotActiveDevice_neverReplaced() {
        f.store.put(io.github.eidvn.account.internal.AccountKeys.binding(acct(PN)), new byte[] {1, 2, 3}, StateStore.NO_EXPIRY);
        assertThat(reason(f.password(phoneA))).isEqualTo(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        assertThat(f.store.get(io.github.eidvn.account.internal.AccountKeys.binding(acct(PN)))).hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
        assertThat(f.login.activeDevice(acct(PN))).isEmpty();
        assertThat(f.login.revokeAllSessions(acct(PN))).isFalse();
    }

    @Test
    void confirmNewDevice_malformedInput_refusedMalformed() {
        f.password(phoneA);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        String code = f.lastCodeForNewDevice.get("phone-B");
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), code.substring(1), "s"))))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), "12a456", "s"))))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThatThrownBy(() -> confirmation(PN, n.challengeId(), null, "s"))
                .isInstanceOf(NullPointerException.class);
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId() + "x", code, "s"))))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThatThrownBy(() -> confirmation(PN, null, code, "s")).isInstanceOf(NullPointerException.class);
        // another account's id never finds this account's challenge
        assertThat(reason(f.login.confirmNewDevice(confirmation("12345", n.challengeId(), code, "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        assertThat(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), code, "s"))).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void confirmNewDevice_wrongCodesUseUpTheSourceBudget_unknownChallengesAndSuccessDoNot() {
        AccountLogin login = builder(f.store).sourceThrottle(SourceThrottle.create(f.store, "t", 1,
                Duration.ofMinutes(15))).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s1");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(login, phoneB,
                LoginFixture.PASSWORD, "s1");
        String right = f.lastCodeForNewDevice.get("phone-B");
        String unknown = "A".repeat(22);
        for (int i = 0; i < 3; i++) {
            assertThat(reason(login.confirmNewDevice(confirmation(PN, unknown, right, "s2"))))
                    .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        }
        assertThat(login.confirmNewDevice(confirmation(PN, n.challengeId(), right, "s2"))).isInstanceOf(LoginResult.LoggedIn.class);
        LoginResult.NewDeviceRequired back = (LoginResult.NewDeviceRequired) password(login, phoneA,
                LoginFixture.PASSWORD, "s1");
        String rightA = f.lastCodeForNewDevice.get("phone-A");
        String wrong = String.format("%06d", (Integer.parseInt(rightA) + 1) % 1_000_000);
        assertThat(reason(login.confirmNewDevice(confirmation(PN, back.challengeId(), wrong, "s2"))))
                .isEqualTo(LoginResult.Reason.WRONG_CODE);
        assertThat(reason(login.confirmNewDevice(confirmation(PN, back.challengeId(), rightA, "s2"))))
                .isEqualTo(LoginResult.Reason.SOURCE_THROTTLED);
    }

    @Test
    void confirmNewDevice_codePastItsValidity_refusedEvenWhenTheStoreStillHoldsIt() {
        AccountLogin login = builder(new TtlIgnoringStore(f.store)).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(login, phoneB,
                LoginFixture.PASSWORD, "s");
        assertThat(n.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        f.clock.set(n.expiresAt());
        assertThat(reason(login.confirmNewDevice(confirmation(PN, n.challengeId(), f.lastCodeForNewDevice.get("phone-B"), "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void confirmNewDevice_oneSecondBeforeExpiry_accepted() {
        f.password(phoneA);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        f.clock.set(n.expiresAt().minusSeconds(1));
        assertThat(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), f.lastCodeForNewDevice.get("phone-B"), "s")))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void confirmNewDevice_accountLockedAfterTheChallenge_refusedAndBindingKept() {
        f.password(phoneA);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        f.login.locks().lockByUser(acct(PN), Duration.ofDays(1), "mất điện thoại");
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), f.lastCodeForNewDevice.get("phone-B"), "s"))))
                .isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-A");
    }

    @Test
    void confirmNewDevice_challengeTakenByAConcurrentConfirmation_unknownChallenge() {
        AccountLogin login = builder(new ChallengeDeleteLoses(f.store)).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(login, phoneB,
                LoginFixture.PASSWORD, "s");
        assertThat(reason(login.confirmNewDevice(confirmation(PN, n.challengeId(), f.lastCodeForNewDevice.get("phone-B"), "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        assertThat(login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-A");
    }

    @Test
    void newDeviceSwitch_incrementsTheGeneration() {
        f.password(phoneA);
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().generation()).isEqualTo(1);
        f.loginAndConfirm(phoneB, "s");
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().generation()).isEqualTo(2);
    }

    @Test
    void newDeviceCodeMaxTries_one_secondTryFindsNoChallenge() {
        AccountLogin login = builder(f.store).newDeviceCodeMaxTries(1).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(login, phoneB,
                LoginFixture.PASSWORD, "s");
        String right = f.lastCodeForNewDevice.get("phone-B");
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        LoginResult.Refused first = (LoginResult.Refused) login.confirmNewDevice(confirmation(PN, n.challengeId(), wrong, "s"));
        assertThat(first.reason()).isEqualTo(LoginResult.Reason.WRONG_CODE);
        assertThat(first.remainingTries()).isZero();
        assertThat(reason(login.confirmNewDevice(confirmation(PN, n.challengeId(), right, "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void validateSession_malformedToken_unknown() {
        for (String t : new String[] {null, "", "abc", "A".repeat(42), "A".repeat(44), "+".repeat(43)}) {
            SessionValidation v = f.login.validateSession(t);
            assertThat(v).isEqualTo(new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN));
        }
    }

    @Test
    void validateSession_atTheIdleDeadline_idleTimeout_evenWhenTheStoreStillHoldsIt() {
        AccountLogin login = builder(new TtlIgnoringStore(f.store)).build();
        String t = LoginFixture.token(password(login, phoneA, LoginFixture.PASSWORD, "s"));
        f.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(login.validateSession(t).valid()).isTrue();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(login.validateSession(t))
                .isEqualTo(new SessionValidation.Invalid(SessionValidation.Reason.IDLE_TIMEOUT));
    }

    @Test
    void validateSession_atTheAbsoluteDeadline_absoluteTimeout_evenWhenTheStoreStillHoldsIt() {
        AccountLogin login = builder(new TtlIgnoringStore(f.store)).sessionIdleTimeout(Duration.ofHours(1))
                .sessionAbsoluteTimeout(Duration.ofHours(1)).build();
        String t = LoginFixture.token(password(login, phoneA, LoginFixture.PASSWORD, "s"));
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(login.validateSession(t).valid()).isTrue();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(login.validateSession(t))
                .isEqualTo(new SessionValidation.Invalid(SessionValidation.Reason.ABSOLUTE_TIMEOUT));
    }

    @Test
    void validateSession_lastSeenMovesOnlyAfterASecond() {
        LoginResult.LoggedIn in = (LoginResult.LoggedIn) f.password(phoneA);
        Instant start = in.session().lastSeenAt();
        f.clock.advance(Duration.ofMillis(999));
        assertThat(((SessionValidation.Valid) f.login.validateSession(in.token().value())).session().lastSeenAt())
                .isEqualTo(start);
        f.clock.advance(Duration.ofMillis(1));
        assertThat(((SessionValidation.Valid) f.login.validateSession(in.token().value())).session().lastSeenAt())
                .isEqualTo(start.plusSeconds(1));
    }

    @Test
    void storedSession_neverOutlivesItsAbsoluteExpiry() {
        AccountLogin login = builder(f.store).sessionIdleTimeout(Duration.ofMinutes(30))
                .sessionAbsoluteTimeout(Duration.ofMinutes(40)).build();
        String t = LoginFixture.token(password(login, phoneA, LoginFixture.PASSWORD, "s"));
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(login.validateSession(t).valid()).isTrue();
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(f.store.liveKeys()).noneMatch(k -> k.startsWith("eid:sess:"));
    }

    @Test
    void logout_malformedToken_false_validToken_recordsSessionEnded() {
        assertThat(f.login.logout(null)).isFalse();
        assertThat(f.login.logout("short")).isFalse();
        String t = LoginFixture.token(f.password(phoneA));
        assertThat(f.login.logout(t)).isTrue();
        assertThat(f.events).anyMatch(e -> e.type() == SecurityEventType.SESSION_ENDED
                && "logout".equals(e.detail()));
    }

    @Test
    void revokeAllSessions_badNumberOrNoBinding_false_otherwiseNextGeneration() {
        assertThat(f.login.revokeAllSessions(acct("123"))).isFalse();
        assertThat(f.login.revokeAllSessions(acct(PN))).isFalse();
        f.password(phoneA);
        assertThat(f.login.revokeAllSessions(acct(PN))).isTrue();
        DeviceBinding b = f.login.activeDevice(acct(PN)).orElseThrow();
        assertThat(b.generation()).isEqualTo(2);
        assertThat(b.deviceId()).isEqualTo("phone-A");
    }

    @Test
    void activeDevice_badNumber_empty() {
        f.password(phoneA);
        assertThat(f.login.activeDevice(acct("00109901234"))).isEmpty();
        assertThat(f.login.activeDevice(acct(PN))).isPresent();
    }

    @Test
    void reportLostDevice_returnsTheUserLock_badNumberRefused() {
        f.password(phoneA);
        AccountLock lock = f.login.reportLostDevice(acct(PN), Duration.ofDays(7), "portal");
        assertThat(lock.type()).isEqualTo(LockType.USER_REQUESTED);
        assertThat(lock.reason()).isEqualTo("lost-device");
        assertThat(lock.until()).contains(f.clock.instant().plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> f.login.reportLostDevice(acct("1 2"), Duration.ofDays(7), "portal"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recover_assertionIdUpTo256Characters_longerMalformed() {
        Instant now = f.clock.instant();
        assertThat(reason(f.login.recover(recovery(PN, AccountLoginTest.proof(PN, 2, "j".repeat(257), now), phoneB.id,
                phoneB.publicKey, "s")))).isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(reason(f.login.recover(recovery(PN, AccountLoginTest.proof(PN, 2, "", now), phoneB.id,
                phoneB.publicKey, "s")))).isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(f.login.recover(recovery(PN, AccountLoginTest.proof(PN, 2, "j".repeat(256), now), phoneB.id,
                phoneB.publicKey, "s"))).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void recover_overAnExistingBinding_nextGeneration() {
        f.password(phoneA);
        f.login.recover(recovery(PN, AccountLoginTest.proof(PN, 2, "jti-gen", f.clock.instant()), phoneB.id,
                phoneB.publicKey, "s"));
        DeviceBinding b = f.login.activeDevice(acct(PN)).orElseThrow();
        assertThat(b.deviceId()).isEqualTo("phone-B");
        assertThat(b.generation()).isEqualTo(2);
    }

    @Test
    void beginUnlock_malformed_refused() {
        f.password(phoneA);
        assertThat(reason(f.login.beginUnlock(acct("1"), phoneA.id))).isEqualTo(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        assertThat(reason(f.login.beginUnlock(acct(PN), ""))).isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
    }

    @Test
    void unlock_challengeLongerThan128_malformed_128IsLookedUp() {
        f.password(phoneA);
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, "c".repeat(129), new byte[64], "s")))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, "c".repeat(128), new byte[64], "s")))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, null, new byte[64], "s")))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
    }

    @Test
    void unlock_pastItsValidity_refusedEvenWhenTheStoreStillHoldsIt() {
        AccountLogin login = builder(new TtlIgnoringStore(f.store)).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s");
        UnlockChallenge ch = (UnlockChallenge) login.beginUnlock(acct(PN), phoneA.id);
        f.clock.set(ch.expiresAt());
        assertThat(reason(login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void unlock_afterSessionsWereRevoked_notActiveDevice() {
        f.password(phoneA);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        f.login.revokeAllSessions(acct(PN));
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.NOT_ACTIVE_DEVICE);
    }

    @Test
    void unlock_accountLockedAfterTheChallenge_refusedLocked() {
        f.password(phoneA);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        f.login.locks().lockByAuthority(acct(PN), "QĐ 03");
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
    }

    @Test
    void builder_eachOptionOnce_andWithinRange() {
        AccountLogin.Builder b = AccountLogin.builder(f.store);
        b.notifier(f);
        assertThatThrownBy(() -> b.notifier(f)).isInstanceOf(IllegalStateException.class);
        b.serverKey(LoginFixture.KEY);
        assertThatThrownBy(() -> b.serverKey(LoginFixture.KEY)).isInstanceOf(IllegalStateException.class);
        b.audit(io.github.eidvn.account.SecurityAudit.loggingOnly(f.clock));
        assertThatThrownBy(() -> b.audit(io.github.eidvn.account.SecurityAudit.loggingOnly(f.clock)))
                .isInstanceOf(IllegalStateException.class);
        b.hasher(LoginFixture.HASHER);
        assertThatThrownBy(() -> b.hasher(LoginFixture.HASHER)).isInstanceOf(IllegalStateException.class);
        b.locks(io.github.eidvn.account.lock.AccountLocks.builder(f.store).build());
        assertThatThrownBy(() -> b.locks(io.github.eidvn.account.lock.AccountLocks.builder(f.store).build()))
                .isInstanceOf(IllegalStateException.class);
        b.sourceThrottle(SourceThrottle.create(f.store, "x", 3, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> b.sourceThrottle(SourceThrottle.create(f.store, "x", 3, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
        b.random(new java.security.SecureRandom());
        assertThatThrownBy(() -> b.random(new java.security.SecureRandom())).isInstanceOf(IllegalStateException.class);
        b.newDeviceCodeValidity(AccountLogin.MAX_CODE_VALIDITY);
        assertThatThrownBy(() -> b.newDeviceCodeValidity(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.newDeviceCodeMaxTries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.newDeviceCodeMaxTries(11)).isInstanceOf(IllegalArgumentException.class);
        b.newDeviceCodeMaxTries(10);
        assertThatThrownBy(() -> b.newDeviceCodeMaxTries(1)).isInstanceOf(IllegalStateException.class);
        b.sessionIdleTimeout(Duration.ofHours(1));
        assertThatThrownBy(() -> b.sessionIdleTimeout(Duration.ofHours(1))).isInstanceOf(IllegalStateException.class);
        b.sessionAbsoluteTimeout(Duration.ofHours(1));
        assertThatThrownBy(() -> b.sessionAbsoluteTimeout(Duration.ofHours(2)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.unlockChallengeValidity(Duration.ofMinutes(10).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        b.unlockChallengeValidity(Duration.ofMinutes(10));
        assertThatThrownBy(() -> b.unlockChallengeValidity(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.recoveryMaxAge(Duration.ofMinutes(15).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        b.recoveryMaxAge(Duration.ofMinutes(15));
        assertThatThrownBy(() -> b.recoveryMaxAge(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountLogin.builder(f.store)
                .newDeviceCodeValidity(AccountLogin.MAX_CODE_VALIDITY.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        AccountLogin built = b.build();
        assertThat(built.toString()).isEqualTo("AccountLogin[idle=PT1H, absolute=PT1H, codeValidity=PT10M]");
        assertThatThrownBy(() -> AccountLogin.builder(f.store).notifier(f).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void customLimits_applyToChallengesAndRecovery() {
        AccountLogin login = builder(f.store).newDeviceCodeValidity(Duration.ofMinutes(2))
                .unlockChallengeValidity(Duration.ofSeconds(30)).recoveryMaxAge(Duration.ofMinutes(1)).build();
        password(login, phoneA, LoginFixture.PASSWORD, "s");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(login, phoneB,
                LoginFixture.PASSWORD, "s");
        assertThat(n.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(2)));
        UnlockChallenge ch = (UnlockChallenge) login.beginUnlock(acct(PN), phoneA.id);
        assertThat(ch.expiresAt()).isEqualTo(f.clock.instant().plusSeconds(30));
        assertThat(reason(login.recover(recovery(PN, AccountLoginTest.proof(PN, 2, "jti-old",
                f.clock.instant().minusSeconds(61)), phoneB.id, phoneB.publicKey, "s"))))
                .isEqualTo(LoginResult.Reason.PROOF_STALE);
    }

    /** A store where deleting a new-device challenge always loses to another node's delete. */
    private static final class ChallengeDeleteLoses extends ForwardingStateStore {
        ChallengeDeleteLoses(StateStore d) {
            super(d);
        }

        @Override
        public boolean deleteIfEquals(String key, byte[] expected) {
            return !key.startsWith("eid:dev:chal:") && delegate.deleteIfEquals(key, expected);
        }
    }
}
