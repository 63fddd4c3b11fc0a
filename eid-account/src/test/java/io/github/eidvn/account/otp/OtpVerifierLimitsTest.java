package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * The exact limits of {@link OtpVerifier}: the last allowed try, the edge of the HOTP look-ahead, the remaining-tries
 * count, per-account isolation of counters, account id bounds and the builder's ranges.
 */
class OtpVerifierLimitsTest {

    private static final OtpSecret SECRET = OtpSecret.ofBytes(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    /** RFC 4226 appendix D, counters 0 to 9. */
    private static final String[] RFC4226 = {"755224", "287082", "359152", "969429", "338314", "254676", "287922",
        "162583", "399871", "520489"};
    private static final String ACCOUNT = "001099012345";

    private final SettableClock clock = SettableClock.at(Instant.ofEpochSecond(1_111_111_109L));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final Totp totp = Totp.defaults();
    private final Hotp hotp = Hotp.defaults();

    private static OtpVerification.Rejected rejected(OtpVerification v) {
        assertThat(v).isInstanceOf(OtpVerification.Rejected.class);
        return (OtpVerification.Rejected) v;
    }

    @Test
    void totp_lastAllowedTry_isStillChecked_theNextIsTooMany() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(3).build();
        assertThat(rejected(v.verifyTotp(ACCOUNT, SECRET, totp, "000000")).remainingTries()).isEqualTo(2);
        assertThat(rejected(v.verifyTotp(ACCOUNT, SECRET, totp, "000000")).remainingTries()).isEqualTo(1);
        OtpVerification.Rejected third = rejected(v.verifyTotp(ACCOUNT, SECRET, totp, "000000"));
        assertThat(third.reason()).isEqualTo(OtpVerification.Reason.WRONG_CODE);
        assertThat(third.remainingTries()).isZero();
        OtpVerification.Rejected fourth = rejected(v.verifyTotp(ACCOUNT, SECRET, totp,
                totp.generate(SECRET, clock.instant())));
        assertThat(fourth.reason()).isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
    }

