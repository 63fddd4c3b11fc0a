package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.VerificationResult;
import io.github.eidvn.verifier.Verified;

/**
 * Issue 13 (one input policy): a validly signed token whose name or address carries a bidi control (U+202A-U+202E,
 * U+2066-U+2069) or another invisible format character is refused by the verifier, not shown to a desk where a
 * right-to-left override makes one name display as another. The issuer refuses such claims too
 * ({@code CitizenClaimsRulesTest}).
 */
class InvisibleCharacterNameAttackTest {

    private final AttackKit k = new AttackKit();

    private VerificationResult withName(String name) {
        String jwt = k.freshJwt();
        String p = AttackKit.payloadJson(jwt);
        String changed = p.replace("\"Nguyễn Thị Minh Khai\"", "\"" + name + "\"");
        assertThat(changed).isNotEqualTo(p);
        return k.verifier().verify(AttackKit.sign(k.trusted, AttackKit.headerJson(jwt), changed));
    }

    @Test
    void signedNameWithBidiOrZeroWidthCharacter_malformed() {
        for (String bad : new String[] {"\\u202e", "\\u202a", "\\u2066", "\\u2069", "\\u200b", "\\ufeff", "\\u00ad"}) {
            assertThat(reason(withName("Nguyễn Thị" + bad + " Minh Khai"))).as(bad).isEqualTo(Reason.MALFORMED);
        }
        assertThat(withName("Nguyễn Thị Minh Khải")).isInstanceOf(Verified.class); // an ordinary name passes
    }
}
