package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;

/** The reception desk at its input limit, its number masking, and its configure-once builder. */
class HospitalCheckInLimitsTest {

    private final AssertionVerifier verifier = AssertionVerifier.builder()
            .trustStore(TrustStore.fromJwks(KeyRing.generate().publicJwksJson())).clock(AssertionFixtures.clock())
            .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    private final HospitalCheckIn desk = HospitalCheckIn.builder().verifier(verifier).clock(AssertionFixtures.clock())
            .build();

    @Test
    void scannedTextAtTheLimit_read_oneMore_tooLarge() {
        CheckInDecision atLimit = desk.check("1".repeat(SignedQrText.MAX_TEXT_LENGTH));
        assertThat(atLimit.reason()).isNotEqualTo(java.util.Optional.of(Reason.TOO_LARGE));
        CheckInDecision over = desk.check("1".repeat(SignedQrText.MAX_TEXT_LENGTH + 1));
        assertThat(over.reason()).contains(Reason.TOO_LARGE);
        assertThat(over.isValid()).isFalse();
    }

    @Test
    void mask_hidesTheSixMiddleDigits_otherLengthsFully() {
        assertThat(HospitalCheckIn.mask("079303012345")).isEqualTo("079******345");
        assertThat(HospitalCheckIn.mask("12345")).isEqualTo("*****");
        assertThat(HospitalCheckIn.mask("1234567890123")).isEqualTo("*************");
    }

    @Test
    void builder_clockOnce() {
        assertThatThrownBy(() -> HospitalCheckIn.builder().clock(AssertionFixtures.clock())
                .clock(AssertionFixtures.clock())).isInstanceOf(IllegalStateException.class);
        assertThat(desk.toString()).contains("zone=");
    }
}
