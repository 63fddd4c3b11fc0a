package io.github.eidvn.verifier;

import java.time.Instant;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;

/**
 * The setting of the verifier's tests, written once: an issuer's fresh key ring, a trust store of its public keys,
 * the issuer on the fixed test clock, and the hospital desk's verifier (audience {@code 79024}, purpose
 * {@code bhyt-checkin}) still open for each test's own options.
 */
abstract class HospitalVerifierFixture {

    final KeyRing ring = KeyRing.generate();
    final TrustStore trust = TrustStore.fromJwks(ring.publicJwksJson());
    final AssertionIssuer issuer = AssertionFixtures.issuer(ring, AssertionFixtures.clock());

    /** @return the desk's verifier builder on the fixed test clock */
    AssertionVerifier.Builder hospital() {
        return hospitalAt(AssertionFixtures.NOW);
    }

    /**
     * @param now the verification time
     * @return the desk's verifier builder with a clock fixed at {@code now}
     */
    AssertionVerifier.Builder hospitalAt(Instant now) {
        return AssertionVerifier.builder().trustStore(trust).clock(AssertionFixtures.clockAt(now))
                .expectedAudience("79024").expectedPurpose("bhyt-checkin");
    }
}
