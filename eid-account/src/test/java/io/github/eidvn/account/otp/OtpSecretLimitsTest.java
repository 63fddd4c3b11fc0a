package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

/** {@link OtpSecret}: random secrets really are random, and lengths are bounded to 16..128 bytes. */
class OtpSecretLimitsTest {

    @Test
    void random_secretsDiffer_andHaveTheAskedLength() {
        SecureRandom r = new SecureRandom();
        OtpSecret a = OtpSecret.random(r, 20);
        OtpSecret b = OtpSecret.random(r, 20);
        assertThat(a.length()).isEqualTo(20);
        assertThat(a.bytes()).isNotEqualTo(b.bytes()).isNotEqualTo(new byte[20]);
    }

    @Test
    void lengths_16To128Bytes() {
        SecureRandom r = new SecureRandom();
        assertThat(OtpSecret.random(r, 16).length()).isEqualTo(16);
        assertThat(OtpSecret.random(r, 128).length()).isEqualTo(128);
        assertThatThrownBy(() -> OtpSecret.random(r, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpSecret.random(r, 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpSecret.ofBytes(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThat(OtpSecret.ofBytes(new byte[128]).length()).isEqualTo(128);
    }

    @Test
    void fromBase32_boundsOnDecodedLengthAndText() {
        OtpSecret s16 = OtpSecret.ofBytes(new byte[16]);
        assertThat(OtpSecret.fromBase32(s16.toBase32())).hasValueSatisfying(x -> assertThat(x.length()).isEqualTo(16));
        assertThat(OtpSecret.fromBase32(OtpSecret.ofBytes(new byte[128]).toBase32())).isPresent();
        assertThat(OtpSecret.fromBase32(Base32.encode(new byte[15]))).isEmpty();
        assertThat(OtpSecret.fromBase32(Base32.encode(new byte[129]))).isEmpty();
        assertThat(OtpSecret.fromBase32("A".repeat(2 * 128 * 8 / 5 + 1))).isEmpty();
        assertThat(OtpSecret.fromBase32(null)).isEmpty();
    }

    @Test
    void bytes_isACopy() {
        OtpSecret s = OtpSecret.ofBytes(new byte[16]);
        s.bytes()[0] = 9;
        assertThat(s.bytes()[0]).isZero();
        assertThat(s.bytes()).hasSize(16);
    }
}
