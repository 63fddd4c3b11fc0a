package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.N;
import static io.github.eidvn.verifier.attacks.AttackKit.rawSignature;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.impl.ECDSA;

import io.github.eidvn.verifier.AssertionVerifier;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * ECDSA signature values. "Psychic signatures" (CVE-2022-21449: r = 0 and/or s = 0 accepted by the JDK 15-18
 * verifier), r or s equal to the group order n or out of range, and the DER encoding in place of the JOSE raw
 * {@code r||s} form are all {@link Reason#BAD_SIGNATURE}, in both token forms. Truncated, padded and all-zero
 * signatures are {@code JoseAttackTest#truncatedOrPaddedSignature_rejected}.
 *
 * <p><b>High-S malleability:</b> (r, n - s) is a second valid ECDSA signature of the same input, and plain ES256
 * (Nimbus, the JDK, RFC 7518) accepts it. eid's signers always emit the low-S form, so eid's verifiers refuse the
 * high-S twin of an eid token ({@link Reason#NON_CANONICAL_SIGNATURE}) before the replay stage: the twin can neither
 * pass as a new text nor consume the genuine token's {@code iss}+{@code jti} ({@link HighSProperties} for every
 * valid token).
 */
class EcdsaSignatureAttackTest {

    private final AttackKit k = new AttackKit();

    private List<String> forgeries(String token) {
        BigInteger[] rs = AttackKit.rs(token);
        BigInteger r = rs[0];
        BigInteger s = rs[1];
        BigInteger top = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        return List.of(rawSignature(BigInteger.ZERO, BigInteger.ZERO), rawSignature(BigInteger.ZERO, s),
                rawSignature(r, BigInteger.ZERO), rawSignature(N, s), rawSignature(r, N), rawSignature(N, N),
                rawSignature(r.add(N).and(top), s), rawSignature(r, s.add(N).and(top)), rawSignature(top, top),
                rawSignature(BigInteger.ONE, BigInteger.ONE));
    }

    @Test
    void psychicAndOutOfRangeSignatures_badSignature_bothForms() {
        for (String token : List.of(k.freshJwt(), k.freshQr())) {
            for (String sig : forgeries(token)) {
                String forged = AttackKit.withPart(token, 2, sig);
                assertThat(reason(k.verifier().verify(forged))).as(sig).isEqualTo(Reason.BAD_SIGNATURE);
            }
        }
    }

    @Test
    void derEncodedSignature_badSignature() throws Exception {
        byte[] der = ECDSA.transcodeSignatureToDER(AttackKit.unb64(AttackKit.parts(k.jwt)[2]));
        assertThat(reason(k.verifier().verify(AttackKit.withPart(k.jwt, 2, AttackKit.b64(der)))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void highS_twinRefused_bothForms_beforeTheReplayStage_soTheGenuineTokenStillVerifies() {
        for (String token : List.of(k.freshJwt(), k.freshQr())) {
            BigInteger[] rs = AttackKit.rs(token);
            assertThat(rs[1]).as("eid signs low-S").isLessThanOrEqualTo(N.shiftRight(1));
            String malleated = AttackKit.withPart(token, 2, rawSignature(rs[0], N.subtract(rs[1])));
            assertThat(malleated).isNotEqualTo(token);
            AssertionVerifier v = k.verifier();
            // shown first, the twin is refused and does not consume iss+jti ...
            assertThat(reason(v.verify(malleated))).isEqualTo(Reason.NON_CANONICAL_SIGNATURE);
            assertThat(v.verify(token)).isInstanceOf(Verified.class);
            // ... and shown after, it is still refused as altered, not reported as a replay
            assertThat(reason(v.verify(malleated))).isEqualTo(Reason.NON_CANONICAL_SIGNATURE);
        }
    }
}
