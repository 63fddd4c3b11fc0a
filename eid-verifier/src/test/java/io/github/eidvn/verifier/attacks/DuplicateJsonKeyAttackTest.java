package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.eidvn.core.internal.RawDeflate;
import io.github.eidvn.verifier.Reason;

/**
 * Duplicate JSON member names (RFC 7515 §5.2 / RFC 8725 §3.4: parsers that keep the first or the last value let two
 * components disagree on one token). Claims and headers are read strictly: any duplicate, first or last, is
 * {@link Reason#MALFORMED}, never last-wins. The header {@code alg} case is
 * {@code JoseAttackTest#duplicateHeaderMember_rejectedAsMalformed}.
 */
class DuplicateJsonKeyAttackTest {

    private final AttackKit k = new AttackKit();

    private Reason standard(String insertAtStart, boolean atEnd) {
        String jwt = k.freshJwt();
        String p = AttackKit.payloadJson(jwt);
        String changed = atEnd ? p.substring(0, p.length() - 1) + "," + insertAtStart + "}"
                : "{" + insertAtStart + "," + p.substring(1);
        return reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(jwt), changed)));
    }

    @Test
    void twoExpTwoAudTwoJtiTwoAcr_malformed_whicheverComesFirst() {
        for (String dup : new String[] {"\"exp\":4102444800", "\"aud\":\"79024\"", "\"aud\":[\"attacker\"]",
            "\"jti\":\"another-jti\"", "\"acr\":\"urn:vn:eid:loa:2\"", "\"iss\":\"https://vneid.gov.vn\""}) {
            assertThat(standard(dup, false)).as("first %s", dup).isEqualTo(Reason.MALFORMED);
            assertThat(standard(dup, true)).as("last %s", dup).isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void duplicateInANestedCitizenObject_malformed() {
        String jwt = k.freshJwt();
        String p = AttackKit.payloadJson(jwt);
        String changed = p.replaceFirst("\"personal_number\":", "\"personal_number\":\"001099012345\",\"personal_number\":");
        assertThat(changed).isNotEqualTo(p);
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(jwt), changed))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void duplicateCompactClaimInTheQrForm_malformed() {
        String qr = k.freshQr();
        String p = AttackKit.payloadJson(qr);
        for (String dup : new String[] {"\"exp\":4102444800", "\"aud\":\"79024\"", "\"pn\":\"001099012345\""}) {
            String changed = "{" + dup + "," + p.substring(1);
            assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(qr),
                    RawDeflate.deflate(changed.getBytes(StandardCharsets.UTF_8)))))).as(dup)
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void duplicateHeaderKidTypZip_malformed() {
        for (String dup : new String[] {"\"kid\":\"x\"", "\"typ\":\"JWT\"", "\"alg\":\"ES256\""}) {
            String h = AttackKit.headerJson(k.jwt).replaceFirst("\\{", "{" + dup + ",");
            assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.payloadJson(k.jwt)))))
                    .as(dup).isEqualTo(Reason.MALFORMED);
        }
        String qr = k.freshQr();
        String h = AttackKit.headerJson(qr).replaceFirst("\\{", "{\"zip\":\"DEF\",");
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.trusted, h,
                AttackKit.unb64(AttackKit.parts(qr)[1]))))).isEqualTo(Reason.MALFORMED);
    }
}
