package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * A token that says {@code acr} level 2 with only a password (or nothing) behind it: level 2 needs face or
 * fingerprint in {@code amr}, or biometric verification in the evidence.
 */
class LevelMethodAttackTest {

    private final AttackKit k = new AttackKit();

    private AssertionVerifier level2() {
        return AssertionVerifier.builder().trustStore(k.trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").requiredLevel(AssuranceLevel.LEVEL_2)
                .build();
    }

    private String withAmr(Object amr) {
        Map<String, Object> claims = AttackKit.claims(k.jwt);
        if (amr == null) {
            claims.remove("amr");
        } else {
            claims.put("amr", amr);
        }
        stripEvidence(claims);
        return AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims);
    }

    @SuppressWarnings("unchecked")
    private static void stripEvidence(Map<String, Object> claims) {
        Object vc = claims.get("verified_claims");
        if (vc instanceof Map) {
            Object verification = ((Map<String, Object>) vc).get("verification");
            if (verification instanceof Map) {
                ((Map<String, Object>) verification).remove("evidence");
            }
        }
    }

    @Test
    void level2WithPasswordOnly_rejectedLevelWithoutMethod() {
        assertThat(AttackKit.claims(k.jwt).get("acr")).isEqualTo(AssuranceLevel.LEVEL_2.acr());
        assertThat(reason(level2().verify(withAmr(List.of("pwd"))))).isEqualTo(Reason.LEVEL_WITHOUT_METHOD);
    }

    @Test
    void level2WithChipReadAlone_rejectedLevelWithoutMethod() {
        assertThat(reason(level2().verify(withAmr(List.of("sc", "pwd"))))).isEqualTo(Reason.LEVEL_WITHOUT_METHOD);
    }

    @Test
    void level2WithoutAmr_rejected_evenWhenAnyLevelIsAccepted() {
        String token = withAmr(null);
        assertThat(reason(level2().verify(token))).isEqualTo(Reason.LEVEL_WITHOUT_METHOD);
        String pwd = withAmr(List.of("pwd"));
        assertThat(reason(k.verifier().verify(pwd))).isEqualTo(Reason.LEVEL_WITHOUT_METHOD);
    }

    @Test
    void level2WithFaceOrFingerprintOrChipPlusFace_verifies() {
        for (List<String> amr : List.of(List.of("face"), List.of("fpt"), List.of("sc", "face"))) {
            assertThat(level2().verify(withAmr(amr))).as(amr.toString()).isInstanceOf(Verified.class);
        }
    }

    @Test
    void level2WithBiometricVerificationEvidence_verifies() {
        // amr has only a password, but the evidence names a biometric verification (check method "bvr")
        String token = k.issuer.issueJwt(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("pwd")
                .evidence(List.of(Evidence.of("electronic_record", "bvr"))).claims(AssertionFixtures.hospitalClaims())
                .audience("79024").purpose("bhyt-checkin").build());
        assertThat(level2().verify(token)).isInstanceOf(Verified.class);
    }
}
