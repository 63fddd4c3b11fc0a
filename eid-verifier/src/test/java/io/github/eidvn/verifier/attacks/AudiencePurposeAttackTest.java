package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.Reason;

/**
 * RFC 8725 §3.9 cross-JWT confusion through audience and purpose: a genuine assertion issued for another hospital
 * or a bank, or for another purpose, presented at this hospital. Basic cases (present/absent/unexpected) are
 * {@code AssertionVerifierTest#verify_wrongAudience_rejected} and its neighbours; here the near-miss values (prefix,
 * case, padding, list without us) in both forms, always {@link Reason#WRONG_AUDIENCE} /
 * {@link Reason#WRONG_PURPOSE}.
 */
class AudiencePurposeAttackTest {

    private final AttackKit k = new AttackKit();

    private AssertionRequest request(String audience, String purpose) {
        return AssertionRequest.builder().level(AssuranceLevel.LEVEL_2).methods("face")
                .evidence(List.of(Evidence.of("electronic_record", "data"))).claims(AssertionFixtures.hospitalClaims())
                .audience(audience).purpose(purpose).build();
    }

    @Test
    void genuineTokenForAnotherAudience_wrongAudience_bothForms() {
        for (String aud : List.of("79025", "7902", "790240", "vcb-bank", "*")) {
            AssertionRequest r = request(aud, "bhyt-checkin");
            assertThat(reason(k.verifier().verify(k.issuer.issueJwt(r)))).as(aud).isEqualTo(Reason.WRONG_AUDIENCE);
            assertThat(reason(k.verifier().verify(k.issuer.issueForQr(r)))).as(aud).isEqualTo(Reason.WRONG_AUDIENCE);
        }
    }

    @Test
    void audienceListWithoutUs_wrongAudience_listWithUs_passes() {
        var claims = AttackKit.claims(k.freshJwt());
        claims.put("aud", List.of("79025", "vcb-bank"));
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims))))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        claims.put("aud", List.of("79025", "79024"));
        assertThat(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.header(k.jwt), claims)))
                .isInstanceOf(io.github.eidvn.verifier.Verified.class);
    }

    @Test
    void genuineTokenForAnotherPurpose_wrongPurpose_bothForms() {
        for (String purpose : List.of("bank-ekyc", "BHYT-CHECKIN", "bhyt-checkin-x")) {
            AssertionRequest r = request("79024", purpose);
            assertThat(reason(k.verifier().verify(k.issuer.issueJwt(r)))).as(purpose)
                    .isEqualTo(Reason.WRONG_PURPOSE);
            assertThat(reason(k.verifier().verify(k.issuer.issueForQr(r)))).as(purpose)
                    .isEqualTo(Reason.WRONG_PURPOSE);
        }
    }
}
