package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.N;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import io.github.eidvn.core.assurance.AssertionRequest;
import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.Evidence;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** For every valid token, in either form, its high-S twin is refused and does not consume the genuine one. */
class HighSProperties {

    private final AttackKit k = new AttackKit();

    @Property(tries = 150)
    void everyValidToken_itsHighSTwinIsRefused(@ForAll boolean qrForm, @ForAll boolean level2,
            @ForAll @AlphaChars @StringLength(min = 1, max = 24) String purpose) {
        AssertionRequest request = AssertionRequest.builder()
                .level(level2 ? AssuranceLevel.LEVEL_2 : AssuranceLevel.LEVEL_1).methods(level2 ? "face" : "pwd")
                .evidence(java.util.List.of(Evidence.of("electronic_record", "data")))
                .claims(AssertionFixtures.hospitalClaims()).audience("79024").purpose(purpose).build();
        String token = qrForm ? k.issuer.issueForQr(request) : k.issuer.issueJwt(request);
        BigInteger[] rs = AttackKit.rs(token);
        assertThat(rs[1]).isLessThanOrEqualTo(N.shiftRight(1));
        String twin = AttackKit.withPart(token, 2, AttackKit.rawSignature(rs[0], N.subtract(rs[1])));

        AssertionVerifier v = AssertionVerifier.builder().trustStore(k.trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose(purpose).anyLevel().build();
        assertThat(reason(v.verify(twin))).isEqualTo(Reason.NON_CANONICAL_SIGNATURE);
        assertThat(v.verify(token)).isInstanceOf(Verified.class);
        assertThat(reason(v.verify(twin))).isEqualTo(Reason.NON_CANONICAL_SIGNATURE);
    }
}
