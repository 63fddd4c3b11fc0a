package io.github.eidvn.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.assurance.AssertionIssuer;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.testing.AssertionFixtures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants: a changed token never verifies. */
class TamperProperties {

    private static final KeyRing RING = KeyRing.generate();
    private static final AssertionIssuer ISSUER = AssertionFixtures.issuer(RING, AssertionFixtures.clock());
    private static final String JWT = ISSUER.issueJwt(AssertionFixtures.hospitalRequest());
    private static final String QR = ISSUER.issueForQr(AssertionFixtures.hospitalRequest());
    private static final AssertionVerifier VERIFIER = AssertionVerifier.builder()
            .trustStore(TrustStore.fromJwks(RING.publicJwksJson())).clock(AssertionFixtures.clock())
            .expectedAudience("79024").expectedPurpose("bhyt-checkin").withoutReplayGuard().anyLevel().build();

    private static String token(boolean qr) {
        return qr ? QR : JWT;
    }

    @Test
    void unchangedTokens_verify() {
        assertThat(VERIFIER.verify(JWT)).isInstanceOf(Verified.class);
        assertThat(VERIFIER.verify(QR)).isInstanceOf(Verified.class);
    }

    @Property(tries = 500)
    void anySingleCharacterChanged_neverVerified(@ForAll boolean qr, @ForAll @IntRange(min = 0, max = 2) int part,
            @ForAll @IntRange(min = 0, max = 100_000) int offset, @ForAll("replacement") char replacement) {
        String t = token(qr);
        int start = part == 0 ? 0 : t.indexOf('.') + 1;
        if (part == 2) {
            start = t.lastIndexOf('.') + 1;
        }
        int end = part == 0 ? t.indexOf('.') : part == 1 ? t.lastIndexOf('.') : t.length();
        int i = start + offset % (end - start);
        Assume.that(t.charAt(i) != replacement);
        String changed = t.substring(0, i) + replacement + t.substring(i + 1);
        VerificationResult r = VERIFIER.verify(changed);
        assertThat(r).as("changed char %d of part %d to '%s'", i, part, replacement).isInstanceOf(Rejected.class);
    }

    @Provide
    Arbitrary<Character> replacement() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.of(alphabet.chars().mapToObj(c -> (char) c)
                        .toArray(Character[]::new))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('.', '=', '+', '/', ' ', '\n', 'Ễ', '\u0000')));
    }

    @Property(tries = 300)
    void anyBitFlipInTheSignature_badSignatureOrMalformed(@ForAll boolean qr,
            @ForAll @IntRange(min = 0, max = 511) int bit) {
        String t = token(qr);
        int dot = t.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(t.substring(dot + 1));
        sig[bit / 8] ^= (byte) (1 << (bit % 8));
        String flipped = t.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        VerificationResult r = VERIFIER.verify(flipped);
        assertThat(r).isInstanceOf(Rejected.class);
        assertThat(((Rejected) r).reason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
    }
}
