package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.SecurityAudit;
import io.github.eidvn.account.lock.SourceThrottle;
import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.core.spi.StateStore;
import io.github.eidvn.testing.ForwardingStateStore;
import io.github.eidvn.testing.SettableClock;
import io.github.eidvn.testing.TtlIgnoringStore;

/**
 * The edges of {@link OutOfBandOtp}: e-mail recipient rules, the per-source budget counting only failures, expiry
 * checked by the service itself, the hourly slot wait, and the builder's ranges.
 */
class OutOfBandOtpLimitsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String PHONE = "0912 345 678";

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-01T08:00:00Z"));
    private final InMemoryStateStore store = InMemoryStateStore.create(clock);
    private final List<OtpMessage> outbox = new CopyOnWriteArrayList<>();

    private OutOfBandOtp.Builder builder(io.github.eidvn.core.spi.StateStore s) {
        return OutOfBandOtp.builder(s).sender(outbox::add).serverKey(KEY).clock(clock);
    }

    private String lastCode() {
        return outbox.get(outbox.size() - 1).code();
    }

    private static OtpVerification.Rejected rejected(OtpVerification v) {
        assertThat(v).isInstanceOf(OtpVerification.Rejected.class);
        return (OtpVerification.Rejected) v;
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    @Test
    void normalizeEmail_lowercasedAndStripped_structureChecked() {
        assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, "  An.Nguyen@Example.VN ")).contains("an.nguyen@example.vn");
        assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, "a@b.c")).contains("a@b.c");
        for (String bad : new String[] {null, "a@", "@b.vn", "a@b", "ab.vn", "a@@b.vn", "a@b@c.vn", "ab@",
            "a b@c.vn", "a<b@c.vn", "a>b@c.vn", "a\"b@c.vn", "a,b@c.vn", "a;b@c.vn", "a\u007fb@c.vn", "a@b.vn@",
            "x@" + "d".repeat(250) + ".vn", "@."}) {
            assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, bad)).as("%s", bad).isEmpty();
        }
        String longest = "a@" + "d".repeat(249) + ".vn";
        assertThat(longest).hasSize(254);
        assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, longest)).isPresent();
        assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, longest + "x")).isEmpty();
        assertThat(OutOfBandOtp.normalize(OtpChannel.EMAIL, "a@bc")).isEmpty();
        assertThat(OutOfBandOtp.normalize(OtpChannel.SMS, PHONE)).contains("+84912345678");
    }

    @Test
    void email_sendAndVerify() {
        OutOfBandOtp otp = builder(store).build();
        assertThat(otp.send("login", OtpChannel.EMAIL, "An@Example.vn")).isInstanceOf(OtpSendResult.Sent.class);
        assertThat(outbox.get(0).recipient()).isEqualTo("an@example.vn");
        assertThat(otp.verify("login", OtpChannel.EMAIL, "an@example.vn", lastCode(), "s").accepted()).isTrue();
    }

    @Test
    void verify_codePastItsValidity_noActiveCode_evenWhenTheStoreStillHoldsIt() {
        OutOfBandOtp otp = builder(new TtlIgnoringStore(store)).build();
        OtpSendResult.Sent sent = (OtpSendResult.Sent) otp.send("login", OtpChannel.SMS, PHONE);
        clock.set(sent.expiresAt());
        OtpVerification.Rejected r = rejected(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s"));
        assertThat(r.reason()).isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
        assertThat(r.remainingTries()).isEqualTo(-1);
    }

    @Test
    void noActiveCodeAndSuccess_doNotUseUpTheSourceBudget_wrongCodesDo() {
        OutOfBandOtp otp = builder(store).sourceThrottle(SourceThrottle.create(store, "t", 1, Duration.ofMinutes(15)))
                .build();
        for (int i = 0; i < 3; i++) {
            assertThat(rejected(otp.verify("login", OtpChannel.SMS, PHONE, "123456", "s")).reason())
                    .isEqualTo(OtpVerification.Reason.NO_ACTIVE_CODE);
        }
        otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s").accepted()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(rejected(otp.verify("login", OtpChannel.SMS, PHONE, wrong(lastCode()), "s")).reason())
                .isEqualTo(OtpVerification.Reason.WRONG_CODE);
        OtpVerification.Rejected throttled = rejected(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s"));
        assertThat(throttled.reason()).isEqualTo(OtpVerification.Reason.SOURCE_THROTTLED);
        assertThat(throttled.remainingTries()).isZero();
    }

    @Test
    void tooManyAttempts_releasesTheSourceSlot() {
        OutOfBandOtp otp = builder(new NoDeleteStore(store)).maxTries(1)
                .sourceThrottle(SourceThrottle.create(store, "t", 1, Duration.ofMinutes(15))).build();
        otp.send("login", OtpChannel.SMS, PHONE);
        String right = lastCode();
        assertThat(rejected(otp.verify("login", OtpChannel.SMS, PHONE, wrong(right), "a")).remainingTries())
                .isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(rejected(otp.verify("login", OtpChannel.SMS, PHONE, right, "b")).reason())
                    .as("the source b is not charged").isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        }
    }

    @Test
    void tooManyAttempts_whenTheCodeOutlivesItsTries() {
        OutOfBandOtp otp = builder(new NoDeleteStore(store)).maxTries(2).build();
        otp.send("login", OtpChannel.SMS, PHONE);
        String right = lastCode();
        otp.verify("login", OtpChannel.SMS, PHONE, wrong(right), "s");
        otp.verify("login", OtpChannel.SMS, PHONE, wrong(right), "s");
        OtpVerification.Rejected r = rejected(otp.verify("login", OtpChannel.SMS, PHONE, right, "s"));
        assertThat(r.reason()).isEqualTo(OtpVerification.Reason.TOO_MANY_ATTEMPTS);
        assertThat(r.remainingTries()).isZero();
    }

    @Test
    void rightCode_whoseDeleteLosesTheRace_alreadyUsed() {
        OutOfBandOtp otp = builder(new NoDeleteStore(store)).build();
        otp.send("login", OtpChannel.SMS, PHONE);
        OtpVerification.Rejected r = rejected(otp.verify("login", OtpChannel.SMS, PHONE, lastCode(), "s"));
        assertThat(r.reason()).isEqualTo(OtpVerification.Reason.ALREADY_USED);
        assertThat(r.remainingTries()).isEqualTo(-1);
    }

    @Test
    void hourlyLimit_waitIsTheSoonestSlotToFree() {
        OutOfBandOtp otp = builder(store).maxSendsPerHour(2).resendCooldown(Duration.ofSeconds(1)).build();
        otp.send("login", OtpChannel.SMS, PHONE);
        clock.advance(Duration.ofMinutes(10));
        otp.send("login", OtpChannel.SMS, PHONE);
        clock.advance(Duration.ofMinutes(10));
        OtpSendResult.Refused r = (OtpSendResult.Refused) otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(r.reason()).isEqualTo(OtpSendResult.Reason.RATE_LIMITED);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(40));
        clock.advance(Duration.ofMinutes(40));
        assertThat(otp.send("login", OtpChannel.SMS, PHONE)).isInstanceOf(OtpSendResult.Sent.class);
    }

    @Test
    void cooldown_waitIsTheTimeLeft() {
        OutOfBandOtp otp = builder(store).resendCooldown(Duration.ofSeconds(90)).build();
        otp.send("login", OtpChannel.SMS, PHONE);
        clock.advance(Duration.ofSeconds(30));
        OtpSendResult.Refused r = (OtpSendResult.Refused) otp.send("login", OtpChannel.SMS, PHONE);
        assertThat(r.reason()).isEqualTo(OtpSendResult.Reason.COOLDOWN);
        assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void builder_eachOptionOnce_andWithinRange_defaults() {
        OutOfBandOtp defaults = builder(store).build();
        assertThat(defaults.validity()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxTries()).isEqualTo(5);
        assertThat(defaults.toString())
                .isEqualTo("OutOfBandOtp[validity=PT5M, maxTries=5, cooldown=PT1M, maxSendsPerHour=5]");
        OutOfBandOtp.Builder b = OutOfBandOtp.builder(store);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.sender(outbox::add);
        assertThatThrownBy(() -> b.sender(outbox::add)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        b.serverKey(KEY);
        assertThatThrownBy(() -> b.serverKey(KEY)).isInstanceOf(IllegalStateException.class);
        b.clock(clock);
        assertThatThrownBy(() -> b.clock(clock)).isInstanceOf(IllegalStateException.class);
        b.audit(SecurityAudit.loggingOnly(clock));
        assertThatThrownBy(() -> b.audit(SecurityAudit.loggingOnly(clock))).isInstanceOf(IllegalStateException.class);
        b.random(new java.security.SecureRandom());
        assertThatThrownBy(() -> b.random(new java.security.SecureRandom())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.validity(OutOfBandOtp.MAX_VALIDITY.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        b.validity(OutOfBandOtp.MAX_VALIDITY);
        assertThatThrownBy(() -> b.validity(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxTries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxTries(11)).isInstanceOf(IllegalArgumentException.class);
        b.maxTries(10);
        assertThatThrownBy(() -> b.maxTries(1)).isInstanceOf(IllegalStateException.class);
        b.resendCooldown(Duration.ofSeconds(5));
        assertThatThrownBy(() -> b.resendCooldown(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.maxSendsPerHour(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxSendsPerHour(21)).isInstanceOf(IllegalArgumentException.class);
        b.maxSendsPerHour(20);
        assertThatThrownBy(() -> b.maxSendsPerHour(1)).isInstanceOf(IllegalStateException.class);
        b.sourceThrottle(SourceThrottle.create(store, "t", 1, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> b.sourceThrottle(SourceThrottle.create(store, "t", 1, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class);
        OutOfBandOtp built = b.build();
        assertThat(built.validity()).isEqualTo(OutOfBandOtp.MAX_VALIDITY);
        assertThat(built.maxTries()).isEqualTo(10);
        assertThat(built.toString()).isEqualTo("OutOfBandOtp[validity=PT10M, maxTries=10, cooldown=PT5S, "
                + "maxSendsPerHour=20]");
        assertThat(OutOfBandOtp.builder(store).sender(outbox::add).serverKey(KEY).maxTries(1).maxSendsPerHour(1)
                .build().maxTries()).isEqualTo(1);
    }

    /** A store whose conditional deletes never succeed, as when another node's delete has not landed yet. */
    private static final class NoDeleteStore extends ForwardingStateStore {
        NoDeleteStore(StateStore d) {
            super(d);
        }

        @Override
        public boolean deleteIfEquals(String key, byte[] expected) {
            return false;
        }
    }
}
