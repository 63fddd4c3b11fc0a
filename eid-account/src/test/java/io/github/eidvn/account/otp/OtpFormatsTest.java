package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.eidvn.account.Masking;

/**
 * OTP formats at their edges: the otpauth URI's percent-encoding and label rules, code lengths and time steps one
 * step inside and outside, Base32 for every length remainder, and masked recipients in logs.
 */
class OtpFormatsTest {

    private static final OtpSecret SECRET = OtpSecret.ofBytes(new byte[20]);

    @Test
    void encode_keepsOnlyUnreservedCharacters() {
        assertThat(OtpAuthUri.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(OtpAuthUri.encode("@[`{/: ")).isEqualTo("%40%5B%60%7B%2F%3A%20");
        assertThat(OtpAuthUri.encode("Bộ Công an")).isEqualTo("B%E1%BB%99%20C%C3%B4ng%20an");
        assertThat(OtpAuthUri.encode("\u007f!")).isEqualTo("%7F%21");
    }

    @Test
    void hotpUri_counterZeroAllowed_negativeRefused_labelWithoutColons() {
        OtpAuthUri u = OtpAuthUri.hotp(SECRET, Hotp.defaults(), 0, "VNeID", "an@example.vn");
        assertThat(u.value()).startsWith("otpauth://hotp/VNeID:an%40example.vn?secret=").endsWith("&counter=0");
        assertThatThrownBy(() -> OtpAuthUri.hotp(SECRET, Hotp.defaults(), -1, "VNeID", "an"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp(SECRET, Totp.defaults(), "VN:eID", "an"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp(SECRET, Totp.defaults(), "VNeID", "a:n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp(SECRET, Totp.defaults(), " ", "an"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp(SECRET, Totp.defaults(), "VNeID", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digitsSixToEight_stepOneTo300WholeSeconds() {
        for (OtpAlgorithm a : OtpAlgorithm.values()) {
            assertThat(Totp.of(a, 6, Duration.ofSeconds(1)).generate(SECRET, Instant.EPOCH)).hasSize(6);
            assertThat(Totp.of(a, 8, Duration.ofSeconds(300)).generate(SECRET, Instant.EPOCH)).hasSize(8);
            assertThat(Hotp.of(a, 6).generate(SECRET, 0)).hasSize(6);
            assertThat(Hotp.of(a, 8).generate(SECRET, 0)).hasSize(8);
        }
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.values()[0], 5, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.values()[0], 9, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.values()[0], 6, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.values()[0], 6, Duration.ofSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.values()[0], 6, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hotp.of(OtpAlgorithm.values()[0], 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hotp.of(OtpAlgorithm.values()[0], 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepAt_floorsTowardsMinusInfinity() {
        Totp t = Totp.of(OtpAlgorithm.values()[0], 6, Duration.ofSeconds(30));
        assertThat(t.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(t.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
        assertThat(t.stepAt(Instant.ofEpochSecond(-1))).isEqualTo(-1);
    }

    @Test
    void valueSemantics_ofTotpAndHotp() {
        assertThat(Totp.defaults()).isEqualTo(Totp.defaults()).hasSameHashCodeAs(Totp.defaults())
                .isNotEqualTo(Totp.of(Totp.defaults().algorithm(), 8, Totp.defaults().step()))
                .isNotEqualTo(Totp.of(Totp.defaults().algorithm(), 6, Duration.ofSeconds(60)))
                .isNotEqualTo("totp");
        assertThat(Hotp.defaults()).isEqualTo(Hotp.of(Hotp.defaults().algorithm(), 6))
                .hasSameHashCodeAs(Hotp.of(Hotp.defaults().algorithm(), 6))
                .isNotEqualTo(Hotp.of(Hotp.defaults().algorithm(), 7)).isNotEqualTo("hotp");
        assertThat(Totp.defaults().toString()).isEqualTo("Totp[SHA1, 6 digits, step 30 s]");
        assertThat(Hotp.defaults().toString()).isEqualTo("Hotp[SHA1, 6 digits]");
    }

    @Test
    void base32_roundTripsEveryLengthRemainder() {
        for (int n = 0; n <= 11; n++) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (i * 37 + 5);
            }
            String s = Base32.encode(b);
            assertThat(s).hasSize((n * 8 + 4) / 5).matches("[A-Z2-7]*");
            assertThat(Base32.decode(s)).hasValueSatisfying(d -> assertThat(d).isEqualTo(b));
        }
        assertThat(Base32.encode(new byte[] {(byte) 0xff})).isEqualTo("74");
        assertThat(Base32.decode("MZXW6===")).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("foo"));
        assertThat(Base32.decode("mzxw6")).hasValueSatisfying(d -> assertThat(new String(d)).isEqualTo("foo"));
        assertThat(Base32.decode("MZXW1")).isEmpty();
    }

    @Test
    void masking_keepsOnlyTheEnds() {
        assertThat(Masking.phone("+84912345678")).isEqualTo("******678");
        assertThat(Masking.phone("1234567")).isEqualTo("******567");
        assertThat(Masking.phone("123456")).isEqualTo("***");
        assertThat(Masking.phone(null)).isEqualTo("***");
        assertThat(Masking.email("an@example.vn")).isEqualTo("a***@example.vn");
        assertThat(Masking.email("a@b.vn")).isEqualTo("a***@b.vn");
        assertThat(Masking.email("@b.vn")).isEqualTo("***");
        assertThat(Masking.email("noat")).isEqualTo("***");
        assertThat(Masking.email(null)).isEqualTo("***");
    }
}
