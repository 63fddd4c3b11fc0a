package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

class OtpVerifierTest {

    private static final OtpSecret SECRET = OtpSecret.ofBytes(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final String ACCOUNT = "001099012345";

    private final SettableClock clock = SettableClock.at(Instant.ofEpochSecond(1_111_111_109L));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final OtpVerifier verifier = OtpVerifier.builder(store).clock(clock).build();
    private final Totp totp = Totp.defaults();

    private OtpVerification.Reason reason(OtpVerification v) {
        return ((OtpVerification.Rejected) v).reason();
    }

    @Test
    void totp_currentCode_acceptedOnce() {
        String code = totp.generate(SECRET, clock.instant());
        assertThat(code).isEqualTo("081804");
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, code))
                .isEqualTo(new OtpVerification.Accepted(totp.stepAt(clock.instant())));
        assertThat(reason(verifier.verifyTotp(ACCOUNT, SECRET, totp, code)))
                .isEqualTo(OtpVerification.Reason.ALREADY_USED);
    }

    @Test
    void totp_plusMinusOneStep_accepted_twoStepsOff_rejected() {
        Instant now = clock.instant();
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, now.minusSeconds(30))).accepted())
                .isTrue();
        assertThat(verifier.verifyTotp("other", SECRET, totp, totp.generate(SECRET, now.plusSeconds(30))).accepted())
                .isTrue();
        assertThat(reason(verifier.verifyTotp("third", SECRET, totp, totp.generate(SECRET, now.minusSeconds(60)))))
                .isEqualTo(OtpVerification.Reason.WRONG_CODE);
        assertThat(reason(verifier.verifyTotp("third", SECRET, totp, totp.generate(SECRET, now.plusSeconds(60)))))
                .isEqualTo(OtpVerification.Reason.WRONG_CODE);
    }

    @Test
    void totp_earlierStepAfterLaterOne_refused() {
        Instant now = clock.instant();
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, now)).accepted()).isTrue();
        assertThat(reason(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, now.minusSeconds(30)))))
                .isEqualTo(OtpVerification.Reason.ALREADY_USED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, clock.instant())).accepted())
                .isTrue();
    }

    @Test
    void totp_malformed_doesNotCountAsTry() {
        for (int i = 0; i < 50; i++) {
            assertThat(reason(verifier.verifyTotp(ACCOUNT, SECRET, totp, "12345x")))
                    .isEqualTo(OtpVerification.Reason.MALFORMED);
        }
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, clock.instant())).accepted())
                .isTrue();
    }

    @Test
    void totp_failureLimit_blocksEvenTheRightCode_untilWindowEnds() {
        for (int i = 0; i < 10; i++) {
            OtpVerification v = verifier.verifyTotp(ACCOUNT, SECRET, totp, "000000");
            assertThat(((OtpVerification.Rejected) v).remainingTries()).isEqualTo(9 - i);
        }
        String right = totp.generate(SECRET, clock.instant());
        assertThat(reason(verifier.verifyTotp(ACCOUNT, SECRET, totp, right)))
                .isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        clock.advance(Duration.ofMinutes(15));
        assertThat(verifier.verifyTotp(ACCOUNT, SECRET, totp, totp.generate(SECRET, clock.instant())).accepted())
                .isTrue();
    }

    @Test
    void totp_concurrentSameCode_acceptedExactlyOnce() throws Exception {
        // replays count as failed attempts; allow enough so the failure limit does not end the test early
        OtpVerifier verifier = OtpVerifier.builder(store).clock(clock).maxFailures(100).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 50; round++) {
                clock.advance(Duration.ofSeconds(30));
                String code = totp.generate(SECRET, clock.instant());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> fs = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        return verifier.verifyTotp(ACCOUNT, SECRET, totp, code).accepted();
                    }));
                }
                go.countDown();
                int accepted = 0;
                for (Future<Boolean> f : fs) {
                    accepted += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hotp_lookAheadResync_andNoReuse() {
        Hotp hotp = Hotp.defaults();
        assertThat(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "755224")).isEqualTo(new OtpVerification.Accepted(0));
        assertThat(reason(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "755224")))
                .isEqualTo(OtpVerification.Reason.WRONG_CODE);
        // counter 4 (look-ahead from 1) resynchronizes; 2 and 3 are then behind
        assertThat(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "338314")).isEqualTo(new OtpVerification.Accepted(4));
        assertThat(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "359152").accepted()).isFalse();
        assertThat(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "254676")).isEqualTo(new OtpVerification.Accepted(5));
        // beyond the look-ahead (5): counter 6 expected, 9 is within 6..11; 520489 is counter 9
        assertThat(verifier.verifyHotp(ACCOUNT, SECRET, hotp, "520489")).isEqualTo(new OtpVerification.Accepted(9));
    }

    @Test
    void events_neverContainTheCodeOrSecret() {
        List<io.github.eidvn.account.SecurityEvent> events = new ArrayList<>();
        OtpVerifier v = OtpVerifier.builder(store).clock(clock)
                .audit(io.github.eidvn.account.SecurityAudit.of(clock, events::add)).build();
        String code = totp.generate(SECRET, clock.instant());
        v.verifyTotp(ACCOUNT, SECRET, totp, code);
        v.verifyTotp(ACCOUNT, SECRET, totp, "999999");
        assertThat(events).hasSize(2);
        for (var e : events) {
            assertThat(e.toString()).doesNotContain(code).doesNotContain("999999").doesNotContain(ACCOUNT)
                    .contains("001*******45");
        }
    }
}
