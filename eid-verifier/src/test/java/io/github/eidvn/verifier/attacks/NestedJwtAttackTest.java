package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.core.internal.StrictJson;
import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.Verified;

/**
 * Nested JWTs (RFC 7519 §5.2 {@code cty: JWT}; RFC 8725 §2.8 substitution through nesting): the assertion verifier
 * never unwraps a payload, so nesting depth is always 0. A JWS whose payload is another (even trusted, valid) JWS is
 * {@link Reason#MALFORMED}, with or without {@code cty: JWT}, in both forms and at depth 3; a trusted token whose
 * header merely says {@code cty: JWT} over ordinary claims still verifies ({@code cty} is ignored: {@code typ} alone
 * decides the form).
 */
class NestedJwtAttackTest {

    private final AttackKit k = new AttackKit();

    private String wrap(String innerToken, String typ, boolean zip, boolean cty) {
        Map<String, Object> h = AttackKit.header(k.jwt);
        h.put("typ", typ);
        if (cty) {
            h.put("cty", "JWT");
        }
        byte[] payload = innerToken.getBytes(StandardCharsets.US_ASCII);
        if (zip) {
            h.put("zip", "DEF");
            payload = RawDeflate.deflate(payload);
        }
        return AttackKit.sign(k.trusted, StrictJson.writeString(h), payload);
    }

    @Test
    void jwsCarryingATrustedJws_malformed_withOrWithoutCty_bothForms() {
        for (boolean cty : new boolean[] {true, false}) {
            assertThat(reason(k.verifier().verify(wrap(k.freshJwt(), "vneid-assertion+jwt", false, cty))))
                    .isEqualTo(Reason.MALFORMED);
            assertThat(reason(k.verifier().verify(wrap(k.freshQr(), "vneid-qr+jwt", true, cty))))
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void threeLevelsDeep_malformed() {
        String inner = k.freshJwt();
        for (int i = 0; i < 3; i++) {
            inner = wrap(inner, "vneid-qr+jwt", true, true);
        }
        assertThat(reason(k.verifier().verify(inner))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void payloadAJsonStringHoldingAJws_malformed() {
        String quoted = StrictJson.writeString(Map.of("x", k.freshJwt()));
        String asString = quoted.substring(quoted.indexOf(':') + 1, quoted.length() - 1);
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(k.jwt), asString))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void ctyJwtOverOrdinaryClaims_ignored_verifies() {
        Map<String, Object> h = AttackKit.header(k.jwt);
        h.put("cty", "JWT");
        assertThat(k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.claims(k.freshJwt()))))
                .isInstanceOf(Verified.class);
    }
}
