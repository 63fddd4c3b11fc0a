package io.github.eidvn.verifier.attacks;

import static io.github.eidvn.verifier.attacks.AttackKit.detail;
import static io.github.eidvn.verifier.attacks.AttackKit.reason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.eidvn.verifier.Reason;
import io.github.eidvn.verifier.VerificationResult;

/**
 * RFC 8725 §3.10: {@code kid} is attacker text. Path traversal, SQL, NUL, control characters, a kid that only starts
 * like the trusted one, and a trusted-kid prefix shorter than {@code TrustStore.MIN_KID_PREFIX} (also
 * {@code JoseAttackTest#shortKidBelowEightCharacters_unknownKey}) are all {@link Reason#UNKNOWN_KEY}: the kid is only ever
 * compared with the trust store's thumbprints, never used as a path or query. The rejection detail shows at most
 * 64 printable ASCII characters of it (no log injection).
 */
class KidInjectionAttackTest {

    private final AttackKit k = new AttackKit();

    private VerificationResult withKid(String kid) {
        Map<String, Object> h = AttackKit.header(k.jwt);
        h.put("kid", kid);
        return k.verifier().verify(AttackKit.sign(k.attacker, h, AttackKit.claims(k.jwt)));
    }

    @Test
    void pathSqlAndControlKids_unknownKey_detailSanitised() {
        String trustedKid = k.trusted.kid();
        for (String kid : List.of("../../etc/passwd", "/dev/null", "..\\..\\windows\\win.ini", "' OR 1=1 --",
                "\" OR \"\"=\"", "1; DROP TABLE keys", "%00", "\u0000", "kid\r\nX-Injected: yes", "${jndi:ldap://a/b}",
                "*", "", " ", trustedKid + "' OR 1=1 --", trustedKid.substring(0, 8) + "/../../x",
                trustedKid.substring(0, 7), "x".repeat(2000))) {
            VerificationResult r = withKid(kid);
            assertThat(reason(r)).as("%s", kid).isEqualTo(Reason.UNKNOWN_KEY);
            assertThat(detail(r)).as("%s", kid).doesNotContain("\r", "\n", "\u0000", "X-Injected: yes\r")
                    .hasSizeLessThan(200);
        }
    }
}
