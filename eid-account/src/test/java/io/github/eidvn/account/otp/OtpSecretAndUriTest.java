package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class OtpSecretAndUriTest {

    private static final OtpSecret RFC = OtpSecret.ofBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void base32_roundTrip_caseAndPaddingInsensitive() {
        OtpSecret s = OtpSecret.random(new SecureRandom(), 20);
        assertThat(OtpSecret.fromBase32(s.toBase32()).orElseThrow().bytes()).isEqualTo(s.bytes());
        assertThat(OtpSecret.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").orElseThrow().bytes())
                .isEqualTo(RFC.bytes());
        assertThat(OtpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====").orElseThrow().bytes())
                .isEqualTo(RFC.bytes());
        assertThat(OtpSecret.fromBase32("GEZDGNBVGY3TQOJ1")).as("1 is not Base32").isEmpty();
        assertThat(OtpSecret.fromBase32("GEZDGNBV")).as("too short").isEmpty();
        assertThat(OtpSecret.fromBase32(null)).isEmpty();
    }

    @Test
    void secret_tooShort_refused_andNeverInToString() {
        assertThatThrownBy(() -> OtpSecret.ofBytes(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThat(RFC.toString()).doesNotContain("GEZD").doesNotContain("1234").contains("redacted");
    }

    @Test
    void totpUri_allParameters() {
        OtpAuthUri uri = OtpAuthUri.totp(RFC, Totp.of(OtpAlgorithm.SHA256, 8, Duration.ofSeconds(30)), "VNeID Bank",
                "nguyễn.an@example.vn");
        assertThat(uri.value()).isEqualTo("otpauth://totp/VNeID%20Bank:nguy%E1%BB%85n.an%40example.vn"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=VNeID%20Bank&algorithm=SHA256&digits=8&period=30");
        assertThat(uri.toString()).doesNotContain("GEZD").contains("redacted");
    }

    @Test
    void hotpUri_withCounter() {
        assertThat(OtpAuthUri.hotp(RFC, Hotp.defaults(), 7, "eid", "an").value()).isEqualTo(
                "otpauth://hotp/eid:an?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=eid&algorithm=SHA1&digits=6"
                        + "&counter=7");
    }

    @Test
    void uri_colonInLabelPart_refused() {
        assertThatThrownBy(() -> OtpAuthUri.totp(RFC, Totp.defaults(), "a:b", "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.totp(RFC, Totp.defaults(), "a", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parameters_bounds() {
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.SHA1, 5, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.SHA1, 9, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Totp.of(OtpAlgorithm.SHA1, 6, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hotp.of(OtpAlgorithm.SHA1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
