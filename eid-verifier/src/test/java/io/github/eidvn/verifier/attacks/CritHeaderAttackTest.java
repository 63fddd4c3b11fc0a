package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.Reason;

/**
 * RFC 7515 §4.1.11 {@code crit}: the verifier implements no critical extension, so any well-formed {@code crit}
 * (unknown names, registered names, {@code b64}, an empty or repeated list) is
 * {@link Reason#UNSUPPORTED_CRITICAL_HEADER}, and an ill-formed one (not an array of strings) is
 * {@link Reason#MALFORMED}. The basic unknown-name case is {@code JoseAttackTest#unknownCrit_rejected} and the RFC 7797
 * {@code b64: false} case {@code JoseAttackTest#b64HeaderUnencodedPayload_rejectedAsMalformed}.
 */
class CritHeaderAttackTest {

    private final AttackKit k = new AttackKit();

    private Reason withCrit(String critJson) {
        String h = AttackKit.headerJson(k.jwt).replaceFirst("\\{", "{\"crit\":" + critJson + ",\"eid-ext\":1,");
        return reason(k.verifier().verify(AttackKit.sign(k.trusted, h, AttackKit.payloadJson(k.jwt))));
    }

    @Test
    void wellFormedCrit_unsupportedCriticalHeader() {
        for (String crit : new String[] {"[\"eid-ext\"]", "[\"exp\"]", "[\"b64\"]", "[\"eid-ext\",\"eid-ext\"]",
            "[]", "[\"alg\"]"}) {
            assertThat(withCrit(crit)).as(crit).isEqualTo(Reason.UNSUPPORTED_CRITICAL_HEADER);
        }
    }

    @Test
    void critNotAnArrayOfStrings_malformed() {
        for (String crit : new String[] {"\"eid-ext\"", "[1]", "{\"eid-ext\":true}"}) {
            assertThat(withCrit(crit)).as(crit).isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void critUnderAnUntrustedSignature_badSignatureFirst() {
        String h = AttackKit.headerJson(k.jwt).replaceFirst("\\{", "{\"crit\":[\"eid-ext\"],\"eid-ext\":1,");
        assertThat(reason(k.verifier().verify(AttackKit.sign(k.attacker, h, AttackKit.payloadJson(k.jwt)))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }
}
