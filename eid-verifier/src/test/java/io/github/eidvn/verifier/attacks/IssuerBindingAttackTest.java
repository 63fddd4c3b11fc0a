package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;
import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * With the keys of two issuers trusted, issuer B signs a token that claims issuer A's {@code iss}: a store that
 * holds keys per issuer refuses it ({@link Reason#WRONG_ISSUER}).
 */
class IssuerBindingAttackTest {

    private static final String ISSUER_B = "https://other-issuer.example.vn";

    private final AttackKit k = new AttackKit();
    private final KeyRing ringB = KeyRing.generate();
    private final AssertionIssuer issuerB = AssertionIssuer.builder().issuer(ISSUER_B).keyRing(ringB)
            .clock(AssertionFixtures.clock()).build();

    private AssertionVerifier verifier(TrustStore trust) {
        return AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clock())
                .expectedAudience("79024").expectedPurpose("bhyt-checkin").anyLevel().build();
    }

    private TrustStore perIssuer() {
        return TrustStore.builder().issuer(AssertionFixtures.ISSUER, TrustStore.of(k.ring))
                .issuer(ISSUER_B, TrustStore.of(ringB)).build();
    }

    /** Signed by B's key, claiming A's iss. */
    private String bPosingAsA() {
        String genuineB = issuerB.issueJwt(AssertionFixtures.hospitalRequest());
        Map<String, Object> claims = AttackKit.claims(genuineB);
        assertThat(claims.get("iss")).isEqualTo(ISSUER_B);
        claims.put("iss", AssertionFixtures.ISSUER);
        return AttackKit.sign(ringB.current(), AttackKit.header(genuineB), claims);
    }

    @Test
    void keyOfIssuerB_claimingIssuerA_rejectedWrongIssuer() {
        assertThat(reason(verifier(perIssuer()).verify(bPosingAsA()))).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void eachIssuerWithItsOwnKey_verifies() {
        AssertionVerifier v = verifier(perIssuer());
        Verified a = (Verified) v.verify(k.freshJwt());
        Verified b = (Verified) v.verify(issuerB.issueJwt(AssertionFixtures.hospitalRequest()));
        assertThat(a.assertion().issuer()).isEqualTo(AssertionFixtures.ISSUER);
        assertThat(b.assertion().issuer()).isEqualTo(ISSUER_B);
        assertThat(v.verify(k.freshQr())).isInstanceOf(Verified.class); // the QR form's short kid too
    }

    @Test
    void oneKeyListedForBothIssuers_verifiesTokensOfEither() {
        TrustStore shared = TrustStore.builder().issuer(ISSUER_B, TrustStore.of(k.ring))
                .issuer(AssertionFixtures.ISSUER, TrustStore.of(k.ring)).build();
        assertThat(verifier(shared).verify(k.freshJwt())).isInstanceOf(Verified.class);
    }

    @Test
    void bareMergedJwks_isOneIssuerWhateverItsName_soBothNamesPass() {
        // today's meaning of a bare JWKS, kept for one issuer; merging two issuers into it is what the builder fixes
        String merged = "{\"keys\":[" + k.ring.current().publicJwkJson() + "," + ringB.current().publicJwkJson() + "]}";
        assertThat(verifier(TrustStore.fromJwks(merged)).verify(bPosingAsA())).isInstanceOf(Verified.class);
    }
}
