package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * RFC 8725 §3.10 / RFC 7515 §4.1.2-6: header {@code jwk}, {@code jku}, {@code x5u}, {@code x5c} never supply or
 * select a key. The mixed cases (with {@code isIn} expectations) are
 * {@code JoseAttackTest#embeddedJwkJkuX5uX5c_neverTrusted}; here each member gets its exact reason: a token signed by
 * the attacker's embedded key is {@link Reason#UNKNOWN_KEY} under the attacker's kid and {@link Reason#BAD_SIGNATURE}
 * under the trusted kid; a token the trusted issuer signed still verifies with the trusted key (the members are
 * ignored, not followed: no network fetch happens, as the verifier has no HTTP client).
 */
class EmbeddedKeyHeaderAttackTest {

    private final AttackKit k = new AttackKit();

    private List<Map<String, Object>> tricks() {
        return List.of(
                Map.of("jwk", StrictJson.parseObject(k.attacker.publicJwkJson())),
                Map.of("jku", "https://attacker.example/jwks.json"),
                Map.of("x5u", "https://attacker.example/cert.pem"),
                Map.of("x5c", List.of("bm90IGEgY2VydGlmaWNhdGU")),
                Map.of("jwk", StrictJson.parseObject(k.attacker.publicJwkJson()), "jku", "file:///etc/passwd"));
    }

    @Test
    void attackerSignedWithItsOwnKid_unknownKey() {
        for (Map<String, Object> trick : tricks()) {
            Map<String, Object> h = AttackKit.header(k.jwt);
            h.putAll(trick);
            h.put("kid", k.attacker.kid());
            assertThat(reason(k.verifier().verify(AttackKit.sign(k.attacker, h, AttackKit.claims(k.jwt)))))
                    .as("%s", trick.keySet()).isEqualTo(Reason.UNKNOWN_KEY);
        }
    }

    @Test
    void attackerSignedUnderTheTrustedKid_badSignature() {
        for (Map<String, Object> trick : tricks()) {
            Map<String, Object> h = AttackKit.header(k.jwt);
            h.putAll(trick);
            assertThat(reason(k.verifier().verify(AttackKit.sign(k.attacker, h, AttackKit.claims(k.jwt)))))
                    .as("%s", trick.keySet()).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void trustedSignedWithTheMembers_verifiesWithTheTrustedKeyOnly() {
        for (Map<String, Object> trick : tricks()) {
            Map<String, Object> h = AttackKit.header(k.jwt);
            h.putAll(trick);
            var r = k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.claims(k.freshJwt())));
            assertThat(r).as("%s", trick.keySet()).isInstanceOf(Verified.class);
            assertThat(((Verified) r).assertion().kid()).isEqualTo(k.trusted.kid());
        }
    }

    @Test
    void x5cNotAnArray_malformed() {
        Map<String, Object> h = AttackKit.header(k.jwt);
        h.put("x5c", "MIIB");
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.claims(k.jwt)))))
                .isEqualTo(Reason.MALFORMED);
    }
}
