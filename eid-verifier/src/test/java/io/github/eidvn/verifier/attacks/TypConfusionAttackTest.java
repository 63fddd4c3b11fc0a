package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.Reason;

/**
 * RFC 8725 §3.11 explicit typing: other token types from the same issuer key family (consent requests, consent
 * receipts, the sharing inner JWT, plain {@code JWT}, {@code at+jwt}), near misses (surrounding spaces, no
 * {@code +jwt}) and a non-string {@code typ}. Missing/plain/QR-without-zip cases are
 * {@code JoseAttackTest#wrongOrMissingTyp_rejectedWithWrongType}. A wrong type is {@link Reason#WRONG_TYPE}; a
 * {@code typ} that is not a string is {@link Reason#MALFORMED}. The media-type comparison is case-insensitive with
 * an optional {@code application/} prefix (RFC 7515 §4.1.9), which is not a confusion.
 */
class TypConfusionAttackTest {

    private final AttackKit k = new AttackKit();

    private Reason withTyp(String typJsonValue) {
        String h = AttackKit.headerJson(k.jwt).replaceFirst("\"typ\":\"[^\"]+\"", "\"typ\":" + typJsonValue);
        return reason(k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.payloadJson(k.jwt))));
    }

    @Test
    void otherEidTokenTypesAndNearMisses_wrongType() {
        for (String typ : new String[] {"vneid-request+jwt", "vneid-receipt+jwt", "vneid-share+jwt", "JWT", "jwt",
            "at+jwt", "secevent+jwt", " vneid-assertion+jwt", "vneid-assertion+jwt ", "vneid-assertion",
            "application/json", "vneid-assertion+jwt\\u0000", "", "application/"}) {
            assertThat(withTyp("\"" + typ + "\"")).as(typ).isEqualTo(Reason.WRONG_TYPE);
        }
    }

    @Test
    void typNotAString_malformed() {
        for (String typ : new String[] {"1", "true", "[\"vneid-assertion+jwt\"]", "{\"t\":\"vneid-assertion+jwt\"}"}) {
            assertThat(withTyp(typ)).as(typ).isEqualTo(Reason.MALFORMED);
        }
    }
}
