package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventType;

/**
 * Issue 15: accounts keyed the integrator's way (a bank's customer number) with the holder's personal number asked
 * only where a rule needs it, and the e-ID app's lost-phone rule (published FAQ): locked through the website or the
 * police, unlocked through an authority, not only with a fresh level-2 assertion from the same locked app.
 */
class BankAccountAndAuthorityUnlockTest {

    private static final AccountId CUSTOMER = AccountId.of("KH-2024-0042");

    private final LoginFixture f = new LoginFixture();
    private final TestDevice phoneA = new TestDevice("phone-A");
    private final TestDevice phoneB = new TestDevice("phone-B");

    private LoginResult password(TestDevice d) {
        return f.login.passwordLogin(LoginRequest.builder(CUSTOMER).password(LoginFixture.PASSWORD)
                .storedPasswordHash(f.storedHash).deviceId(d.id).devicePublicKey(d.publicKey).source("10.0.0.9")
                .build());
    }

    private AuthorityUnlock.Builder decision(String caseRef) {
        return AuthorityUnlock.builder(CUSTOMER).authority("cong-an-phuong-dich-vong").officerId("CB-0192")
                .caseReference(caseRef).decidedAt(f.clock.instant());
    }

    @Test
    void customerNumberAccount_logsIn_newDeviceConfirmed_keysHoldNoId() {
        LoginResult first = password(phoneA);
        assertThat(first).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(((LoginResult.LoggedIn) first).session().account()).isEqualTo(CUSTOMER);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) password(phoneB);
        assertThat(f.notices.get(0).account()).isEqualTo(CUSTOMER);
        LoginResult switched = f.login.confirmNewDevice(NewDeviceConfirmation.of(CUSTOMER, n)
                .code(f.lastCodeForNewDevice.get(phoneB.id)).source("10.0.0.9"));
        assertThat(switched).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.login.activeDevice(CUSTOMER)).map(DeviceBinding::deviceId).contains("phone-B");
        assertThat(f.login.activeDevice(AccountId.ofPersonalNumber(PN))).as("another account").isEmpty();
        assertThat(f.store.liveKeys()).noneMatch(k -> k.contains("KH-2024")).noneMatch(k -> k.contains(PN))
                .filteredOn(k -> k.startsWith("eid:dev:")).allMatch(k -> k.contains("{a."));
        assertThat(f.events).extracting(SecurityEvent::subject).containsOnly("K***2");
    }

    @Test
    void recover_customerNumberAccount_assertionMustNameTheHolder() {
        password(phoneA);
        Instant now = f.clock.instant();
        RecoveryRequest wrongHolder = RecoveryRequest.builder(CUSTOMER).holderPersonalNumber(PN)
                .proof(AccountLoginTest.proof("079303012345", 2, "jti-1", now)).newDeviceId(phoneB.id)
                .newDeviceKey(phoneB.publicKey).source("s").build();
        assertThat(((LoginResult.Refused) f.login.recover(wrongHolder)).reason())
                .isEqualTo(LoginResult.Reason.PROOF_WRONG_PERSON);
        RecoveryRequest right = RecoveryRequest.builder(CUSTOMER).holderPersonalNumber(PN)
                .proof(AccountLoginTest.proof(PN, 2, "jti-2", now)).newDeviceId(phoneB.id)
                .newDeviceKey(phoneB.publicKey).source("s").build();
        assertThat(f.login.recover(right)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.login.activeDevice(CUSTOMER)).map(DeviceBinding::deviceId).contains("phone-B");
    }

    @Test
    void lostPhone_reportedThenUnlockedByAuthority_newDeviceReplacesIt_oldSessionsDead() {
        String oldToken = LoginFixture.token(password(phoneA));
        f.login.reportLostDevice(CUSTOMER, Duration.ofDays(30), "portal");
        f.login.locks().lockByAuthority(CUSTOMER, "police-report");
        assertThat(f.login.validateSession(oldToken).valid()).isFalse();
        assertThat(((LoginResult.Refused) password(phoneA)).reason()).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);

        AuthorityUnlockResult r = f.login.unlockByAuthority(decision("HS-2026-000123")
                .newDevice(phoneB.id, phoneB.publicKey).build(), "desk-01");

        assertThat(r).isEqualTo(AuthorityUnlockResult.UNLOCKED);
        assertThat(f.login.locks().status(CUSTOMER).isLocked()).isFalse();
        DeviceBinding b = f.login.activeDevice(CUSTOMER).orElseThrow();
        assertThat(b.deviceId()).isEqualTo("phone-B");
        assertThat(f.login.validateSession(oldToken).valid()).isFalse();
        // the thief with the lost phone and the password only gets a code sent to the new phone
        assertThat(password(phoneA)).isInstanceOf(LoginResult.NewDeviceRequired.class);
        // the new phone signs in with its key
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(CUSTOMER, phoneB.id);
        assertThat(f.login.unlock(CUSTOMER, phoneB.id, ch.challenge(), phoneB.sign(ch.challenge()), "s"))
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.signedOut).contains("phone-A");
        assertThat(f.events).extracting(SecurityEvent::type).contains(SecurityEventType.DEVICE_REPORTED_LOST,
                SecurityEventType.ACCOUNT_UNLOCKED_BY_AUTHORITY);
        SecurityEvent e = f.events.stream().filter(x -> x.type() == SecurityEventType.ACCOUNT_UNLOCKED_BY_AUTHORITY)
                .findFirst().orElseThrow();
        assertThat(e.detail()).contains("cong-an-phuong-dich-vong").contains("CB-0192").contains("HS-2026-000123");
        assertThat(e.source()).isEqualTo("desk-01");
    }

    @Test
    void authorityUnlock_caseReferenceWorksOnce() {
        password(phoneA);
        assertThat(f.login.unlockByAuthority(decision("HS-1").newDevice(phoneB.id, phoneB.publicKey).build(), "d"))
                .isEqualTo(AuthorityUnlockResult.UNLOCKED);
        f.login.locks().lockByAuthority(CUSTOMER, "again");
        assertThat(f.login.unlockByAuthority(decision("HS-1").newDevice(phoneA.id, phoneA.publicKey).build(), "d"))
                .isEqualTo(AuthorityUnlockResult.CASE_ALREADY_USED);
        assertThat(f.login.locks().status(CUSTOMER).isLocked()).isTrue();
        assertThat(f.login.activeDevice(CUSTOMER)).map(DeviceBinding::deviceId).contains("phone-B");
        assertThat(f.events).extracting(SecurityEvent::type).contains(SecurityEventType.AUTHORITY_UNLOCK_REFUSED);
    }

    @Test
    void authorityUnlock_staleOrFutureDecision_refused_nothingChanged() {
        password(phoneA);
        f.login.locks().lockByAuthority(CUSTOMER, "x");
        AuthorityUnlock old = AuthorityUnlock.builder(CUSTOMER).authority("a").officerId("o").caseReference("c1")
                .decidedAt(f.clock.instant().minus(Duration.ofDays(8))).newDevice(phoneB.id, phoneB.publicKey).build();
        AuthorityUnlock future = AuthorityUnlock.builder(CUSTOMER).authority("a").officerId("o").caseReference("c2")
                .decidedAt(f.clock.instant().plus(Duration.ofMinutes(5))).newDevice(phoneB.id, phoneB.publicKey)
                .build();
        assertThat(f.login.unlockByAuthority(old, "d")).isEqualTo(AuthorityUnlockResult.STALE_DECISION);
        assertThat(f.login.unlockByAuthority(future, "d")).isEqualTo(AuthorityUnlockResult.STALE_DECISION);
        assertThat(f.login.locks().status(CUSTOMER).isLocked()).isTrue();
        assertThat(f.login.activeDevice(CUSTOMER)).map(DeviceBinding::deviceId).contains("phone-A");
    }

    @Test
    void authorityUnlock_malformedLabelsOrDevice_refused() {
        assertThatThrownBy(() -> decision("HS 1 with spaces").newDevice(phoneB.id, phoneB.publicKey).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decision("HS-1").build()).isInstanceOf(NullPointerException.class);
        assertThat(f.login.unlockByAuthority(decision("HS-2").newDevice("bad id!", phoneB.publicKey).build(), "d"))
                .isEqualTo(AuthorityUnlockResult.MALFORMED);
    }

    @Test
    void requests_builtWithNamedFields_eachOnce_secretsRedacted() {
        LoginRequest r = LoginRequest.builder(CUSTOMER).password("Mật#khẩu-bí-mật").deviceId("phone-A")
                .devicePublicKey(phoneA.publicKey).source("10.0.0.1").build();
        assertThat(r.storedPasswordHash()).isNull();
        assertThat(r.toString()).doesNotContain("bí-mật").doesNotContain("KH-2024").contains("phone-A");
        assertThatThrownBy(() -> LoginRequest.builder(CUSTOMER).source("a").source("b"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LoginRequest.builder(CUSTOMER).deviceId("d").build())
                .isInstanceOf(NullPointerException.class);
        NewDeviceConfirmation c = NewDeviceConfirmation.of(CUSTOMER, "c".repeat(22)).code("123456").source("ip");
        assertThat(c.toString()).doesNotContain("123456");
        assertThat(new String(c.code().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII))
                .isEqualTo("123456");
        assertThat(c.source()).isEqualTo("ip");
    }

    @Test
    void revokeAll_customerNumberAccount_endsEverySession() {
        String token = LoginFixture.token(password(phoneA));
        assertThat(f.login.revokeAllSessions(CUSTOMER)).isTrue();
        assertThat(f.login.validateSession(token)).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.DEVICE_NOT_ACTIVE));
        assertThat(f.login.locks().status(CUSTOMER).isLocked()).isFalse();
        assertThat(f.login.revokeAllSessions(AccountId.of("KH-none"))).isFalse();
    }
}
