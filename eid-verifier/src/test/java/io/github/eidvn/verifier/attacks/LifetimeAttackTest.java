package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * An issuer key (or a careless issuer) signs an assertion valid for years: the verifier's lifetime cap
 * ({@code exp - iat}, 24 h by default, only lowered by configuration) refuses it.
 */
class LifetimeAttackTest {

    private final AttackKit k = new AttackKit();
    private final long now = AssertionFixtures.NOW.getEpochSecond();

    private String resigned(long iat, long exp) {
        Map<String, Object> claims = AttackKit.claims(k.jwt);
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("jti", "lifetime-" + iat + "-" + exp);
        return AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims);
    }

    @Test
    void expInYear9999_rejectedLifetimeTooLong() {
        assertThat(reason(k.verifier().verify(resigned(now - 60, 253402300799L))))
                .isEqualTo(Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void iatZero_rejectedLifetimeTooLong() {
        assertThat(reason(k.verifier().verify(resigned(0, now + 600)))).isEqualTo(Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void exactly24Hours_verifies_oneSecondMore_refused() {
        assertThat(k.verifier().verify(resigned(now - 60, now - 60 + 86_400))).isInstanceOf(Verified.class);
        assertThat(reason(k.verifier().verify(resigned(now - 60, now - 60 + 86_401))))
                .isEqualTo(Reason.LIFETIME_TOO_LONG);
    }

    @Test
    void loweredCap_refusesATwoHourToken() {
        AssertionVerifier v = AssertionVerifier.builder().trustStore(k.trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel()
                .maxLifetime(Duration.ofHours(1)).build();
        assertThat(reason(v.verify(resigned(now - 60, now + 7_140)))).isEqualTo(Reason.LIFETIME_TOO_LONG);
        assertThat(v.verify(resigned(now - 60, now + 3_000))).isInstanceOf(Verified.class);
    }

    @Test
    void capCanOnlyBeLowered() {
        assertThatThrownBy(() -> AssertionVerifier.builder().maxLifetime(Duration.ofHours(24).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowered");
        assertThatThrownBy(() -> AssertionVerifier.builder().maxLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        AssertionVerifier.builder().maxLifetime(AssertionVerifier.DEFAULT_MAX_LIFETIME);
    }

    @Test
    void withoutExp_acceptedOnlyWithinTheCapFromIat() {
        AssertionVerifier v = AssertionVerifier.builder().trustStore(k.trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().withoutExpiration()
                .withoutReplayGuard().build();
        Map<String, Object> claims = AttackKit.claims(k.jwt);
        claims.remove("exp");
        claims.put("iat", now - 86_400 - 3_600);
        assertThat(reason(v.verify(AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims))))
                .isEqualTo(Reason.EXPIRED);
        claims.put("iat", now - 3_600);
        assertThat(v.verify(AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims))).isInstanceOf(Verified.class);
    }
}
