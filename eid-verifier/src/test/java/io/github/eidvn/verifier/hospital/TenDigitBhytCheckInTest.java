package io.github.eidvn.verifier.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.identity.BenefitLevel;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.qr.SignedQrText;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;

/**
 * Issue 15: BHYT cards printed since 2021 carry the 10-digit social-insurance number as their number; the verifier
 * and the hospital check-in accept it, the benefit level coming from its own claim.
 */
class TenDigitBhytCheckInTest {

    @Test
    void presentationWithTenDigitCardNumber_verifiedAndValid_levelFromItsClaim_issue15() {
        KeyRing ring = KeyRing.generate();
        Map<String, Object> claims = new LinkedHashMap<>(AssertionFixtures.hospitalClaims());
        Map<String, Object> card = new LinkedHashMap<>(AssertionFixtures.asMap(claims.get("health_insurance")));
        card.put("number", "0120878811");
        card.put("benefit_level", 2);
        claims.put("health_insurance", card);
        AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clockAt(AssertionFixtures.NOW));
        String qr = SignedQrText.encode(issuer.issueForQr(AssertionRequest.builder().level(AssuranceLevel.LEVEL_2)
                .methods("face").claims(claims).audience("79024").purpose("bhyt-checkin").build()));
        AssertionVerifier verifier = AssertionVerifier.builder().trustStore(TrustStore.fromJwks(ring.publicJwksJson()))
                .clock(AssertionFixtures.clockAt(AssertionFixtures.NOW)).expectedAudience("79024")
                .expectedPurpose("bhyt-checkin").requiredLevel(AssuranceLevel.LEVEL_2).build();
        CheckInDecision d = HospitalCheckIn.builder().verifier(verifier)
                .clock(AssertionFixtures.clockAt(AssertionFixtures.NOW)).build().check(qr);
        assertThat(d.decision()).isEqualTo(CheckInDecision.Decision.VALID);
        CheckInDecision.Insurance i = d.insurance().orElseThrow();
        assertThat(i.number()).isEqualTo("0120878811");
        assertThat(i.benefitLevel()).isEqualTo(BenefitLevel.LEVEL_2);
        assertThat(d.english()).contains("Base rate 100%");
    }
}