    @Test
    void totp_rightCodeOnTheLastAllowedTry_accepted() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(3).build();
        v.verifyTotp(ACCOUNT, SECRET, totp, "000000");
        v.verifyTotp(ACCOUNT, SECRET, totp, "000000");
        assertThat(v.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, clock.instant())).accepted()).isTrue();
    }

    @Test
    void totp_replayRejection_reportsTheTriesLeft() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(5).build();
        String code = totp.generate(SECRET, clock.instant());
        assertThat(v.verifyTotp(ACCOUNT, SECRET, totp, code).accepted()).isTrue();
        OtpVerification.Rejected replay = rejected(v.verifyTotp(ACCOUNT, SECRET, totp, code));
        assertThat(replay.reason()).isEqualTo(OtpVerification.Reason.ALREADY_USED);
        assertThat(replay.remainingTries()).isEqualTo(4);
    }

    @Test
    void totp_zeroWindow_acceptsOnlyTheCurrentStep() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).window(0).build();
        assertThat(v.verifyTotp("a", SECRET, totp, totp.generate(SECRET, clock.instant().minusSeconds(30)))
                .accepted()).isFalse();
        assertThat(v.verifyTotp("b", SECRET, totp, totp.generate(SECRET, clock.instant())).accepted()).isTrue();
    }

    @Test
    void totp_windowTwo_acceptsTwoStepsBack() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).window(2).build();
        assertThat(v.verifyTotp("a", SECRET, totp, totp.generate(SECRET, clock.instant().minusSeconds(60)))
                .accepted()).isTrue();
    }

    @Test
    void failures_ofOneAccount_doNotBlockAnother() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(1).build();
        v.verifyTotp("attacker-target", SECRET, totp, "000000");
        assertThat(rejected(v.verifyTotp("attacker-target", SECRET, totp, "000000")).reason())
                .isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        assertThat(v.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, clock.instant())).accepted()).isTrue();
        assertThat(v.verifyHotp("someone-else", SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
    }

    @Test
    void failureWindow_custom_endsTheBlockWhenItEnds() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(1).failureWindow(Duration.ofMinutes(1))
                .build();
        v.verifyHotp(ACCOUNT, SECRET, hotp, "000000");
        assertThat(rejected(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[0])).reason())
                .isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        clock.advance(Duration.ofMinutes(1));
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
    }

    @Test
    void hotp_codeAtExactlyTheLookAhead_accepted_oneFurther_rejected() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).hotpLookAhead(5).build();
        assertThat(rejected(v.verifyHotp("a", SECRET, hotp, RFC4226[6])).reason())
                .isEqualTo(OtpVerification.Reason.WRONG_CODE);
        assertThat(v.verifyHotp("b", SECRET, hotp, RFC4226[5])).isEqualTo(new OtpVerification.Accepted(5));
    }

    @Test
    void hotp_zeroLookAhead_onlyTheNextCounter() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).hotpLookAhead(0).build();
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[1]).accepted()).isFalse();
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[1])).isEqualTo(new OtpVerification.Accepted(1));
    }

    @Test
    void hotp_malformed_rejectedWithoutCountingATry_wrongCodeCountsDown() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(2).build();
        for (String bad : new String[] {"12345", "1234567", "12345a", "", null}) {
            OtpVerification.Rejected r = rejected(v.verifyHotp(ACCOUNT, SECRET, hotp, bad));
            assertThat(r.reason()).as("%s", bad).isEqualTo(OtpVerification.Reason.MALFORMED);
            assertThat(r.remainingTries()).isEqualTo(-1);
        }
        OtpVerification.Rejected wrong = rejected(v.verifyHotp(ACCOUNT, SECRET, hotp, "000000"));
        assertThat(wrong.reason()).isEqualTo(OtpVerification.Reason.WRONG_CODE);
        assertThat(wrong.remainingTries()).isEqualTo(1);
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
    }

    @Test
    void hotp_lastAllowedTry_isStillChecked_theNextIsTooMany() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).maxFailures(2).build();
        v.verifyHotp(ACCOUNT, SECRET, hotp, "000000");
        assertThat(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
        v.verifyHotp(ACCOUNT, SECRET, hotp, "000000");
        v.verifyHotp(ACCOUNT, SECRET, hotp, "000000");
        OtpVerification.Rejected r = rejected(v.verifyHotp(ACCOUNT, SECRET, hotp, RFC4226[1]));
        assertThat(r.reason()).isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        assertThat(r.remainingTries()).isZero();
    }

    @Test
    void wellFormed_digitsOnlyOfTheExactLength() {
        assertThat(OtpVerifier.wellFormed("012345", 6)).isTrue();
        assertThat(OtpVerifier.wellFormed("999999", 6)).isTrue();
        assertThat(OtpVerifier.wellFormed("01234/", 6)).isFalse();
        assertThat(OtpVerifier.wellFormed("01234:", 6)).isFalse();
        assertThat(OtpVerifier.wellFormed("0123456", 6)).isFalse();
        assertThat(OtpVerifier.wellFormed(null, 6)).isFalse();
    }

    @Test
    void accountId_emptyOrLongerThan256_refused_256Accepted() {
        OtpVerifier v = OtpVerifier.builder(store).clock(clock).build();
        assertThatThrownBy(() -> v.verifyTotp("", SECRET, totp, "000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.verifyHotp("a".repeat(257), SECRET, hotp, "000000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(v.verifyHotp("a".repeat(256), SECRET, hotp, RFC4226[0])).isEqualTo(new OtpVerification.Accepted(0));
    }

    @Test
    void builder_eachOptionOnce_andWithinRange() {
        OtpVerifier.Builder b = OtpVerifier.builder(store);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        b.audit(io.github.eidvn.account.SecurityAudit.loggingOnly(clock));
        assertThatThrownBy(() -> b.audit(io.github.eidvn.account.SecurityAudit.loggingOnly(clock)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.window(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.window(3)).isInstanceOf(IllegalArgumentException.class);
        b.window(2);
        assertThatThrownBy(() -> b.window(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.hotpLookAhead(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.hotpLookAhead(21)).isInstanceOf(IllegalArgumentException.class);
        b.hotpLookAhead(20);
        assertThatThrownBy(() -> b.hotpLookAhead(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxFailures(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxFailures(101)).isInstanceOf(IllegalArgumentException.class);
        b.maxFailures(100);
        assertThatThrownBy(() -> b.maxFailures(1)).isInstanceOf(IllegalStateException.class);
        b.failureWindow(Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.failureWindow(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThat(b.build().toString()).isEqualTo("OtpVerifier[window=2, lookAhead=20, maxFailures=100]");
        assertThat(OtpVerifier.builder(store).window(0).hotpLookAhead(0).maxFailures(1).build().toString())
                .isEqualTo("OtpVerifier[window=0, lookAhead=0, maxFailures=1]");
        assertThat(OtpVerifier.builder(store).build().toString())
                .isEqualTo("OtpVerifier[window=1, lookAhead=5, maxFailures=10]");
    }
}
