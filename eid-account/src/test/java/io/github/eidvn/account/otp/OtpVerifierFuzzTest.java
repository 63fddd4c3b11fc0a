package io.github.eidvn.account.otp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.github.eidvn.core.spi.InMemoryStateStore;
import io.github.eidvn.testing.SettableClock;

/**
 * Jazzer target: the code a user types, through {@link OtpVerifier#verifyTotp} and {@link OtpVerifier#verifyHotp}
 * (RFC 6238/4226 secret, fixed clock at the RFC 6238 test time 1111111109). A crash is any exception; a fresh state
 * store per input keeps the runs independent. An accepted code must be exactly 6 ASCII digits.
 */
class OtpVerifierFuzzTest {

    static final OtpSecret SECRET = OtpSecret.ofBytes("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    static final Instant NOW = Instant.ofEpochSecond(1_111_111_109L);

    @FuzzTest(maxDuration = "5m")
    void verifyCode(byte[] input) {
        String code = new String(input, StandardCharsets.UTF_8);
        SettableClock clock = SettableClock.at(NOW);
        OtpVerifier verifier = OtpVerifier.builder(InMemoryStateStore.create(clock)).clock(clock).build();
        OtpVerification totp = verifier.verifyTotp("001099012345", SECRET, Totp.defaults(), code);
        OtpVerification hotp = verifier.verifyHotp("001099012345", SECRET, Hotp.defaults(), code);
        for (OtpVerification v : new OtpVerification[] {totp, hotp}) {
            assertThat(v).isNotNull();
            if (v.accepted()) {
                assertThat(code).matches("[0-9]{6}");
            }
        }
    }
}
