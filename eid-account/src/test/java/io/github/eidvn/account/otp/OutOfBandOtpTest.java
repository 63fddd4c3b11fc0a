package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.SecurityEvent;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

class OutOfBandOtpTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String PHONE = "0912 345 678";

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final List<OtpMessage> outbox = new CopyOnWriteArrayList<>();
    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    private final OutOfBandOtp otp = OutOfBandOtp.builder(store).sender(outbox::add).serverKey(KEY).clock(clock)
            .audit(SecurityAudit.of(clock, events::add)).build();

    private String lastCode() {
        return outbox.get(outbox.size() - 1).code();
    }

    private static OtpVerification.Reason reason(OtpVerification v) {
        return ((OtpVerification.Rejected) v).reason();
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void send_thenVerify_singleUse() {
        OtpSendResult r = otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(r).isEqualTo(new OtpSendResult.Sent(clock.instant().plus(Duration.ofMinutes(5)),
                clock.instant().plusSeconds(60)));
        OtpMessage m = outbox.get(0);
        assertThat(m.recipient()).isEqualTo("+84912345678");
        assertThat(m.code()).matches("[0-9]{6}");
        assertThat(m.toString()).doesNotContain(m.code());
        assertThat(otp.verify("login", OtpChannel.SMS, "+84 912 345 678", m.code(), "10.0.0.1").accepted()).isTrue();
        assertThat(reason(otp.verify("login", OtpChannel.SMS, PHONE, m.code(), "10.0.0.1")))
                .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
    }

    @Test
    void code_boundToPurposeAndChannel() {
        otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(reason(otp.verify("phone-change", OtpChannel.SMS, PHONE, lastCode(), "s")))
                .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
        assertThat(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s").accepted()).isTrue();
    }

    @Test
    void code_storedOnlyAsKeyedHash() {
        otp.send("login", OtpChannel.EMAIL, "An.Nguyen@Example.VN");
        byte[] code = lastCode().getBytes(StandardCharsets.US_ASCII);
        assertThat(outbox.get(0).recipient()).isEqualTo("an.nguyen@example.vn");
        for (String k : store.liveKeys()) {
            assertThat(k).doesNotContain("example").doesNotContain(lastCode());
            byte[] v = store.get(k).orElseThrow();
            assertThat(indexOf(v, code)).as(k).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(hay, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void code_expiresAfterFiveMinutes() {
        otp.send("login", OtpChannel.SMS, PHONE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(reason(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s")))
                .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
    }

    @Test
    void code_validJustBeforeExpiry() {
        otp.send("login", OtpChannel.SMS, PHONE);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s").accepted()).isTrue();
    }

    @Test
    void fiveWrongTries_invalidateTheCode() {
        otp.send("login", OtpChannel.SMS, PHONE);
        String right = lastCode();
        for (int i = 0; i < 5; i++) {
            OtpVerification v = otp.verify("login", OtpChannel.SMS, PHONE, wrong(right), "s");
            assertThat(v).isEqualTo(new OtpVerification.Rejected(OtpVerification.Reason.WRONG_CODE, 4 - i));
        }
        assertThat(reason(otp.verify("login", OtpChannel.SMS, PHONE, right, "s")))
                .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
    }

    @Test
    void resend_cooldown60s_thenNewCodeReplacesOld() {
        otp.send("login", OtpChannel.SMS, PHONE);
        String first = lastCode();
        clock.advance(Duration.ofSeconds(20));
        OtpSendResult r = otp.send("login", OtpChannel.SMS, "+84912345678");
        assertThat(r).isEqualTo(new OtpSendResult.Refused(OtpSendResult.Reason.COOLDOWN, Duration.ofSeconds(40)));
        clock.advance(Duration.ofSeconds(40));
        assertThat(otp.send("login", OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Sent.class);
        String second = lastCode();
        if (!second.equals(first)) {
            assertThat(reason(otp.verify("login", OtpChannel.SMS, PHONE, first, "s")))
                    .isEqualTo(OtpVerification.Reason.WRONG_CODE);
        }
        assertThat(otp.verify("login", OtpChannel.SMS, PHONE, second, "s").accepted()).isTrue();
    }

    @Test
    void atMostFiveSendsInAnySlidingHour() {
        for (int i = 0; i < 5; i++) {
            assertThat(otp.send("login", OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Sent.class);
            clock.advance(Duration.ofMinutes(11));
        }
        // t = 55 min: sixth refused; the first slot frees at t = 60 min
        OtpSendResult r = otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(r).isEqualTo(new OtpSendResult.Refused(OtpSendResult.Reason.RATE_LIMITED, Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(otp.send("login", OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Sent.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(otp.send("login", OtpChannel.SMS, PHONE)).as("second slot frees at 71 min")
                .isInstanceOf(OtpSendResult.Refused.class);
        assertThat(outbox).hasSize(6);
    }

    @Test
    void invalidRecipient_refused() {
        assertThat(otp.send("login", OtpChannel.SMS, "0212345678")).isEqualTo(
                new OtpSendResult.Refused(OtpSendResult.Reason.INVALID_RECIPIENT, Duration.ZERO));
        assertThat(otp.send("login", OtpChannel.EMAIL, "not-an-email")).isInstanceOf(OtpSendResult.Refused.class);
        assertThat(otp.send("LOGIN!", OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Refused.class);
        assertThat(reason(otp.verify("login", OtpChannel.SMS, PHONE, "12345", "s")))
                .isEqualTo(OtpVerification.Reason.MALFORMED);
        assertThat(outbox).isEmpty();
    }

    @Test
    void deliveryFailure_invalidatesTheCode() {
        List<String> codes = new ArrayList<>();
        OutOfBandOtp failing = OutOfBandOtp.builder(store).serverKey(KEY).clock(clock).sender(m -> {
            codes.add(m.code());
            throw new IllegalStateException("gateway down");
        }).build();
        assertThat(failing.send("login", OtpChannel.SMS, PHONE)).isEqualTo(
                new OtpSendResult.Refused(OtpSendResult.Reason.DELIVERY_FAILED, Duration.ZERO));
        assertThat(reason(failing.verify("login", OtpChannel.SMS, PHONE, codes.get(0), "s")))
                .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
    }

    @Test
    void builder_validityAtMostTenMinutes_requiredOptions() {
        assertThatThrownBy(() -> OutOfBandOtp.builder(store).validity(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutOfBandOtp.builder(store).serverKey(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutOfBandOtp.builder(store).sender(m -> { }).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OutOfBandOtp.builder(store).maxTries(5).maxTries(5))
                .isInstanceOf(IllegalStateException.class);
    }

    /** 64 threads guess 1,000 distinct codes (the right one included) concurrently: at most 5 are compared. */
    @Test
    void concurrentAttacker_getsAtMostTheConfiguredTries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            for (int round = 0; round < 5; round++) {
                clock.advance(Duration.ofHours(1));
                String phone = "09123456" + String.format("%02d", round);
                otp.send("login", OtpChannel.SMS, phone);
                String right = lastCode();
                int rightIndex = 500;
                List<String> guesses = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    guesses.add(i == rightIndex ? right : String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<Future<OtpVerification>> fs = new ArrayList<>();
                for (int i = 0; i < guesses.size(); i++) {
                    String g = guesses.get(i);
                    String source = "attacker-" + (i % 64);
                    fs.add(pool.submit(() -> {
                        go.await();
                        return otp.verify("login", OtpChannel.SMS, phone, g, source);
                    }));
                }
                go.countDown();
                int compared = 0;
                int accepted = 0;
                for (Future<OtpVerification> f : fs) {
                    OtpVerification v = f.get(30, TimeUnit.SECONDS);
                    if (v.accepted()) {
                        accepted++;
                        compared++;
                    } else if (reason(v) == OtpVerification.Reason.WRONG_CODE) {
                        compared++;
                    }
                }
                assertThat(compared).as("comparisons in round " + round).isLessThanOrEqualTo(5);
                assertThat(accepted).isLessThanOrEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An attacker cycling recipients from one source is throttled after the source's failure budget. */
    @Test
    void attackerCyclingRecipients_throttledPerSource() {
        OutOfBandOtp guarded = OutOfBandOtp.builder(store).sender(outbox::add).serverKey(KEY).clock(clock)
                .sourceThrottle(SourceThrottle.create(store, "otp", 10, Duration.ofMinutes(15))).build();
        int wrongCompared = 0;
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            String phone = "0987" + String.format("%06d", i);
            guarded.send("login", OtpChannel.SMS, phone);
            OtpVerification v = guarded.verify("login", OtpChannel.SMS, phone, wrong(lastCode()), "198.51.100.7");
            if (reason(v) == OtpVerification.Reason.WRONG_CODE) {
                wrongCompared++;
            } else if (reason(v) == OtpVerification.Reason.SOURCE_THROTTLED) {
                throttled++;
            }
        }
        assertThat(wrongCompared).isEqualTo(10);
        assertThat(throttled).isEqualTo(30);
        // another source is not affected; after the window the source may try again
        guarded.send("login", OtpChannel.SMS, "0911111111");
        assertThat(guarded.verify("login", OtpChannel.SMS, "0911111111", lastCode(), "203.0.113.9").accepted())
                .isTrue();
        clock.advance(Duration.ofMinutes(15));
        guarded.send("login", OtpChannel.SMS, "0922222222");
        assertThat(guarded.verify("login", OtpChannel.SMS, "0922222222", lastCode(), "198.51.100.7").accepted())
                .isTrue();
    }

    @Test
    void events_sentAndUsed_withoutCodeOrFullPhone() {
        otp.send("login", OtpChannel.SMS, PHONE);
        String code = lastCode();
        otp.verify("login", OtpChannel.SMS, PHONE, code, "s");
        assertThat(events).extracting(SecurityEvent::type).containsExactly(
                io.github.eidvn.account.SecurityEventType.OTP_SENT,
                io.github.eidvn.account.SecurityEventType.OTP_VERIFIED);
        for (SecurityEvent e : events) {
            assertThat(e.toString()).doesNotContain(code).doesNotContain("912345678").contains("******678");
        }
    }
}
