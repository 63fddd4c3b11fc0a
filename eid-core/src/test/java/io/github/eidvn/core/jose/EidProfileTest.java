package io.github.eidvn.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.keys.TrustedKey;

class EidProfileTest {

    private static final Instant NOW = Instant.parse("2026-09-17T03:00:00Z");

    @Test
    void lifetime_fromIat_orFromNowWithoutIat() {
        Duration cap = Duration.ofHours(24);
        assertThat(EidProfile.lifetimeExceeded(NOW.minusSeconds(60), NOW.plus(cap).minusSeconds(60), NOW, cap))
                .isEmpty();
        assertThat(EidProfile.lifetimeExceeded(NOW.minusSeconds(60), NOW.plus(cap), NOW, cap)).isPresent();
        assertThat(EidProfile.lifetimeExceeded(Instant.EPOCH, NOW.plusSeconds(60), NOW, cap)).isPresent();
        // no iat: counted from now
        assertThat(EidProfile.lifetimeExceeded(null, NOW.plus(cap), NOW, cap)).isEmpty();
        assertThat(EidProfile.lifetimeExceeded(null, NOW.plus(cap).plusSeconds(1), NOW, cap)).get().asString()
                .contains("from now");
    }

    @Test
    void lifetimeCap_onlyLowered() {
        assertThat(EidProfile.checkLifetimeCap("x", Duration.ofMinutes(5), Duration.ofMinutes(10)))
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> EidProfile.checkLifetimeCap("x", Duration.ofMinutes(11), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EidProfile.checkLifetimeCap("x", Duration.ofSeconds(-1), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clockSkew_zeroToTwoMinutes_elseRejected() {
        assertThat(EidProfile.checkClockSkew(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(EidProfile.checkClockSkew(Duration.ofMinutes(2))).isEqualTo(EidProfile.MAX_CLOCK_SKEW);
        assertThatThrownBy(() -> EidProfile.checkClockSkew(Duration.ofMinutes(2).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock skew must be between 0");
        assertThatThrownBy(() -> EidProfile.checkClockSkew(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EidProfile.DEFAULT_CLOCK_SKEW).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void level2Methods_faceFingerprintOrBiometricEvidence_notPasswordOrChipAlone() {
        assertThat(EidProfile.hasLevel2Method(List.of("face"), List.of())).isTrue();
        assertThat(EidProfile.hasLevel2Method(List.of("sc", "fpt"), List.of())).isTrue();
        assertThat(EidProfile.hasLevel2Method(List.of("pwd"), List.of(Evidence.of("electronic_record", "bvr"))))
                .isTrue();
        assertThat(EidProfile.hasLevel2Method(List.of("pwd", "otp", "sc"), List.of(Evidence.of("document", "vcrypt"))))
                .isFalse();
        assertThat(EidProfile.hasLevel2Method(List.of(), List.of())).isFalse();
    }

    @Test
    void keyForIssuer_theSameKeyListedForAnotherIssuerIsFound() {
        KeyRing a = KeyRing.generate();
        TrustStore store = TrustStore.builder().issuer("https://b.example.vn", TrustStore.of(a))
                .issuer("https://a.example.vn", TrustStore.of(a)).build();
        List<TrustedKey> candidates = store.candidates(a.current().kid());
        assertThat(candidates).hasSize(2);
        TrustedKey first = candidates.get(0);
        assertThat(first.acceptsIssuer("https://a.example.vn")).isFalse();
        assertThat(EidProfile.keyForIssuer(first, candidates, "https://a.example.vn")).contains(candidates.get(1));
        assertThat(EidProfile.keyForIssuer(first, candidates, "https://c.example.vn")).isEmpty();
        TrustedKey bare = TrustStore.of(a).keys().get(0);
        assertThat(EidProfile.keyForIssuer(bare, List.of(bare), "anything")).contains(bare);
    }
}
