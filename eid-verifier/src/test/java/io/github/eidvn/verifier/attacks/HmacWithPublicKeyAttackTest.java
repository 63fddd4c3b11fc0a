package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.b64;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.verifier.Reason;

/**
 * RFC 8725 §2.1/§3.1 key confusion: an HMAC token (HS256, HS384, HS512) keyed with the trusted public key in every
 * encoding an implementation might feed to a MAC (SPKI DER, PEM, public JWK JSON, JWKS JSON, raw point), in both
 * token forms. The HS256 / DER-JWK-JWKS base case is
 * {@code JoseAttackTest#hs256KeyedWithThePublicKey_rejectedWithDisallowedAlgorithm}. Always
 * {@link Reason#DISALLOWED_ALGORITHM}: the algorithm is pinned to the key, so a MAC is never computed.
 */
class HmacWithPublicKeyAttackTest {

    private final AttackKit k = new AttackKit();

    private List<byte[]> publicKeyEncodings() {
        byte[] der = k.trusted.publicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        byte[] point = new byte[65];
        point[0] = 4;
        byte[] x = k.trusted.publicKey().getW().getAffineX().toByteArray();
        byte[] y = k.trusted.publicKey().getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        List<byte[]> out = new ArrayList<>();
        out.add(der);
        out.add(pem.getBytes(StandardCharsets.US_ASCII));
        out.add(k.trusted.publicJwkJson().getBytes(StandardCharsets.UTF_8));
        out.add(k.ring.publicJwksJson().getBytes(StandardCharsets.UTF_8));
        out.add(point);
        return out;
    }

    private static String hmac(String alg, byte[] secret, String input) throws Exception {
        String jca = "Hmac" + "SHA" + alg.substring(2);
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec(secret, jca));
        return b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hs256To512KeyedWithThePublicKey_disallowedAlgorithm_bothForms() throws Exception {
        for (String token : List.of(k.jwt, k.freshQr())) {
            for (String alg : List.of("HS256", "HS384", "HS512")) {
                Map<String, Object> h = AttackKit.header(token);
                h.put("alg", alg);
                String input = b64(StrictJson.write(h)) + "." + AttackKit.parts(token)[1];
                for (byte[] secret : publicKeyEncodings()) {
                    String forged = input + "." + hmac(alg, secret, input);
                    assertThat(reason(k.verifier().verify(forged))).as(alg).isEqualTo(Reason.DISALLOWED_ALGORITHM);
                    assertThat(reason(k.verifier().verifyScanned(forged))).as(alg)
                            .isEqualTo(Reason.DISALLOWED_ALGORITHM);
                }
            }
        }
    }
}
