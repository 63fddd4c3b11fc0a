package io.github.eidvn.account.device;

import static io.github.eidvn.account.device.LoginFixture.acct;
import static io.github.eidvn.account.device.LoginFixture.confirmation;
import static io.github.eidvn.account.device.LoginFixture.recovery;
import static io.github.eidvn.account.device.LoginFixture.request;
import static io.github.eidvn.account.device.LoginFixture.PN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.RecoveryProof;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.lock.LockType;

class AccountLoginTest {

    private final LoginFixture f = new LoginFixture();
    private final TestDevice phoneA = new TestDevice("phone-A");
    private final TestDevice phoneB = new TestDevice("phone-B");

    private static LoginResult.Reason reason(Object r) {
        return ((LoginResult.Refused) r).reason();
    }

    private SessionValidation.Reason invalid(String token) {
        SessionValidation v = f.login.validateSession(token);
        return v instanceof SessionValidation.Invalid i ? i.reason() : null;
    }

    @Test
    void firstPasswordLogin_bindsDevice_andCreatesSession() {
        LoginResult r = f.password(phoneA);
        assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
        LoginResult.LoggedIn in = (LoginResult.LoggedIn) r;
        assertThat(in.session().deviceId()).isEqualTo("phone-A");
        assertThat(in.session().generation()).isEqualTo(1);
        assertThat(in.passwordNeedsRehash()).isFalse();
        assertThat(in.token().value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(in.token().toString()).doesNotContain(in.token().value());
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().isDevice("phone-A", phoneA.publicKey)).isTrue();
        assertThat(f.login.validateSession(in.token().value()).valid()).isTrue();
        assertThat(f.store.liveKeys()).noneMatch(k -> k.contains(in.token().value()));
    }

    @Test
    void boundDevice_logsInAgain_withoutChallenge() {
        f.password(phoneA);
        assertThat(f.password(phoneA)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.notices).isEmpty();
    }

