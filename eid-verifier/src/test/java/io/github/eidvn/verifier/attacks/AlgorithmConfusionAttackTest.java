package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.b64;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.verifier.Reason;

/**
 * RS/PS/ES confusion (RFC 8725 §3.1, "use appropriate algorithms"): a header naming another asymmetric algorithm
 * than the one pinned to the trusted EC key, carrying a genuine signature of that algorithm (RSA PKCS#1, RSA-PSS,
 * ECDSA P-384/P-521 by the attacker). The header-only variants (RS256, PS256, ES384, ES512, EdDSA, ES256K, es256
 * re-signed with ES256) and an ES256 token against an RSA key with the same kid are
 * {@code JoseAttackTest#otherAlgorithmThanThePinnedOne_rejectedWithDisallowedAlgorithm} and
 * {@code JoseAttackTest#es256TokenForAnRsaKeyWithTheSameKid_rejectedWithDisallowedAlgorithm}. Always
 * {@link Reason#DISALLOWED_ALGORITHM}, before any signature check.
 */
class AlgorithmConfusionAttackTest {

    private final AttackKit k = new AttackKit();

    private String forge(String alg, String jca, KeyPair attacker, java.security.spec.AlgorithmParameterSpec spec)
            throws Exception {
        Map<String, Object> h = AttackKit.header(k.jwt);
        h.put("alg", alg);
        String input = b64(StrictJson.write(h)) + "." + AttackKit.parts(k.jwt)[1];
        Signature s = Signature.getInstance(jca);
        if (spec != null) {
            s.setParameter(spec);
        }
        s.initSign(attacker.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(s.sign());
    }

    @Test
    void rs256AndPs256WithARealRsaSignature_onTheEcKid_disallowedAlgorithm() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair rsa = g.generateKeyPair();
        String rs256 = forge("RS256", "SHA256withRSA", rsa, null);
        String ps256 = forge("PS256", "RSASSA-PSS", rsa,
                new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        assertThat(reason(k.verifier().verify(rs256))).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        assertThat(reason(k.verifier().verify(ps256))).isEqualTo(Reason.DISALLOWED_ALGORITHM);
    }

    @Test
    void es384AndEs512WithARealSignatureOfTheirSize_onTheP256Kid_disallowedAlgorithm() throws Exception {
        for (String[] c : new String[][] {{"ES384", "secp384r1", "SHA384withECDSAinP1363Format"},
            {"ES512", "secp521r1", "SHA512withECDSAinP1363Format"}}) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(c[1]));
            String token = forge(c[0], c[2], g.generateKeyPair(), null);
            assertThat(reason(k.verifier().verify(token))).as(c[0]).isEqualTo(Reason.DISALLOWED_ALGORITHM);
        }
    }

    @Test
    void es256WithAnAttackerP256Key_sameKid_badSignature() throws Exception {
        // the allowed algorithm with the wrong key is a signature failure, not an algorithm one
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        String token = forge("ES256", "SHA256withECDSAinP1363Format", g.generateKeyPair(), null);
        assertThat(reason(k.verifier().verify(token))).isEqualTo(Reason.BAD_SIGNATURE);
    }
}
