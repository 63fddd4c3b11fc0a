package io.github.eidvn.account.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.AccountId;
import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.SecurityEventType;
import io.github.eidvn.account.lock.AccountLocks;
import io.github.eidvn.account.lock.LockType;
import io.github.eidvn.account.otp.OtpChannel;
import io.github.eidvn.account.otp.OtpMessage;
import io.github.eidvn.account.otp.OtpSendResult;
import io.github.eidvn.account.otp.OutOfBandOtp;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * Issue 15: the e-ID app's own recovery rules (its published FAQ): a forgotten password is reset by an SMS code to the
 * registered phone, by e-mail, or by security questions.
 */
class PasswordResetTest {

    private static final byte[] KEY = "server-key-server-key-server-key!".getBytes(StandardCharsets.US_ASCII);
    private static final AccountId ACCOUNT = AccountId.of("KH-2024-0042");
    private static final String PHONE = "0912 345 678";
    private static final String NEW_PASSWORD = "Sen#Hong7Lua-mua-he";

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-06-01T01:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final List<OtpMessage> outbox = new CopyOnWriteArrayList<>();
    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final SecurityAudit audit = SecurityAudit.of(clock, events::add);
    private final AccountLocks locks = AccountLocks.builder(store).clock(clock).audit(audit).build();
    private final OutOfBandOtp otp = OutOfBandOtp.builder(store).sender(outbox::add).serverKey(KEY).clock(clock)
            .audit(audit).build();
    private final PasswordReset reset = PasswordReset.builder(store).otp(otp).policy(PasswordPolicy.vneid())
            .hasher(PasswordHasherTest.FAST).locks(locks).audit(audit).clock(clock).build();

    private ResetTicket ticket(ResetStep s) {
        return ((ResetStep.Verified) s).ticket();
    }

    @Test
    void smsCode_toTheRegisteredPhone_ticket_newPasswordHashed_ticketUsedUp() {
        assertThat(reset.sendCode(ACCOUNT, OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Sent.class);
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.purpose()).isEqualTo("password-reset"));
        ResetStep step = reset.verifyCode(ACCOUNT, OtpChannel.SMS, PHONE, outbox.get(0).code(), "10.0.0.1");
        ResetTicket t = ticket(step);
        assertThat(t.toString()).doesNotContain(t.value());