    @Test
    void otherDevice_codeGoesToActiveDevice_confirmSwitchesAndRevokesOldSessions() {
        String oldToken = LoginFixture.token(f.password(phoneA));
        String oldToken2 = LoginFixture.token(f.password(phoneA));
        LoginResult r = f.password(phoneB);
        assertThat(r).isInstanceOf(LoginResult.NewDeviceRequired.class);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) r;
        assertThat(n.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        NewDeviceNotice notice = f.notices.get(0);
        assertThat(notice.activeDeviceId()).isEqualTo("phone-A");
        assertThat(notice.newDeviceId()).isEqualTo("phone-B");
        assertThat(notice.code()).matches("[0-9]{6}");
        assertThat(notice.toString()).doesNotContain(notice.code()).doesNotContain(PN);
        assertThat(f.login.validateSession(oldToken).valid()).as("still A until confirmed").isTrue();

        LoginResult c = f.login.confirmNewDevice(confirmation(PN, n.challengeId(), notice.code(), "10.0.0.2"));
        assertThat(c).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(((LoginResult.LoggedIn) c).session().generation()).isEqualTo(2);
        assertThat(invalid(oldToken)).isEqualTo(SessionValidation.Reason.DEVICE_NOT_ACTIVE);
        assertThat(invalid(oldToken2)).isEqualTo(SessionValidation.Reason.DEVICE_NOT_ACTIVE);
        assertThat(f.login.validateSession(LoginFixture.token(c)).valid()).isTrue();
        assertThat(f.signedOut).containsExactly("phone-A");
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-B");
        // the code is single use
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), notice.code(), "10.0.0.2"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        // and phone A now needs a code from phone B
        assertThat(f.password(phoneA)).isInstanceOf(LoginResult.NewDeviceRequired.class);
        assertThat(f.notices.get(1).activeDeviceId()).isEqualTo("phone-B");
    }

    @Test
    void sameDeviceIdWithAnotherKey_isANewDevice() {
        f.password(phoneA);
        TestDevice impostor = new TestDevice("phone-A");
        assertThat(f.password(impostor)).isInstanceOf(LoginResult.NewDeviceRequired.class);
    }

    @Test
    void newDeviceCode_fiveWrongTries_thenCancelled() {
        f.password(phoneA);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        String right = f.notices.get(0).code();
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        for (int i = 0; i < 5; i++) {
            LoginResult.Refused r = (LoginResult.Refused) f.login.confirmNewDevice(confirmation(PN, n.challengeId(), wrong, "s"));
            assertThat(r.reason()).isEqualTo(LoginResult.Reason.WRONG_CODE);
            assertThat(r.remainingTries()).isEqualTo(4 - i);
        }
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), right, "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-A");
    }

    @Test
    void newDeviceCode_expiresAfterFiveMinutes() {
        f.password(phoneA);
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        f.clock.advance(Duration.ofMinutes(5));
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), f.notices.get(0).code(), "s"))))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void confirm_afterAnotherSwitch_bindingChanged() {
        f.password(phoneA);
        TestDevice phoneC = new TestDevice("phone-C");
        LoginResult.NewDeviceRequired nb = (LoginResult.NewDeviceRequired) f.password(phoneB);
        String codeB = f.lastCodeForNewDevice.get("phone-B");
        LoginResult.NewDeviceRequired nc = (LoginResult.NewDeviceRequired) f.password(phoneC);
        assertThat(f.login.confirmNewDevice(confirmation(PN, nc.challengeId(), f.lastCodeForNewDevice.get("phone-C"), "s")))
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, nb.challengeId(), codeB, "s"))))
                .isEqualTo(LoginResult.Reason.BINDING_CHANGED);
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-C");
    }

    @Test
    void notifierFailure_refused_noChallengeLeft() {
        f.password(phoneA);
        f.failNotifications = true;
        assertThat(reason(f.password(phoneB))).isEqualTo(LoginResult.Reason.NOTIFICATION_FAILED);
        assertThat(f.store.liveKeys()).noneMatch(k -> k.startsWith("eid:dev:chal:"));
    }

    @Test
    void wrongPassword_fiveTimes_lockedFor15Minutes_thenAutomaticallyUnlocked() {
        for (int i = 0; i < 4; i++) {
            assertThat(reason(f.password(phoneA, "sai-mat-khau", "s"))).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        }
        LoginResult.Refused fifth = (LoginResult.Refused) f.password(phoneA, "sai-mat-khau", "s");
        assertThat(fifth.reason()).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(fifth.retryAt()).contains(f.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(reason(f.password(phoneA))).as("right password refused while locked")
                .isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(f.password(phoneA)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void unknownAccount_andUnusableHash_lookLikeWrongPassword() {
        LoginResult unknown = f.login.passwordLogin(
                request(PN, "x", null, phoneA.id, phoneA.publicKey, "s"));
        assertThat(reason(unknown)).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        LoginResult unusable = f.login.passwordLogin(
                request(PN, LoginFixture.PASSWORD, "$argon2id$v=19$m=9999999,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA",
                        phoneA.id, phoneA.publicKey, "s"));
        assertThat(reason(unusable)).isEqualTo(LoginResult.Reason.INVALID_CREDENTIALS);
        assertThat(f.events).filteredOn(e -> e.type() == SecurityEventType.LOGIN_FAILED)
                .extracting(SecurityEvent::detail).containsExactly("unknown-account", "stored-hash-PARAMETERS_OUT_OF_BOUNDS");
    }

    @Test
    void passwordNeedsRehash_reported() {
        String weaker = io.github.eidvn.account.password.PasswordHasher.builder().memoryKiB(16).iterations(1)
                .build().hash(LoginFixture.PASSWORD);
        LoginResult r = f.login.passwordLogin(
                request(PN, LoginFixture.PASSWORD, weaker, phoneA.id, phoneA.publicKey, "s"));
        assertThat(((LoginResult.LoggedIn) r).passwordNeedsRehash()).isTrue();
    }

    @Test
    void malformedRequest_refused() {
        assertThatThrownBy(() -> request("123 45", "x", null, "d", phoneA.publicKey, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(reason(f.login.passwordLogin(request(PN, "x", null, "bad id!", phoneA.publicKey, "s"))))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(reason(f.login.confirmNewDevice(confirmation(PN, "short", "123456", "s"))))
                .isEqualTo(LoginResult.Reason.MALFORMED_REQUEST);
        assertThat(f.login.validateSession("garbage")).isEqualTo(
                new SessionValidation.Invalid(SessionValidation.Reason.UNKNOWN));
        assertThat(f.login.validateSession(null).valid()).isFalse();
    }

    @Test
    void concurrentPasswordCheck_busy() {
        f.store.put(io.github.eidvn.account.internal.AccountKeys.loginLease(acct(PN)), new byte[] {1}, Duration.ofSeconds(30));
        assertThat(reason(f.password(phoneA))).isEqualTo(LoginResult.Reason.BUSY);
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.password(phoneA)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    /** An attacker cycling accounts from one IP gets 20 wrong passwords per 15 minutes, then is throttled. */
    @Test
    void attackerCyclingAccounts_throttledPerSource() {
        int compared = 0;
        int throttled = 0;
        for (int i = 0; i < 60; i++) {
            String pn = String.format("0010990%05d", i);
            LoginResult r = f.login.passwordLogin(request(pn, "123456", f.storedHash, "attacker",
                    phoneA.publicKey, "198.51.100.7"));
            LoginResult.Reason why = reason(r);
            if (why == LoginResult.Reason.INVALID_CREDENTIALS) {
                compared++;
            } else if (why == LoginResult.Reason.SOURCE_THROTTLED) {
                throttled++;
            }
        }
        assertThat(compared).isEqualTo(20);
        assertThat(throttled).isEqualTo(40);
        assertThat(f.password(phoneA, LoginFixture.PASSWORD, "203.0.113.1")).as("other source unaffected")
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void unlock_signedNonce_createsSession_singleUse() {
        f.password(phoneA);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(ch.challenge()).startsWith("eid-unlock-v1.").hasSize(14 + 43);
        byte[] sig = phoneA.sign(ch.challenge());
        LoginResult r = f.login.unlock(acct(PN), phoneA.id, ch.challenge(), sig, "s");
        assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.login.validateSession(LoginFixture.token(r)).valid()).isTrue();
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), sig, "s")))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void unlock_rawSignatureAccepted_badSignatureRefused() {
        f.password(phoneA);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.signRaw(ch.challenge()), "s"))
                .isInstanceOf(LoginResult.LoggedIn.class);
        UnlockChallenge ch2 = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch2.challenge(), phoneB.sign(ch2.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.BAD_SIGNATURE);
        UnlockChallenge ch3 = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch3.challenge() + "x", phoneA.sign(ch3.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void unlock_challengeExpiresAfterTwoMinutes() {
        f.password(phoneA);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.UNKNOWN_CHALLENGE);
    }

    @Test
    void unlock_onlyOnActiveDevice_andNotAfterSwitch() {
        f.password(phoneA);
        assertThat(reason(f.login.beginUnlock(acct(PN), phoneB.id))).isEqualTo(LoginResult.Reason.NOT_ACTIVE_DEVICE);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        f.loginAndConfirm(phoneB, "s");
        assertThat(reason(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s")))
                .isEqualTo(LoginResult.Reason.NOT_ACTIVE_DEVICE);
    }

    @Test
    void session_idleTimeout30Minutes_refreshedByUse() {
        String t = LoginFixture.token(f.password(phoneA));
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.login.validateSession(t).valid()).isTrue();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.login.validateSession(t).valid()).as("idle timer refreshed").isTrue();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(invalid(t)).isIn(SessionValidation.Reason.IDLE_TIMEOUT, SessionValidation.Reason.UNKNOWN);
    }

    @Test
    void session_idleTimeout_reportedWhenStoreStillHoldsIt() {
        AccountLogin longTtl = AccountLogin.builder(f.store).notifier(f).serverKey(LoginFixture.KEY).clock(f.clock)
                .hasher(LoginFixture.HASHER).sessionIdleTimeout(Duration.ofMinutes(30)).build();
        LoginResult r = longTtl.passwordLogin(request(PN, LoginFixture.PASSWORD, f.storedHash, phoneA.id,
                phoneA.publicKey, "s"));
        String t = LoginFixture.token(r);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(longTtl.validateSession(t).valid()).isFalse();
    }

    @Test
    void session_absoluteTimeout12Hours_evenWhenUsed() {
        String t = LoginFixture.token(f.password(phoneA));
        for (int i = 0; i < 35; i++) {
            f.clock.advance(Duration.ofMinutes(20));
            assertThat(f.login.validateSession(t).valid()).as("after " + (i + 1) * 20 + " min").isTrue();
        }
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(invalid(t)).isIn(SessionValidation.Reason.ABSOLUTE_TIMEOUT, SessionValidation.Reason.UNKNOWN);
    }

    @Test
    void logout_andRevokeAll() {
        String t1 = LoginFixture.token(f.password(phoneA));
        String t2 = LoginFixture.token(f.password(phoneA));
        assertThat(f.login.logout(t1)).isTrue();
        assertThat(f.login.logout(t1)).isFalse();
        assertThat(invalid(t1)).isEqualTo(SessionValidation.Reason.UNKNOWN);
        assertThat(f.login.validateSession(t2).valid()).isTrue();
        assertThat(f.login.revokeAllSessions(acct(PN))).isTrue();
        assertThat(invalid(t2)).isEqualTo(SessionValidation.Reason.DEVICE_NOT_ACTIVE);
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s"))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void bruteForceLock_doesNotSignOutTheActiveDevice() {
        String t = LoginFixture.token(f.password(phoneA));
        for (int i = 0; i < 5; i++) {
            f.password(phoneB, "doan-mo", "198.51.100.9");
        }
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isTrue();
        assertThat(f.login.validateSession(t).valid()).isTrue();
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneA.id);
        assertThat(f.login.unlock(acct(PN), phoneA.id, ch.challenge(), phoneA.sign(ch.challenge()), "s"))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void authorityLock_invalidatesSessionsAndBlocksEverything_untilLifted() {
        String t = LoginFixture.token(f.password(phoneA));
        f.login.locks().lockByAuthority(acct(PN), "QĐ 01");
        assertThat(invalid(t)).isEqualTo(SessionValidation.Reason.ACCOUNT_LOCKED);
        assertThat(reason(f.password(phoneA))).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(reason(f.login.beginUnlock(acct(PN), phoneA.id))).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(reason(f.login.recover(recovery(PN, proof(PN, 2, "jti-auth", f.clock.instant()), "phone-B",
                phoneB.publicKey, "s")))).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        f.login.locks().lift(acct(PN), LockType.AUTHORITY, "officer");
        assertThat(f.login.validateSession(t).valid()).isTrue();
    }

    @Test
    void lostDevice_lockRevokesSessions_recoveryWithLevel2BindsNewDevice() {
        String oldToken = LoginFixture.token(f.password(phoneA));
        f.login.reportLostDevice(acct(PN), Duration.ofDays(30), "portal");
        assertThat(f.login.validateSession(oldToken).valid()).isFalse();
        assertThat(reason(f.password(phoneA))).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);
        assertThat(reason(f.password(phoneB))).isEqualTo(LoginResult.Reason.ACCOUNT_LOCKED);

        Instant now = f.clock.instant();
        assertThat(reason(f.login.recover(recovery(PN, proof(PN, 1, "jti-1", now), phoneB.id, phoneB.publicKey, "s"))))
                .isEqualTo(LoginResult.Reason.PROOF_INSUFFICIENT_LEVEL);
        assertThat(reason(f.login.recover(recovery(PN, proof("079203001234", 2, "jti-2", now), phoneB.id, phoneB.publicKey,
                "s")))).isEqualTo(LoginResult.Reason.PROOF_WRONG_PERSON);
        assertThat(reason(f.login.recover(recovery(PN, proof(PN, 2, "jti-3", now.minus(Duration.ofMinutes(6))), phoneB.id,
                phoneB.publicKey, "s")))).isEqualTo(LoginResult.Reason.PROOF_STALE);
        assertThat(reason(f.login.recover(recovery(PN, proof(PN, 2, "jti-4", now.plus(Duration.ofMinutes(2))), phoneB.id,
                phoneB.publicKey, "s")))).isEqualTo(LoginResult.Reason.PROOF_STALE);

        LoginResult r = f.login.recover(recovery(PN, proof(PN, 2, "jti-ok", now.minus(Duration.ofMinutes(4))), phoneB.id,
                phoneB.publicKey, "s"));
        assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isFalse();
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().deviceId()).isEqualTo("phone-B");
        assertThat(f.signedOut).containsExactly("phone-A");
        assertThat(f.login.validateSession(LoginFixture.token(r)).valid()).isTrue();
        assertThat(f.password(phoneB)).isInstanceOf(LoginResult.LoggedIn.class);

        assertThat(reason(f.login.recover(recovery(PN, proof(PN, 2, "jti-ok", now), phoneB.id, phoneB.publicKey, "s"))))
                .as("assertion id used before").isEqualTo(LoginResult.Reason.PROOF_REPLAYED);
    }

    @Test
    void recovery_alsoLiftsBruteForceLock_andWorksWithoutPriorBinding() {
        for (int i = 0; i < 5; i++) {
            f.password(phoneA, "sai", "s");
        }
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isTrue();
        assertThat(f.login.recover(recovery(PN, proof(PN, 2, "jti", f.clock.instant()), phoneA.id, phoneA.publicKey, "s")))
                .isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(f.login.locks().status(acct(PN)).isLocked()).isFalse();
        assertThat(f.login.activeDevice(acct(PN)).orElseThrow().generation()).isEqualTo(1);
    }

    @Test
    void events_coverTheFlows_andCarryNoSecrets() {
        String t = LoginFixture.token(f.password(phoneA));
        f.password(phoneA, "sai-mat-khau-1", "s");
        LoginResult.NewDeviceRequired n = (LoginResult.NewDeviceRequired) f.password(phoneB);
        String code = f.notices.get(0).code();
        String t2 = LoginFixture.token(f.login.confirmNewDevice(confirmation(PN, n.challengeId(), code, "s")));
        UnlockChallenge ch = (UnlockChallenge) f.login.beginUnlock(acct(PN), phoneB.id);
        f.login.unlock(acct(PN), phoneB.id, ch.challenge(), phoneB.sign(ch.challenge()), "s");
        f.login.reportLostDevice(acct(PN), Duration.ofDays(1), "portal");
        assertThat(f.events).extracting(SecurityEvent::type).contains(SecurityEventType.DEVICE_BOUND,
                SecurityEventType.LOGIN_SUCCEEDED, SecurityEventType.LOGIN_FAILED,
                SecurityEventType.NEW_DEVICE_CHALLENGE_SENT, SecurityEventType.DEVICE_SWITCHED,
                SecurityEventType.DEVICE_UNLOCKED, SecurityEventType.ACCOUNT_LOCKED, SecurityEventType.SESSION_ENDED);
        for (SecurityEvent e : f.events) {
            String s = e.toString();
            assertThat(s).doesNotContain(PN).doesNotContain(LoginFixture.PASSWORD).doesNotContain("sai-mat-khau-1")
                    .doesNotContain(code).doesNotContain(t).doesNotContain(t2).doesNotContain(ch.challenge());
            assertThat(e.subject()).isIn("001*******45", "-");
        }
    }

    @Test
    void builder_requiredAndOnceOptions() {
        assertThatThrownBy(() -> AccountLogin.builder(f.store).serverKey(LoginFixture.KEY).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountLogin.builder(f.store).newDeviceCodeValidity(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountLogin.builder(f.store).clock(f.clock).clock(f.clock))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AccountLogin.builder(f.store).notifier(f).serverKey(LoginFixture.KEY)
                .hasher(LoginFixture.HASHER).sessionIdleTimeout(Duration.ofHours(13)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loginRequest_toStringRedacts() {
        LoginRequest r = request(PN, LoginFixture.PASSWORD, f.storedHash, "d", phoneA.publicKey, "s");
        assertThat(r.toString()).doesNotContain(LoginFixture.PASSWORD).doesNotContain(f.storedHash).doesNotContain(PN);
    }

    @Test
    void storeValues_holdNoCodeInClear() {
        f.password(phoneA);
        f.password(phoneB);
        byte[] code = f.notices.get(0).code().getBytes(StandardCharsets.US_ASCII);
        for (String k : f.store.liveKeys()) {
            byte[] v = f.store.get(k).orElseThrow();
            assertThat(new String(v, StandardCharsets.ISO_8859_1)).as(k)
                    .doesNotContain(new String(code, StandardCharsets.ISO_8859_1));
        }
        assertThat(f.store.get(io.github.eidvn.account.internal.AccountKeys.binding(acct(PN)))).isPresent();
    }

    static RecoveryProof proof(String pn, int level, String jti, Instant iat) {
        return new RecoveryProof() {
            @Override
            public String personalNumber() {
                return pn;
            }

            @Override
            public int assuranceLevel() {
                return level;
            }

            @Override
            public String assertionId() {
                return jti;
            }

            @Override
            public Instant issuedAt() {
                return iat;
            }
        };
    }
}