        ResetCompletion done = reset.complete(ACCOUNT, t, NEW_PASSWORD, PasswordContext.empty(), "10.0.0.1");
        ResetCompletion.Completed c = (ResetCompletion.Completed) done;
        assertThat(PasswordHasherTest.FAST.verify(NEW_PASSWORD, c.passwordHash()).matches()).isTrue();
        assertThat(c.history()).containsExactly(c.passwordHash());
        assertThat(c.toString()).doesNotContain(c.passwordHash());
        assertThat(reset.complete(ACCOUNT, t, NEW_PASSWORD, PasswordContext.empty(), "10.0.0.1"))
                .isEqualTo(new ResetCompletion.Refused(ResetStep.Reason.UNKNOWN_TICKET));
        assertThat(events).extracting(SecurityEvent::type).containsSubsequence(
                SecurityEventType.PASSWORD_RESET_CODE_SENT, SecurityEventType.PASSWORD_RESET_VERIFIED,
                SecurityEventType.PASSWORD_RESET_COMPLETED, SecurityEventType.PASSWORD_RESET_FAILED);
    }

    @Test
    void emailCode_wrongCode_refusedWithRemainingTries() {
        reset.sendCode(ACCOUNT, OtpChannel.EMAIL, "An.Nguyen@Example.vn");
        String code = outbox.get(0).code();
        String wrong = code.equals("000000") ? "111111" : "000000";
        ResetStep bad = reset.verifyCode(ACCOUNT, OtpChannel.EMAIL, "an.nguyen@example.vn", wrong, "s");
        assertThat(bad).isEqualTo(new ResetStep.Refused(ResetStep.Reason.WRONG_CODE, 4));
        assertThat(((ResetStep.Refused) bad).reason().vietnamese()).isEqualTo("Mã xác thực không đúng.");
        assertThat(reset.verifyCode(ACCOUNT, OtpChannel.EMAIL, "an.nguyen@example.vn", code, "s"))
                .isInstanceOf(ResetStep.Verified.class);
    }

    @Test
    void ticket_ofAnotherAccount_orExpired_refused() {
        reset.sendCode(ACCOUNT, OtpChannel.SMS, PHONE);
        ResetTicket t = ticket(reset.verifyCode(ACCOUNT, OtpChannel.SMS, PHONE, outbox.get(0).code(), "s"));
        assertThat(reset.complete(AccountId.of("KH-other"), t, NEW_PASSWORD, PasswordContext.empty(), "s"))
                .isInstanceOf(ResetCompletion.Refused.class);
        clock.advance(PasswordReset.TICKET_VALIDITY);
        assertThat(reset.complete(ACCOUNT, t, NEW_PASSWORD, PasswordContext.empty(), "s"))
                .isInstanceOf(ResetCompletion.Refused.class);
    }

    @Test
    void weakNewPassword_rejectedByThePolicy_ticketStaysUsable() {
        reset.sendCode(ACCOUNT, OtpChannel.SMS, PHONE);
        ResetTicket t = ticket(reset.verifyCode(ACCOUNT, OtpChannel.SMS, PHONE, outbox.get(0).code(), "s"));
        ResetCompletion weak = reset.complete(ACCOUNT, t, "Matkhau@123", PasswordContext.empty(), "s");
        assertThat(((ResetCompletion.PasswordRejected) weak).check().rules()).contains(PasswordRule.COMMON_PASSWORD);
        assertThat(reset.complete(ACCOUNT, t, NEW_PASSWORD, PasswordContext.empty(), "s"))
                .isInstanceOf(ResetCompletion.Completed.class);
    }

    @Test
    void securityQuestions_answersNormalized_allMustMatch_attemptsLimited() {
        List<String> stored = List.of(PasswordReset.hashAnswer(PasswordHasherTest.FAST, "Hà Nội"),
                PasswordReset.hashAnswer(PasswordHasherTest.FAST, "Mèo Mướp"));
        assertThat(reset.verifyAnswers(ACCOUNT, stored, List.of("  ha   noi ", "MEO MUOP"), "s"))
                .isInstanceOf(ResetStep.Verified.class);
        for (int i = 1; i <= 5; i++) {
            ResetStep r = reset.verifyAnswers(ACCOUNT, stored, List.of("ha noi", "cho muc"), "s");
            assertThat(r).isEqualTo(new ResetStep.Refused(ResetStep.Reason.WRONG_ANSWERS, 5 - i));
        }
        assertThat(reset.verifyAnswers(ACCOUNT, stored, List.of("ha noi", "meo muop"), "s"))
                .isEqualTo(new ResetStep.Refused(ResetStep.Reason.TOO_MANY_ATTEMPTS, 0));
        clock.advance(Duration.ofHours(1));
        assertThat(reset.verifyAnswers(ACCOUNT, stored, List.of("ha noi", "meo muop"), "s"))
                .isInstanceOf(ResetStep.Verified.class);
    }

    @Test
    void securityQuestions_tooFewOrBlank_malformed() {
        List<String> one = List.of(PasswordReset.hashAnswer(PasswordHasherTest.FAST, "Hà Nội"));
        assertThat(reset.verifyAnswers(ACCOUNT, one, List.of("ha noi"), "s"))
                .isEqualTo(new ResetStep.Refused(ResetStep.Reason.MALFORMED, -1));
        List<String> two = List.of(one.get(0), one.get(0));
        assertThat(reset.verifyAnswers(ACCOUNT, two, List.of("ha noi", " "), "s"))
                .isEqualTo(new ResetStep.Refused(ResetStep.Reason.MALFORMED, -1));
        assertThat(reset.verifyAnswers(ACCOUNT, two, List.of("ha noi"), "s"))
                .isEqualTo(new ResetStep.Refused(ResetStep.Reason.MALFORMED, -1));
    }

    @Test
    void authorityLockedAccount_cannotBeReset_bruteForceLockIsLiftedByAReset() {
        locks.lockByAuthority(ACCOUNT, "police");
        reset.sendCode(ACCOUNT, OtpChannel.SMS, PHONE);
        assertThat(reset.verifyCode(ACCOUNT, OtpChannel.SMS, PHONE, outbox.get(0).code(), "s"))
                .isEqualTo(new ResetStep.Refused(ResetStep.Reason.ACCOUNT_LOCKED, -1));
        locks.lift(ACCOUNT, LockType.AUTHORITY, "officer");
        for (int i = 0; i < 5; i++) {
            locks.recordFailure(ACCOUNT);
        }
        assertThat(locks.status(ACCOUNT).isLocked()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        reset.sendCode(ACCOUNT, OtpChannel.SMS, PHONE);
        ResetTicket t = ticket(reset.verifyCode(ACCOUNT, OtpChannel.SMS, PHONE, outbox.get(1).code(), "s"));
        assertThat(reset.complete(ACCOUNT, t, NEW_PASSWORD, PasswordContext.empty(), "s"))
                .isInstanceOf(ResetCompletion.Completed.class);
        assertThat(locks.status(ACCOUNT).isLocked()).isFalse();
    }

    @Test
    void messagesAreBilingual() {
        for (ResetStep.Reason r : ResetStep.Reason.values()) {
            assertThat(r.vietnamese()).isNotBlank().isNotEqualTo(r.english());
            assertThat(r.english()).isNotBlank();
        }
    }
}
